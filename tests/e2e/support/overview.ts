/** Reads the sidebar's Overzicht tab as figures, to compare with what `getOverview` answers. */
import type { Frame } from 'playwright-core';
import type { FiguresDto } from '../../../src/shared/api.ts';

/** One card's figures as the sidebar shows them, keyed by the `ov-<field>` test ids. */
export interface CardText {
  location: string;
  total: boolean;
  fields: Record<string, string>;
}

const FIELDS = [
  'newcomers',
  'without-buddy',
  'soon-without-welcome',
  'schedule',
  'held',
  'due',
  'late',
  'wellbeing',
  'load',
  'mails-failed',
  'mails-unknown',
] as const;

/** What a card should show for these figures (Dutch). */
export function expectedFields(f: FiguresDto): Record<string, string> {
  return {
    newcomers: String(f.newcomers),
    'without-buddy': String(f.withoutBuddy),
    'soon-without-welcome': String(f.startingSoonWithoutWelcome),
    schedule: `${f.scheduleDone} van ${f.scheduleTotal}`,
    held: String(f.checkInsHeld),
    due: String(f.checkInsDue),
    late: String(f.checkInsLate),
    wellbeing: f.wellbeing === null ? '—' : f.wellbeing.toFixed(1).replace('.', ','),
    load: `${f.buddyLoadUsed} van ${f.buddyLoadCapacity}`,
    'mails-failed': String(f.mailsFailed),
    'mails-unknown': String(f.mailsUnknown),
  };
}

/** Opens the Overzicht tab and waits until its figures are on screen and no load is running. */
export async function openOverview(frame: Frame): Promise<void> {
  await frame.click('[data-testid=tab-overview]');
  await frame.waitForSelector('[data-testid=overview-tab] [data-testid=ov-attention]');
  await frame.waitForSelector('[data-testid=overview-tab]:not([aria-busy=true])');
}

/** Presses the tab's own "Vernieuwen" and waits for the fresh figures. */
export async function refreshOverview(frame: Frame): Promise<void> {
  await frame.click('[data-testid=ov-refresh]');
  await frame.waitForSelector('[data-testid=overview-tab]:not([aria-busy=true])');
}

/** Every card on the tab (locations first, then the total), as text. */
export async function readCards(frame: Frame): Promise<CardText[]> {
  return frame.$$eval(
    '[data-testid=ov-card], [data-testid=ov-total]',
    (cards, fields) =>
      cards.map((card) => ({
        location: card.getAttribute('data-location') ?? '',
        total: card.getAttribute('data-testid') === 'ov-total',
        fields: Object.fromEntries(
          fields.map((f) => [f, (card.querySelector(`[data-testid=ov-${f}]`)?.textContent ?? '').trim()]),
        ),
      })),
    [...FIELDS],
  );
}

/** The attention list as the sidebar groups it: location → texts. */
export async function readAttention(frame: Frame): Promise<Record<string, string[]>> {
  return frame.$$eval('[data-testid=ov-attention-group]', (groups) =>
    Object.fromEntries(
      groups.map((g) => [
        g.getAttribute('data-location') ?? '',
        [...g.querySelectorAll('[data-testid=ov-attention-item]')].map((li) => (li.textContent ?? '').trim()),
      ]),
    ),
  );
}

/** The sidebar chart's bars: location → {held, late}. */
export async function readChart(frame: Frame): Promise<Record<string, { held: number; late: number }>> {
  const bars = await frame.$$eval('[data-testid=ov-chart] [data-testid=ov-bar]', (rects) =>
    rects.map((r) => ({
      location: r.getAttribute('data-location') ?? '',
      kind: r.getAttribute('data-kind') ?? '',
      value: Number(r.getAttribute('data-value')),
    })),
  );
  const out: Record<string, { held: number; late: number }> = {};
  for (const b of bars) {
    out[b.location] ??= { held: -1, late: -1 };
    if (b.kind === 'held' || b.kind === 'late') out[b.location]![b.kind] = b.value;
  }
  return out;
}
