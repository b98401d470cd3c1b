/**
 * "Deze week": everything that needs a chef buddy or the school leader this week, on one screen,
 * computed from the sidebar state already read (no extra server call). Every item is a button
 * that opens the place to act: the pairing of a newcomer, or the newcomer's card.
 */
import type { NewcomerDto, SidebarState } from '../shared/api';
import type { Language } from '../shared/language';
import { txFor } from './kit';
import { packetText } from './newcomer-welcome';
import { addDaysIso, dayDate, type TextKey, text } from './texts';

/**
 * Where an item leads: the pairing tab with the newcomer opened, or the newcomer's card;
 * `replace` opens the newcomer's pair with "Vervangen" already asked (the reason comes next).
 */
export interface Focus {
  tab: 'pairing' | 'newcomers';
  email: string;
  replace?: boolean;
}

/** Whether the last held check-in gave a signal: klik "niet" or "twijfel", or wellbeing 1–2. */
export function hasSignal(n: Pick<NewcomerDto, 'lastClick' | 'lastWellbeing'>): boolean {
  return (
    n.lastClick === 'niet' || n.lastClick === 'twijfel' || (n.lastWellbeing !== null && n.lastWellbeing <= 2)
  );
}

/** The signal in words: "klik niet, welbevinden 2". */
export function signalText(language: Language, n: Pick<NewcomerDto, 'lastClick' | 'lastWellbeing'>): string {
  return text(language, 'signal.parts', {
    click: n.lastClick ? text(language, `checkin.clicks.${n.lastClick}` as TextKey) : '—',
    wellbeing: n.lastWellbeing ?? '—',
  });
}

/**
 * "Vervangen" next to a signal: opens the newcomer's pair on the pairing tab with the reason
 * asked at once. Shown only where the newcomer has a buddy to replace.
 */
export function ReplaceButton(props: {
  email: string;
  name: string;
  language: Language;
  onOpen: (focus: Focus) => void;
}) {
  return (
    <button
      type="button"
      class="link"
      data-testid="signal-replace"
      data-email={props.email}
      aria-label={text(props.language, 'pairing.replaceFor', { name: props.name })}
      onClick={() => props.onOpen({ tab: 'pairing', email: props.email, replace: true })}
    >
      {text(props.language, 'pairing.replace')}
    </button>
  );
}

export interface WeekItem {
  kind: 'noBuddy' | 'buddyLeft' | 'noSchedule' | 'packet' | 'late' | 'due' | 'signal' | 'worries';
  email: string;
  text: string;
  focus: Focus;
  /** A signal about a newcomer with a buddy: "Vervangen" sits next to it. */
  replaceable?: boolean;
}

/** Packet codes that need a person (the others go by themselves, or went). */
const PACKET_NEEDS_SOMEONE = new Set([
  'blocked',
  'manualOff',
  'manualBroken',
  'failed',
  'unknown',
  'startedLongAgo',
]);

/** The items of this week, most urgent kinds first. */
export function weekItems(state: SidebarState, language: Language): WeekItem[] {
  const t = txFor(language);
  const day = (iso: string) => dayDate(language, iso, state.today);
  const items: WeekItem[] = [];
  const weekEnd = addDaysIso(state.today, 6);
  for (const w of state.pairing?.unpaired ?? []) {
    items.push({
      kind: 'noBuddy',
      email: w.email,
      text: t('week.noBuddy', { name: w.name || w.email, date: w.startDate ? day(w.startDate) : '—' }),
      focus: { tab: 'pairing', email: w.email },
    });
  }
  for (const n of state.newcomers) {
    const name = n.name || n.email;
    const card: Focus = { tab: 'newcomers', email: n.email };
    if (n.buddyLeft)
      items.push({
        kind: 'buddyLeft',
        email: n.email,
        text: t('week.buddyLeft', { name, buddy: n.buddyName }),
        focus: { tab: 'pairing', email: n.email },
      });
    if (n.buddy && !n.hasSchedule)
      items.push({ kind: 'noSchedule', email: n.email, text: t('week.noSchedule', { name }), focus: card });
    const row = state.welcome?.find((w) => w.email === n.email);
    // Without a buddy the packet cannot go either: the "no buddy" item is the one to act on.
    if (row && n.buddy && PACKET_NEEDS_SOMEONE.has(row.status.code))
      items.push({
        kind: 'packet',
        email: n.email,
        text: t('week.packet', { name, text: packetText(language, row.status, state.today) }),
        focus: card,
      });
    if (n.checkInsLate > 0)
      items.push({
        kind: 'late',
        email: n.email,
        text: t('week.late', { name, n: n.checkInsLate }),
        focus: card,
      });
    else if (n.nextCheckIn && n.nextCheckIn <= weekEnd)
      items.push({
        kind: 'due',
        email: n.email,
        text: t('week.due', { name, date: day(n.nextCheckIn) }),
        focus: card,
      });
    if (hasSignal(n))
      items.push({
        kind: 'signal',
        email: n.email,
        text: t('week.signal', { name, signal: signalText(language, n) }),
        focus: card,
        replaceable: Boolean(n.buddy),
      });
    // Issue 14: that worries were reported at the latest check-in, never what they were.
    if (n.worriesOn)
      items.push({
        kind: 'worries',
        email: n.email,
        text: t('week.worries', { name, date: day(n.worriesOn) }),
        focus: card,
      });
  }
  const order: WeekItem['kind'][] = [
    'noBuddy',
    'buddyLeft',
    'signal',
    'worries',
    'late',
    'packet',
    'noSchedule',
    'due',
  ];
  return items.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

export function Week(props: { state: SidebarState; language: Language; onOpen: (focus: Focus) => void }) {
  const { state, language } = props;
  const t = txFor(language);
  const items = weekItems(state, language);
  return (
    <section data-testid="week-tab" aria-labelledby="h-week">
      <h2 id="h-week">{t('week.title', { n: items.length })}</h2>
      {items.length === 0 ? (
        <p class="muted" data-testid="week-none">
          {t('week.none')}
        </p>
      ) : (
        <ul class="list">
          {items.map((item, i) => (
            <li key={`${item.kind}|${item.email}|${i}`} class="item">
              <button
                type="button"
                class="item-main"
                data-testid="week-item"
                data-kind={item.kind}
                data-email={item.email}
                onClick={() => props.onOpen(item.focus)}
              >
                {item.text}
              </button>
              {item.replaceable && (
                <div class="actions small">
                  <ReplaceButton
                    email={item.email}
                    name={state.newcomers.find((n) => n.email === item.email)?.name || item.email}
                    language={language}
                    onOpen={props.onOpen}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
