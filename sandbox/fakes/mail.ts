/** MailApp: recipient quota on the fake clock's day, address checks, fault injection and an outbox. */
import type { FakeContext } from './core.ts';
import { isoDay } from './time.ts';

/** One attachment as sent; `bytes` is base64 so the outbox stays JSON-safe. */
export interface SentAttachment {
  name: string | null;
  mimeType: string | null;
  size: number;
  bytes: string;
}

/** One message in the outbox. Address fields are as given ('' when absent). */
export interface SentMail {
  from: string;
  to: string;
  cc: string;
  bcc: string;
  /** Every address of to, cc and bcc. */
  recipients: string[];
  replyTo: string;
  name: string;
  subject: string;
  body: string;
  htmlBody: string;
  noReply: boolean;
  attachments: SentAttachment[];
  /** ISO 8601 with offset, from the fake clock in the script time zone. */
  sentAt: string;
}

/** Quota and outbox as plain data. */
export interface MailState {
  outbox: SentMail[];
  quota: number;
  used: number;
  /** The day (script time zone) `used` counts for. */
  day: string;
}

interface Failure {
  matches(mail: SentMail): boolean;
  message: string;
  remaining: number;
}

/** Google's generic error for a failing service call. */
export const SERVER_ERROR = "We're sorry, a server error occurred. Please wait a bit and try again.";

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

/** Test controls: quota and injected failures. */
export class MailControl {
  failures: Failure[] = [];
  constructor(private state: MailState) {}
  setQuota(n: number): void {
    this.state.quota = n;
  }
  /** The next `n` sends throw `message` without sending. */
  failNext(n: number, message = SERVER_ERROR): void {
    this.failures.push({ matches: () => true, message, remaining: n });
  }
  /** Every send whose message matches throws `message` without sending, until cleared. */
  failOn(predicate: (mail: SentMail) => boolean, message = SERVER_ERROR): void {
    this.failures.push({ matches: predicate, message, remaining: Number.POSITIVE_INFINITY });
  }
  clearFailures(): void {
    this.failures = [];
  }
}

/** The message object form of sendEmail, with the options form merged in. */
interface MailInput {
  to?: unknown;
  cc?: unknown;
  bcc?: unknown;
  replyTo?: unknown;
  name?: unknown;
  subject?: unknown;
  body?: unknown;
  htmlBody?: unknown;
  attachments?: unknown;
  noReply?: unknown;
}

interface BlobLike {
  getBytes(): number[];
  getName(): string | null;
  getContentType(): string | null;
}

function isBlobLike(value: unknown): value is BlobLike {
  return typeof value === 'object' && value !== null && typeof (value as BlobLike).getBytes === 'function';
}

/** The MailApp fake. */
export class FakeMailApp {
  constructor(
    private ctx: FakeContext,
    private state: MailState,
    private control: MailControl,
  ) {}

  /** The quota is counted per day in the script's time zone; a new day starts afresh. */
  private rollOver(): void {
    const today = isoDay(this.ctx.nowMs, this.ctx.timeZone);
    if (this.state.day !== today) {
      this.state.day = today;
      this.state.used = 0;
    }
  }
  getRemainingDailyQuota(): number {
    this.rollOver();
    return Math.max(0, this.state.quota - this.state.used);
  }

  private addresses(field: unknown): string[] {
    if (field === undefined || field === null || field === '') return [];
    const out: string[] = [];
    for (const raw of String(field).split(',')) {
      const entry = raw.trim();
      if (entry === '') continue;
      const address = entry.match(/<([^>]*)>\s*$/)?.[1]?.trim() ?? entry;
      if (!EMAIL.test(address)) throw this.ctx.error(`Invalid email: ${entry}`);
      out.push(address);
    }
    return out;
  }

  private attachments(list: unknown): SentAttachment[] {
    if (list === undefined || list === null) return [];
    if (!Array.isArray(list)) throw this.ctx.error('Invalid argument: attachments');
    return list.map((item: unknown) => {
      const source = item as { getBlob?: () => unknown };
      const blob = typeof source?.getBlob === 'function' ? source.getBlob() : item;
      if (!isBlobLike(blob)) throw this.ctx.error('Invalid argument: attachments');
      const bytes = Buffer.from(new Uint8Array(blob.getBytes().map((n) => n & 0xff)));
      return {
        name: blob.getName(),
        mimeType: blob.getContentType(),
        size: bytes.length,
        bytes: bytes.toString('base64'),
      };
    });
  }

  /**
   * sendEmail(message), sendEmail(to, subject, body[, options]) and sendEmail(to, replyTo,
   * subject, body). Nothing is sent when any check fails.
   */
  sendEmail(...args: unknown[]): void {
    let input: MailInput;
    if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null) input = args[0] as MailInput;
    else if (args.length === 4 && typeof args[3] === 'string') {
      input = { to: args[0], replyTo: args[1], subject: args[2], body: args[3] };
    } else {
      const options = (typeof args[3] === 'object' && args[3] !== null ? args[3] : {}) as MailInput;
      input = { ...options, to: args[0], subject: args[1], body: args[2] };
    }
    const to = this.addresses(input.to);
    const cc = this.addresses(input.cc);
    const bcc = this.addresses(input.bcc);
    if (input.replyTo) this.addresses(input.replyTo);
    const recipients = [...to, ...cc, ...bcc];
    if (recipients.length === 0) throw this.ctx.error('Failed to send email: no recipient');
    if (recipients.length > 50) throw this.ctx.error('Limit Exceeded: Email Recipients Per Message.');
    const attachments = this.attachments(input.attachments);
    if (attachments.reduce((n, a) => n + a.size, 0) > 25 * 1024 * 1024) {
      throw this.ctx.error('Limit Exceeded: Email Total Attachments Size.');
    }
    const mail: SentMail = {
      from: this.ctx.effectiveUser,
      to: String(input.to ?? ''),
      cc: String(input.cc ?? ''),
      bcc: String(input.bcc ?? ''),
      recipients,
      replyTo: String(input.replyTo ?? ''),
      name: String(input.name ?? ''),
      subject: String(input.subject ?? ''),
      body: String(input.body ?? ''),
      htmlBody: String(input.htmlBody ?? ''),
      noReply: Boolean(input.noReply),
      attachments,
      sentAt: this.ctx.isoWithOffset(this.ctx.nowMs),
    };
    const failure = this.control.failures.find((f) => f.remaining > 0 && f.matches(mail));
    if (failure) {
      failure.remaining--;
      throw this.ctx.error(failure.message);
    }
    // Google checks the whole message against what is left: too few left means nothing is sent.
    if (this.getRemainingDailyQuota() < recipients.length) {
      throw this.ctx.error('Service invoked too many times for one day: email.');
    }
    this.state.used += recipients.length;
    this.state.outbox.push(mail);
  }
}
