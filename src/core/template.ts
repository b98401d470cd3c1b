/**
 * Message templates from the `Berichten` tab: `{{placeholder}}` text rendered into a plain-text
 * part and an HTML part. Every value is escaped in HTML; an unknown placeholder or a missing value
 * is an error that blocks sending, shown in the preview.
 */
import { escapeHtml } from './html';

/** A value for a placeholder: text, a list of lines, or a link. */
export type TemplateValue =
  | string
  | { readonly lines: readonly string[] }
  | { readonly link: string; readonly label: string };

/**
 * A list value whose lines are made when first read: a check (`templateErrors`) never reads a
 * list's lines, so the sidebar's packet check does not format every newcomer's schedule.
 */
export function linesOf(make: () => readonly string[]): TemplateValue {
  let lines: readonly string[] | undefined;
  return {
    get lines() {
      if (lines === undefined) lines = make();
      return lines;
    },
  };
}

export interface TemplateError {
  readonly code: 'unknownPlaceholder' | 'missingValue';
  readonly name: string;
}

export interface RenderedMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly errors: readonly TemplateError[];
}

const PLACEHOLDER = /\{\{\s*([\p{L}\p{N}_.-]+)\s*\}\}/gu;

function normalizeKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]/g, '');
}

/** Only web links become anchors; anything else is shown as text. */
function safeUrl(url: string): string | null {
  return /^https?:\/\/[^\s<>"']+$/i.test(url.trim()) ? url.trim() : null;
}

function asText(value: TemplateValue): string {
  if (typeof value === 'string') return value;
  if ('lines' in value) return value.lines.join('\n');
  return value.label && value.label !== value.link ? `${value.label}: ${value.link}` : value.link;
}

function asHtml(value: TemplateValue): string {
  if (typeof value === 'string') return escapeHtml(value).replace(/\n/g, '<br>');
  if ('lines' in value) {
    return value.lines.length
      ? `<ul>${value.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`
      : '';
  }
  const url = safeUrl(value.link);
  return url
    ? `<a href="${escapeHtml(url)}" target="_blank" rel="noopener">${escapeHtml(value.label || url)}</a>`
    : escapeHtml(value.link);
}

function isEmpty(value: TemplateValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if ('lines' in value) return false; // an empty list is a valid answer ("nothing to list")
  return value.link.trim() === '';
}

/** Looks placeholders up in `values`, collecting each unknown or missing one once in `errors`. */
function lookupIn(
  values: Readonly<Record<string, TemplateValue | undefined>>,
  errors: Map<string, TemplateError>,
): (name: string) => TemplateValue | null {
  const known = new Map(Object.entries(values).map(([k, v]) => [normalizeKey(k), v]));
  return (name) => {
    const key = normalizeKey(name);
    if (!known.has(key)) {
      errors.set(`u:${key}`, { code: 'unknownPlaceholder', name });
      return null;
    }
    const value = known.get(key);
    if (isEmpty(value)) {
      errors.set(`m:${key}`, { code: 'missingValue', name });
      return null;
    }
    return value!;
  };
}

/**
 * The errors `renderTemplate` would report, in the same order, without rendering: for a check
 * that only needs to know whether a message could go.
 */
export function templateErrors(
  template: { readonly subject: string; readonly text: string },
  values: Readonly<Record<string, TemplateValue | undefined>>,
): TemplateError[] {
  const errors = new Map<string, TemplateError>();
  const lookup = lookupIn(values, errors);
  for (const part of [template.subject, template.text])
    for (const match of part.matchAll(PLACEHOLDER)) lookup(match[1]!);
  return [...errors.values()];
}

/**
 * Renders a template. `values` holds every placeholder this message knows; a placeholder not in it
 * is unknown, one whose value is empty is missing. Both are reported once each.
 */
export function renderTemplate(
  template: { readonly subject: string; readonly text: string },
  values: Readonly<Record<string, TemplateValue | undefined>>,
): RenderedMessage {
  const errors = new Map<string, TemplateError>();
  const lookup = lookupIn(values, errors);
  const subject = template.subject
    .replace(PLACEHOLDER, (whole, name: string) => {
      const v = lookup(name);
      return v === null ? whole : asText(v).replace(/\s+/g, ' ');
    })
    .trim();
  const text = template.text.replace(PLACEHOLDER, (whole, name: string) => {
    const v = lookup(name);
    return v === null ? whole : asText(v);
  });
  // HTML: split the template (not the values) into paragraphs, then fill in escaped values.
  const html = template.text
    .split(/\n\s*\n/)
    .map((paragraph) => {
      let out = '';
      let last = 0;
      for (const match of paragraph.matchAll(PLACEHOLDER)) {
        out += escapeHtml(paragraph.slice(last, match.index)).replace(/\n/g, '<br>');
        const v = lookup(match[1]!);
        out += v === null ? escapeHtml(match[0]) : asHtml(v);
        last = match.index! + match[0].length;
      }
      out += escapeHtml(paragraph.slice(last)).replace(/\n/g, '<br>');
      return `<p>${out}</p>`;
    })
    .join('\n');
  return { subject, text, html, errors: [...errors.values()] };
}

/** Wraps an HTML message body in a simple, mail-client-safe page. `title` is escaped. */
export function mailHtml(title: string, body: string, footer: string): string {
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f6f8fc;">',
    '<div style="max-width:640px;margin:0 auto;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#202124;background:#ffffff;">',
    body,
    `<hr style="border:none;border-top:1px solid #dadce0;margin:24px 0 8px;"><p style="font-size:12px;color:#5f6368;">${escapeHtml(footer)}</p>`,
    '</div></body></html>',
  ].join('');
}
