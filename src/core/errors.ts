/**
 * Named errors. A UserError is meant for the person using Wegwijs: it carries a message key and
 * parameters, translated at the entry point into the user's language. Anything else is a bug.
 */

/**
 * The message keys, and no texts: the server's catalogue (`app/texts/messages.ts`) fills this
 * interface in (declaration merging), so the compiler checks every key core names without core
 * importing a layer above it.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the catalogue (app/texts/messages.ts)
export interface MessageCatalogue {}
export type MessageKey = keyof MessageCatalogue & string;

export type MessageParams = Readonly<Record<string, string | number>>;

export class UserError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(key);
    this.name = 'UserError';
  }
}

/** Guard clause: throws a UserError when the condition does not hold. */
export function assertUser(condition: unknown, key: MessageKey, params?: MessageParams): asserts condition {
  if (!condition) throw new UserError(key, params);
}
