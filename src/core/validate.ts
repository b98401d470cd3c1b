/**
 * Argument checks for calls from the sidebar: anyone with edit access can call any public
 * function with anything, so every argument is checked on the server before anything is read.
 */
import { isIsoDate } from './dates';
import { UserError } from './errors';
import type { Email } from './identity';

/**
 * The fields a sidebar call can get wrong, named in messages by their translated label
 * (`field.<name>` in the catalogue), never by an internal parameter name.
 */
export type FieldLabel =
  | 'newcomer'
  | 'buddy'
  | 'location'
  | 'reason'
  | 'email'
  | 'date'
  | 'planned'
  | 'activity'
  | 'done'
  | 'automaticSending'
  | 'pairs'
  | 'phase'
  | 'confirmed'
  | 'round'
  | 'closes';

/** Longest free text accepted from the sidebar (a note, a reason). */
export const MAX_TEXT = 2000;
const EMAIL = /^[^\s@,;<>"']+@[^\s@,;<>"']+\.[a-z]{2,}$/i;

export function expectBoolean(value: unknown, field: FieldLabel): boolean {
  if (typeof value !== 'boolean') throw new UserError('arg.notBoolean', { field });
  return value;
}

export function expectText(value: unknown, field: FieldLabel, max = MAX_TEXT): string {
  if (typeof value !== 'string') throw new UserError('arg.notText', { field });
  if (value.length > max) throw new UserError('arg.tooLong', { field, max });
  return value.trim();
}

/** One well-formed e-mail address, trimmed and lower case: an `Email` made at the boundary. */
export function expectEmail(value: unknown, field: FieldLabel): Email {
  const text = expectText(value, field, 254).toLowerCase();
  if (!EMAIL.test(text)) throw new UserError('arg.notEmail', { field });
  return text as Email;
}

export function expectDate(value: unknown, field: FieldLabel): string {
  if (!isIsoDate(value)) throw new UserError('arg.notDate', { field });
  return value;
}

/** A well-formed single address (no lists, no spaces, no display names). */
export function isEmail(text: string): boolean {
  return EMAIL.test(text);
}
