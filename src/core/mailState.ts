/**
 * The state of one automatic mail, as shown in its sheet cell (Dutch, readable by a person):
 * gepland → wordt verzonden → verzonden, or mislukt (with the reason), or onbekend (check by hand).
 */
import { parseDateText } from './dates';
import { hashText } from './identity';

export type MailState =
  | { readonly kind: 'none' }
  | { readonly kind: 'pending'; readonly due: string }
  | { readonly kind: 'sending'; readonly since: string }
  | { readonly kind: 'sent'; readonly at: string }
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'unknown'; readonly since: string }
  | { readonly kind: 'skipped'; readonly reason: string };

const WORDS: Record<Exclude<MailState['kind'], 'none'>, string> = {
  pending: 'gepland',
  sending: 'wordt verzonden',
  sent: 'verzonden',
  failed: 'mislukt',
  unknown: 'onbekend',
  skipped: 'overgeslagen',
};

/** `2027-01-04T07:30:00+01:00` → `2027-01-04 07:30`, the way a person reads a moment. */
export function shortMoment(iso: string): string {
  return iso.length >= 16 ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso;
}

/** The cell text for a state. */
export function formatMailState(state: MailState): string {
  switch (state.kind) {
    case 'none':
      return '';
    case 'pending':
      return state.due ? `${WORDS.pending} ${state.due}` : WORDS.pending;
    case 'sending':
      return `${WORDS.sending} ${shortMoment(state.since)}`;
    case 'sent':
      return `${WORDS.sent} ${shortMoment(state.at)}`;
    case 'failed':
      return `${WORDS.failed}: ${state.reason}`;
    case 'unknown':
      return `${WORDS.unknown} sinds ${shortMoment(state.since)}: controleer of de mail is aangekomen`;
    case 'skipped':
      return `${WORDS.skipped}: ${state.reason}`;
  }
}

/**
 * Reads a state cell. Anything a person typed that is not a known state is read as `unknown`, so
 * that it is never taken as permission to send; an empty cell is `none`.
 */
export function parseMailState(text: string): MailState {
  const t = text.trim();
  if (t === '') return { kind: 'none' };
  const lower = t.toLowerCase();
  const rest = (word: string) => t.slice(word.length).replace(/^[:\s]+/, '');
  if (lower.startsWith(WORDS.sending)) return { kind: 'sending', since: rest(WORDS.sending) };
  if (lower.startsWith(WORDS.sent)) return { kind: 'sent', at: rest(WORDS.sent) };
  if (lower.startsWith(WORDS.pending)) {
    const due = parseDateText(rest(WORDS.pending).split(/\s/)[0] ?? '');
    return { kind: 'pending', due: due ?? '' };
  }
  if (lower.startsWith(WORDS.failed)) return { kind: 'failed', reason: rest(WORDS.failed) };
  if (lower.startsWith(WORDS.skipped)) return { kind: 'skipped', reason: rest(WORDS.skipped) };
  if (lower === 'opnieuw' || lower === 'retry') return { kind: 'pending', due: '' };
  return { kind: 'unknown', since: rest(WORDS.unknown) };
}

/** A short, stable, non-reversible id for a mail (no personal data in property keys). */
export function mailId(kind: string, ...parts: string[]): string {
  // FNV-1a, twice with different seeds and primes, for 64 bits of spread.
  const text = parts.join('\u0000');
  const a = hashText(text);
  const b = hashText(text, 0x01000193 ^ 0x5bd1e995, 0x5bd1e995);
  return `${kind}:${a.toString(36)}${b.toString(36)}`;
}
