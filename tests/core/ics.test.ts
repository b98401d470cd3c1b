import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { SchoolCalendar } from '../../src/core/calendar';
import { addDays } from '../../src/core/dates';
import { defaultTemplate } from '../../src/core/defaults';
import { DEFAULT_HOLIDAY_POLICY, VERIFIED_SCHOOL_HOLIDAYS_ZUID } from '../../src/core/holidays';
import { escapeText, foldLine, type IcsItem, type IcsOptions, scheduleToIcs } from '../../src/core/ics';
import { personKey } from '../../src/core/identity';
import { generateSchedule } from '../../src/core/schedule/planner';
import { toScheduleRows } from '../../src/core/schedule/regeneration';
import type { RowOf } from '../../src/core/schema';
import { readSettings } from '../../src/core/settings';
import { staffRow } from '../support/builders';

type Staff = RowOf<'staff'>;

const HAVO = 'Onderbouw havo';
const OPTIONS: IcsOptions = {
  newcomerEmail: 'nora@school.example',
  newcomerName: 'Noëlle “Nora” de Vries',
  location: HAVO,
  uidDomain: 'wegwijs.school.example',
  now: '2027-08-30T09:15:00+02:00',
};

function staff(name: string, patch: Partial<Staff> = {}): Staff {
  return staffRow(name, {
    email: personKey(`${name.toLowerCase().replace(/\W+/g, '.')}@school.example`),
    location: HAVO,
    role: 'docent',
    subject: '',
    canBuddy: true,
    yearsVso: 8,
    coachingAffinity: false,
    ...patch,
  });
}

const nora = staff('Nora', {
  email: personKey(OPTIONS.newcomerEmail),
  status: 'nieuw',
  startDate: '2027-09-06',
});
const colleagues = ['Anna', 'Bart', 'Carla', 'Daan', 'Eva', 'Finn', 'Ingrid'].map((n) =>
  staff(n, n === 'Ingrid' ? { role: 'IB-er' } : {}),
);
const calendar = new SchoolCalendar(
  (VERIFIED_SCHOOL_HOLIDAYS_ZUID[2027] ?? []).map((h) => ({ ...h, location: 'alle' })),
  DEFAULT_HOLIDAY_POLICY,
  HAVO,
);

function schedule(startDate = '2027-09-06') {
  return generateSchedule({
    staff: [nora, ...colleagues],
    templates: defaultTemplate(),
    settings: readSettings([]).settings,
    existingSchedule: [],
    newcomer: { ...nora, startDate },
    buddy: colleagues[0]!,
    chiefBuddy: { name: 'Chantal, chef buddy; "onderbouw"', email: personKey('chantal@school.example') },
    schoolLeader: { name: 'Leo', email: personKey('leo@school.example') },
    calendar,
  });
}

function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  return { root, events: root.getAllSubcomponents('vevent').map((v) => ({ v, e: new ICAL.Event(v) })) };
}

function octets(line: string): number {
  return Buffer.byteLength(line, 'utf8');
}

