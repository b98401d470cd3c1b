/**
 * Removes e-mail addresses from text that goes to a log line, an error message or a state cell:
 * Google's own messages (e.g. "Invalid email: …") may name a person.
 */
const EMAIL_IN_TEXT = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g;

export function redactEmails(text: string, replacement = '<e-mail>'): string {
  return text.replace(EMAIL_IN_TEXT, replacement);
}

/** The message of anything thrown, without e-mail addresses, at most `max` characters. */
export function safeReason(error: unknown, max = 200): string {
  return redactEmails(error instanceof Error ? error.message : String(error), '<adres>').slice(0, max);
}
