/**
 * What the welcome packet and the buddy mail take from the sheet besides people and dates: the
 * packet's section texts (old sheets without the `Welkomstpakket` tab get setup's examples), the
 * buddy task description (a `Berichten` template that follows the check-in weeks), and the person
 * who signs the welcome mail.
 */
import { BUDDY_TASK_TEMPLATE, defaultPacket, weeksText } from '../core/defaults';
import { type SectionText, sectionTexts } from '../core/packet';
import { renderTemplate } from '../core/template';
import type { RequestContext } from './context';
import { findTemplate } from './messages';

/** The packet's section texts for a location. */
export function packetSections(ctx: RequestContext, location: string): SectionText[] {
  const table = ctx.wb.tryTable('packet');
  return sectionTexts(table ? table.records.map((r) => r.value) : defaultPacket(), location);
}

/** Warnings for the preview: every section whose text is still setup's example. */
export function exampleWarnings(ctx: RequestContext, sections: readonly SectionText[]): string[] {
  const open = sections.filter((s) => s.example).map((s) => s.section);
  return open.length ? [ctx.t('packet.exampleText', { sections: open.join(', ') })] : [];
}

/**
 * The buddy task description for a location: the `buddytaak` template (the location's own or the
 * school's; setup's default when there is none), with `{{checkinweken}}` from the settings.
 */
export function buddyTaskText(ctx: RequestContext, location: string): string {
  const template = findTemplate(ctx, 'buddytaak', location) ?? BUDDY_TASK_TEMPLATE;
  const weeks = weeksText(ctx.settings().checkInWeeks);
  return renderTemplate({ subject: '', text: template.text }, { checkinweken: weeks }).text;
}

/** Who signs the welcome mail: the setting, else the location's chef buddy. */
export function signature(ctx: RequestContext, chief: { name: string; email: string }): string {
  const s = ctx.settings();
  const name = s.signerName.trim() || chief.name.trim() || chief.email;
  const role = s.signerName.trim() ? s.signerRole.trim() : s.signerRole.trim() || 'chef buddy';
  return ['Hartelijke groet,', '', name, role].filter((l, i) => i < 2 || l).join('\n');
}