describe('the schedule as an iCalendar file', () => {
  const items = schedule().items;
  const text = scheduleToIcs(items, OPTIONS);

  it('has one all-day event per item, matching date, summary and "met …"', () => {
    const { events } = parse(text);
    expect(events).toHaveLength(items.length);
    events.forEach(({ v, e }, i) => {
      const item = items[i]!;
      expect(e.startDate.isDate).toBe(true);
      expect(e.startDate.toString()).toBe(item.date);
      expect(e.endDate.toString()).toBe(addDays(item.date, 1));
      expect(e.summary).toBe(item.activity);
      expect(e.description.split('\n')[0]).toBe(`met ${item.with}`);
      expect(v.getFirstPropertyValue('categories')).toBe(item.kind);
      expect(v.getFirstPropertyValue('dtstamp')?.toString()).toBe('2027-08-30T07:15:00Z');
    });
  });

  it('declares Europe/Amsterdam with its summer and winter time', () => {
    const { root } = parse(text);
    const zone = root.getFirstSubcomponent('vtimezone');
    expect(zone?.getFirstPropertyValue('tzid')).toBe('Europe/Amsterdam');
    const tz = new ICAL.Timezone(zone!);
    const offset = (iso: string) => tz.utcOffset(ICAL.Time.fromDateTimeString(iso)) / 3600;
    expect(offset('2027-10-30T12:00:00')).toBe(2);
    expect(offset('2027-11-01T12:00:00')).toBe(1);
    expect(offset('2028-03-27T12:00:00')).toBe(2);
    expect(root.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Amsterdam');
  });

  it('uses CRLF line ends and folds every line at 75 octets', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('escapes commas, semicolons, backslashes and newlines, and reads them back', () => {
    const tricky: IcsItem = {
      date: '2027-09-06',
      week: 1,
      activity: 'Regels; afspraken, gewoonten \\ en "uitzonderingen"\nTweede regel',
      with: 'Chantal, chef buddy; "onderbouw"',
      kind: 'kennismaking',
    };
    const { events } = parse(scheduleToIcs([tricky], OPTIONS));
    expect(events[0]?.e.summary).toBe(tricky.activity);
    expect(events[0]?.e.description.split('\n')[0]).toBe(`met ${tricky.with}`);
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('folds long Dutch text with accents without splitting a character', () => {
    const long: IcsItem = {
      date: '2027-09-07',
      week: 1,
      activity: `Kennismaking met de coördinator: één gesprek over ‘privé’-zaken, reünies en café-afspraken ${'é'.repeat(60)} 🎒`,
      with: 'Zoë Müller-Ñúñez',
      kind: 'kennismaking',
    };
    const out = scheduleToIcs([long], OPTIONS);
    for (const line of out.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(parse(out).events[0]?.e.summary).toBe(long.activity);
    expect(parse(out).events[0]?.e.description).toContain('met Zoë Müller-Ñúñez');
  });

  it('folds any text so that unfolding gives it back (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        const line = `SUMMARY:${escapeText(s)}`;
        const folded = foldLine(line);
        return folded.split('\r\n').every((l) => octets(l) <= 75) && folded.replace(/\r\n /g, '') === line;
      }),
    );
  });

  describe('UIDs', () => {
    const uids = (t: string) => parse(t).events.map(({ e }) => e.uid);

    it('are unique and carry the domain', () => {
      const list = uids(text);
      expect(new Set(list).size).toBe(list.length);
      expect(list.every((u) => u.endsWith('@wegwijs.school.example'))).toBe(true);
    });

    it('stay the same when the start date moves, so an update replaces the events', () => {
      const later = scheduleToIcs(schedule('2027-09-13').items, {
        ...OPTIONS,
        now: '2027-09-01T08:00:00+02:00',
      });
      expect(uids(later)).toEqual(uids(text));
      const seq = (t: string) => Number(parse(t).events[0]?.v.getFirstPropertyValue('sequence'));
      expect(seq(later)).toBeGreaterThan(seq(text));
    });

    it('are the same for the sheet rows as for the generated items', () => {
      const rows = toScheduleRows(personKey(OPTIONS.newcomerEmail), items);
      expect(uids(scheduleToIcs(rows, OPTIONS))).toEqual(uids(text));
    });

    it('differ per newcomer', () => {
      const other = scheduleToIcs(items, { ...OPTIONS, newcomerEmail: 'someone@school.example' });
      expect(uids(other).some((u) => uids(text).includes(u))).toBe(false);
    });
  });

  it('leaves out lines without a valid date', () => {
    const out = scheduleToIcs([{ date: '', week: 1, activity: 'Zonder datum', with: '', kind: '' }], OPTIONS);
    expect(parse(out).events).toEqual([]);
  });
});
