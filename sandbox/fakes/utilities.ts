/** Utilities (dates, blobs, base64, digests, sleep) and Logger/console recording. */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { format } from 'node:util';
import type { FakeContext } from './core.ts';
import { isDate } from './core.ts';
import { htmlToText, textToPdf } from './pdf.ts';
import { formatJavaDate, isValidTimeZone, parseJavaDate } from './time.ts';

/** `Utilities.Charset` values. */
export const CHARSET = Object.freeze({ US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' });
/** `Utilities.DigestAlgorithm` values. */
export const DIGEST_ALGORITHM = Object.freeze({
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
});

const NODE_DIGEST: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

/** Java bytes are signed: Apps Script hands out byte arrays as numbers from -128 to 127. */
export function toSignedBytes(bytes: Uint8Array): number[] {
  return Array.from(new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** Bytes from a string (UTF-8 or US-ASCII) or an array of (signed or unsigned) byte numbers. */
export function toBytes(data: unknown, charset?: string): Uint8Array {
  if (typeof data === 'string')
    return new Uint8Array(Buffer.from(data, charset === 'US_ASCII' ? 'latin1' : 'utf8'));
  if (data instanceof Uint8Array) return new Uint8Array(data);
  if (Array.isArray(data)) return new Uint8Array(data.map((n) => Number(n) & 0xff));
  return new Uint8Array(Buffer.from(String(data), 'utf8'));
}

/** The Blob fake. */
export class FakeBlob {
  constructor(
    private ctx: FakeContext,
    /** Raw content. */
    public bytes: Uint8Array,
    private contentType: string | null,
    private name: string | null,
  ) {}
  getBytes(): number[] {
    return toSignedBytes(this.bytes);
  }
  setBytes(data: number[]): this {
    this.bytes = toBytes(data);
    return this;
  }
  getDataAsString(charset?: string): string {
    return Buffer.from(this.bytes).toString(charset === 'US_ASCII' ? 'latin1' : 'utf8');
  }
  setDataFromString(string: string, charset?: string): this {
    this.bytes = toBytes(String(string), charset);
    return this;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string | null): this {
    this.contentType = contentType;
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string | null): this {
    this.name = name;
    return this;
  }
  isGoogleType(): boolean {
    return false;
  }
  getBlob(): this {
    return this;
  }
  copyBlob(): FakeBlob {
    return blobOf(this.ctx, new Uint8Array(this.bytes), this.contentType, this.name);
  }
  /**
   * Converts the blob. HTML or plain text to `application/pdf` renders a real PDF of the text;
   * Google names the result after the blob with its extension replaced by `.pdf`.
   */
  getAs(contentType: string): FakeBlob {
    const from = (this.contentType ?? '').split(';')[0]?.trim() ?? '';
    if (contentType === from) return this.copyBlob();
    if (contentType === 'application/pdf' && (from === 'text/html' || from === 'text/plain')) {
      const source = this.getDataAsString();
      const text = from === 'text/html' ? htmlToText(source) : source;
      const title = source.match(/<title[^>]*>([\s\S]*?)<\/title>/i)?.[1]?.trim() ?? this.name ?? '';
      const name = this.name === null ? null : `${this.name.replace(/\.[^.]*$/, '')}.pdf`;
      return blobOf(this.ctx, textToPdf(text, title), 'application/pdf', name);
    }
    throw this.ctx.error(`Converting from ${from || 'unknown'} to ${contentType} is not supported.`);
  }
}

/** A wrapped Blob fake. */
export function blobOf(
  ctx: FakeContext,
  bytes: Uint8Array,
  contentType: string | null,
  name: string | null,
): FakeBlob {
  return ctx.wrap('Blob', new FakeBlob(ctx, bytes, contentType, name));
}

function signature(ctx: FakeContext, method: string, args: unknown[]): Error {
  const types = args.map((a) =>
    a === null
      ? 'null'
      : isDate(a)
        ? 'Date'
        : typeof a === 'string'
          ? 'String'
          : typeof a === 'number'
            ? 'number'
            : 'Object',
  );
  return ctx.error(
    `The parameters (${types.join(',')}) don't match the method signature for Utilities.${method}.`,
  );
}

/** The Utilities fake. */
export class FakeUtilities {
  readonly Charset = CHARSET;
  readonly DigestAlgorithm = DIGEST_ALGORITHM;
  constructor(private ctx: FakeContext) {}

  /** Java SimpleDateFormat patterns with the zone's real rules (English names, like Google). */
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signature(this.ctx, 'formatDate', [date, timeZone, format]);
    }
    if (Number.isNaN(date.getTime())) throw this.ctx.error('Invalid argument: date');
    try {
      return formatJavaDate(date.getTime(), isValidTimeZone(timeZone) ? timeZone : 'UTC', format);
    } catch (e) {
      throw this.ctx.error(e instanceof Error ? e.message : String(e));
    }
  }
  /** Lenient like Java: `2027-02-31` rolls into March. Throws for text that does not fit. */
  parseDate(date: string, timeZone: string, format: string): Date {
    const ms = parseJavaDate(String(date), isValidTimeZone(timeZone) ? timeZone : 'UTC', String(format));
    if (ms === null || Number.isNaN(ms)) throw this.ctx.error(`Unparseable date: "${date}"`);
    return this.ctx.date(ms);
  }
  formatString(template: string, ...args: unknown[]): string {
    return format(template, ...args);
  }
  /** Advances the fake clock instead of waiting; Google allows at most 5 minutes. */
  sleep(milliseconds: number): void {
    if (!(milliseconds >= 0 && milliseconds <= 300000))
      throw this.ctx.error('Invalid argument: milliseconds');
    this.ctx.nowMs += milliseconds;
  }
  getUuid(): string {
    return randomUUID();
  }
  base64Encode(data: string | number[], charset?: string): string {
    return Buffer.from(toBytes(data, charset)).toString('base64');
  }
  base64EncodeWebSafe(data: string | number[], charset?: string): string {
    // Google's web-safe form keeps the '=' padding.
    return this.base64Encode(data, charset).replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string): number[] {
    return toSignedBytes(new Uint8Array(Buffer.from(String(encoded), 'base64')));
  }
  base64DecodeWebSafe(encoded: string): number[] {
    return toSignedBytes(new Uint8Array(Buffer.from(String(encoded), 'base64url')));
  }
  computeDigest(algorithm: string, value: string | number[], charset?: string): number[] {
    const alg = NODE_DIGEST[algorithm];
    if (!alg) throw this.ctx.error(`Invalid argument: algorithm`);
    return toSignedBytes(new Uint8Array(createHash(alg).update(toBytes(value, charset)).digest()));
  }
  computeHmacSha256Signature(value: string | number[], key: string | number[], charset?: string): number[] {
    const mac = createHmac('sha256', toBytes(key, charset)).update(toBytes(value, charset)).digest();
    return toSignedBytes(new Uint8Array(mac));
  }
  newBlob(data: string | number[], contentType?: string, name?: string): FakeBlob {
    return blobOf(this.ctx, toBytes(data), contentType ?? null, name ?? null);
  }
}

/** Formats log arguments like console and Logger (`%s`, `%d`, objects as JSON-ish). */
export function logLine(args: unknown[]): string {
  return format(...args);
}

/** The Logger fake: lines go to `Logger.getLog()` and to `fakes.logs`. */
export class FakeLogger {
  private lines: string[] = [];
  constructor(private ctx: FakeContext) {}
  log(data: unknown, ...values: unknown[]): this {
    const line = logLine([data, ...values]);
    this.lines.push(line);
    this.ctx.logs.push(line);
    return this;
  }
  getLog(): string {
    return this.lines.join('\n');
  }
  clear(): void {
    this.lines = [];
  }
}

/** A console for the script: every line is recorded in `fakes.logs` (warn/error with a prefix). */
export function recordedConsole(
  ctx: FakeContext,
): Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'debug'> {
  const at =
    (prefix: string) =>
    (...args: unknown[]): void => {
      ctx.logs.push(prefix + logLine(args));
    };
  return { log: at(''), info: at(''), debug: at(''), warn: at('WARN: '), error: at('ERROR: ') };
}
