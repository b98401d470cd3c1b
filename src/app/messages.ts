/**
 * Composing mails from the `Berichten` templates: the location's own template or the school-wide
 * one, rendered with escaped values, with a plain-text part always. A mail that cannot be composed
 * says why, so it stays pending and is reported instead of being sent wrong.
 */
import { ALL_LOCATIONS, type MESSAGE_KINDS, normalizeName } from '../core/schema';
import { mailHtml, renderTemplate, type TemplateValue } from '../core/template';
import { isEmail } from '../core/validate';
import type { RequestContext } from './context';
import type { OutgoingMail } from './ports';

export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** The template for a kind of message at a location: its own row first, else the school-wide one. */
export function findTemplate(
  ctx: RequestContext,
  kind: MessageKind,
  location: string,
): { subject: string; text: string } | null {
  const rows = ctx.wb
    .table('messages')
    .records.map((r) => r.value)
    .filter((r) => r.message === kind);
  const here = normalizeName(location);
  const own = rows.find((r) => normalizeName(r.location) === here && here !== '');
  const base = rows.find(
    (r) => r.location === '' || normalizeName(r.location) === normalizeName(ALL_LOCATIONS),
  );
  return own ?? base ?? null;
}

/** The first word of a name, for "Beste Anna". */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

export interface MailRequest {
  readonly kind: MessageKind;
  readonly location: string;
  readonly to: string;
  readonly replyTo?: string;
  readonly values: Readonly<Record<string, TemplateValue | undefined>>;
  readonly attachments?: OutgoingMail['attachments'];
}

/** Builds the mail, or the translated reason why it cannot go yet. */
export function composeMail(ctx: RequestContext, request: MailRequest): OutgoingMail | { skip: string } {
  if (!isEmail(request.to)) return { skip: ctx.t('mail.invalidAddress') };
  // Nobody who left gets mail from Wegwijs, from their leaving date on.
  if (ctx.directory().hasLeft(request.to)) return { skip: ctx.t('mail.recipientLeft') };
  const found = findTemplate(ctx, request.kind, request.location);
  if (!found) return { skip: ctx.t('mail.templateMissing', { kind: request.kind }) };
  // A mail signed by a person: a template from before `{{ondertekening}}` existed gets it at the end.
  const template =
    request.values.ondertekening !== undefined && !/\{\{\s*ondertekening\s*\}\}/i.test(found.text)
      ? { subject: found.subject, text: `${found.text.trimEnd()}\n\n{{ondertekening}}` }
      : found;
  const rendered = renderTemplate(template, request.values);
  if (rendered.errors.length) {
    const errors = rendered.errors
      .map((e) =>
        ctx.t(e.code === 'unknownPlaceholder' ? 'mail.unknownPlaceholder' : 'mail.missingValue', {
          name: e.name,
        }),
      )
      .join(', ');
    return { skip: ctx.t('mail.templateError', { errors }) };
  }
  const footer = ctx.t('mail.footer');
  return {
    to: request.to,
    ...(request.replyTo && isEmail(request.replyTo) ? { replyTo: request.replyTo } : {}),
    // The school writes, not the tool: the sender name defaults to the school's name.
    senderName: ctx.settings().senderName || ctx.settings().schoolName || 'Wegwijs',
    subject: rendered.subject,
    body: `${rendered.text}\n\n--\n${footer}`,
    htmlBody: mailHtml(rendered.subject, rendered.html, footer),
    ...(request.attachments ? { attachments: request.attachments } : {}),
  };
}
