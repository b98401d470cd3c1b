/**
 * Composing mails from the `Berichten` templates: the location's own template or the school-wide
 * one, rendered with escaped values, with a plain-text part always. A mail that cannot be composed
 * says why, so it stays pending and is reported instead of being sent wrong.
 */
import { isAllLocations, normalizeName, personKey } from '../core/identity';
import type { MESSAGE_KINDS } from '../core/schema';
import {
  mailHtml,
  renderTemplate,
  type TemplateError,
  type TemplateValue,
  templateErrors,
} from '../core/template';
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
  const base = rows.find((r) => isAllLocations(r.location));
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

/**
 * The page's address for mails and the sidebar: what the deployment says
 * (`ScriptApp.getService().getUrl()`), else the `Mijn Wegwijs (URL)` setting, else '' (no link).
 */
export function pageAddress(ctx: RequestContext): string {
  return ctx.services.environment.webAppUrl() || ctx.settings().pageUrl;
}

/**
 * Mails that mention the schedule or a check-in point to Mijn Wegwijs with this line; a template
 * from before `{{mijnwegwijs}}` existed gets it too (before the signature), as with `{{ondertekening}}`.
 */
const PAGE_LINES: Partial<Record<MessageKind, string>> = {
  welkomstpakket: 'Je inwerkschema en je check-ins staan altijd actueel op {{mijnwegwijs}}',
  'buddy-koppeling': 'Het inwerkschema afvinken en check-ins vastleggen doe je op {{mijnwegwijs}}',
  'check-in-herinnering': 'Leg de check-in daarna vast op {{mijnwegwijs}}',
  'check-in-te-laat': 'Vastleggen doe je op {{mijnwegwijs}}',
};
const PAGE_PLACEHOLDER = /\{\{\s*mijnwegwijs\s*\}\}/i;

/**
 * The template with the page's link in place: added where the kind mentions the schedule or a
 * check-in and the template has no `{{mijnwegwijs}}` yet; without a known address every line that
 * holds the placeholder goes, so a mail never carries an empty or broken link.
 */
function withPageLink(
  kind: MessageKind,
  template: { subject: string; text: string },
  url: string,
): { subject: string; text: string } {
  let text = template.text;
  const line = PAGE_LINES[kind];
  if (url && line && !PAGE_PLACEHOLDER.test(text)) {
    const lines = text.trimEnd().split('\n');
    const signed = lines.findIndex((l) => /\{\{\s*ondertekening\s*\}\}/i.test(l));
    if (signed >= 0) lines.splice(signed, 0, line, '');
    else lines.push('', line);
    text = lines.join('\n');
  }
  if (url) return { subject: template.subject, text };
  return {
    subject: template.subject.replace(new RegExp(PAGE_PLACEHOLDER.source, 'gi'), '').trim(),
    text: text
      .split('\n')
      .filter((l) => !PAGE_PLACEHOLDER.test(l))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n'),
  };
}

/** What blocks a mail, without rendering it ('' when it could go): the checks of `composeMail`. */
export function mailProblem(ctx: RequestContext, request: MailRequest): string {
  const ready = prepareMail(ctx, request);
  if ('skip' in ready) return ready.skip;
  const errors = templateErrors(ready.template, ready.values);
  return errors.length ? errorsText(ctx, errors) : '';
}

/** The recipient checked, the template found and completed, the values with the page link. */
function prepareMail(
  ctx: RequestContext,
  request: MailRequest,
):
  | { skip: string }
  | {
      template: { subject: string; text: string };
      values: Readonly<Record<string, TemplateValue | undefined>>;
    } {
  if (!isEmail(request.to)) return { skip: ctx.t('mail.invalidAddress') };
  // Nobody who left gets mail from Wegwijs, from their leaving date on.
  if (ctx.directory().hasLeft(personKey(request.to))) return { skip: ctx.t('mail.recipientLeft') };
  const found = findTemplate(ctx, request.kind, request.location);
  if (!found) return { skip: ctx.t('mail.templateMissing', { kind: request.kind }) };
  // A mail signed by a person: a template from before `{{ondertekening}}` existed gets it at the end.
  const signed =
    request.values.ondertekening !== undefined && !/\{\{\s*ondertekening\s*\}\}/i.test(found.text)
      ? { subject: found.subject, text: `${found.text.trimEnd()}\n\n{{ondertekening}}` }
      : found;
  const url = pageAddress(ctx);
  return {
    template: withPageLink(request.kind, signed, url),
    values: { ...request.values, ...(url ? { mijnwegwijs: { link: url, label: 'Mijn Wegwijs' } } : {}) },
  };
}

function errorsText(ctx: RequestContext, errors: readonly TemplateError[]): string {
  const list = errors
    .map((e) =>
      ctx.t(e.code === 'unknownPlaceholder' ? 'mail.unknownPlaceholder' : 'mail.missingValue', {
        name: e.name,
      }),
    )
    .join(', ');
  return ctx.t('mail.templateError', { errors: list });
}

/** Builds the mail, or the translated reason why it cannot go yet. */
export function composeMail(ctx: RequestContext, request: MailRequest): OutgoingMail | { skip: string } {
  const ready = prepareMail(ctx, request);
  if ('skip' in ready) return ready;
  const rendered = renderTemplate(ready.template, ready.values);
  if (rendered.errors.length) return { skip: errorsText(ctx, rendered.errors) };
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
