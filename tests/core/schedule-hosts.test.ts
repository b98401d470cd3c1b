import { describe, expect, it } from 'vitest';
import { SchoolCalendar } from '../../src/core/calendar';
import { weekday } from '../../src/core/dates';
import { defaultTemplate } from '../../src/core/defaults';
import { DEFAULT_HOLIDAY_POLICY } from '../../src/core/holidays';
import { personKey } from '../../src/core/identity';
import { generateSchedule, SchedulePlanner } from '../../src/core/schedule/planner';
import { fitsHostKind, fitsRole } from '../../src/core/schedule/template';
import type { RowOf } from '../../src/core/schema';
import { readSettings } from '../../src/core/settings';
import { staffRow } from '../support/builders';

type Staff = RowOf<'staff'>;
const HAVO = 'Onderbouw havo';
const SETTINGS = readSettings([]).settings;

function person(name: string, patch: Partial<Staff> = {}): Staff {
  return staffRow(name, {
    email: personKey(`${name.toLowerCase()}@school.example`),
    location: HAVO,
    role: 'leraar',
    subject: 'Nederlands',
    canBuddy: false,
    yearsVso: 5,
    coachingAffinity: false,
    ...patch,
  });
}

const buddy = person('Bea', { canBuddy: true, yearsVso: 12 });
const mentors = [person('Mila', { role: 'mentor' }), person('Mats', { role: 'Mentor 2B' })];
const ortho = person('Otto', { role: 'orthopedagoog', subject: 'Zorg' });
const lead = person('Tara', { role: 'teamleider', subject: 'Leiding' });
const ib = person('Ida', { role: 'IB-er', subject: 'Zorg' });
const english = person('Eddy', { subject: 'Engels' });
const teachers = [person('Lars'), person('Lien'), english];
const backup = person('Ben', { canBuddy: true, yearsVso: 20 });
const assistant = person('Olga', { role: 'onderwijsassistent', subject: '' });
const STAFF = [buddy, ...mentors, ortho, lead, ib, ...teachers, backup, assistant];
const teacher = person('Nora', { status: 'nieuw', startDate: '2027-09-06' });
const assistantNew = person('Noah', { status: 'nieuw', startDate: '2027-09-06', role: 'onderwijsassistent' });

const calendar = (rows: RowOf<'daysOff'>[] = []) => new SchoolCalendar(rows, DEFAULT_HOLIDAY_POLICY, HAVO);

function make(
  newcomer: Staff,
  patch: { staff?: Staff[]; templates?: RowOf<'templates'>[]; daysOff?: RowOf<'daysOff'>[] } = {},
) {
  return generateSchedule({
    staff: patch.staff ?? [...STAFF, newcomer],
    templates: patch.templates ?? defaultTemplate(),
    settings: SETTINGS,
    existingSchedule: [],
    newcomer,
    buddy,
    chiefBuddy: null,
    schoolLeader: null,
    calendar: calendar(patch.daysOff),
  });
}

const hostOf = (s: ReturnType<typeof make>, activity: string) =>
  s.items.find((i) => i.activity === activity)?.with;

describe('shadowing hosts by the kind of colleague the line asks for', () => {
  const s = make(teacher);

  it('chooses a mentor, the orthopedagoog, the teamleider and a teacher of another section', () => {
    expect(mentors.map((m) => m.name)).toContain(hostOf(s, 'Meelopen met een mentor'));
    expect(hostOf(s, 'Meelopen met de orthopedagoog')).toBe(ortho.name);
    expect(hostOf(s, 'Meelopen met de teamleider')).toBe(lead.name);
    expect(hostOf(s, 'Meelopen bij een collega van een andere sectie')).toBe(english.name);
    expect(s.warnings.filter((w) => w.code === 'hostFallback')).toEqual([]);
  });

  it('matches kinds loosely and by the newcomer’s section', () => {
    expect(fitsHostKind('leraar in de klas', mentors[0]!, teacher)).toBe(true);
    expect(fitsHostKind('leraar in de klas', ortho, teacher)).toBe(false);
    expect(fitsHostKind('andere sectie', person('X', { subject: 'Nederlands' }), teacher)).toBe(false);
    expect(fitsHostKind('IB-er', ib, teacher)).toBe(true);
    expect(fitsHostKind('', assistant, teacher)).toBe(true);
  });

  it('falls back to another colleague with a warning when nobody of that kind can host', () => {
    const staff = [...STAFF.filter((p) => p !== ortho), teacher];
    const fallback = make(teacher, { staff });
    expect(hostOf(fallback, 'Meelopen met de orthopedagoog')).toBeTruthy();
    expect(fallback.warnings).toContainEqual({
      code: 'hostFallback',
      params: {
        location: HAVO,
        date: '2027-09-09',
        activity: 'Meelopen met de orthopedagoog',
        hostKind: 'orthopedagoog',
      },
    });
  });

  it('still spreads hosts fairly: two newcomers get different mentors', () => {
    const other = person('Nina', { status: 'nieuw', startDate: '2027-09-06' });
    const planner = new SchedulePlanner({
      staff: [...STAFF, teacher, other],
      templates: defaultTemplate(),
      settings: { ...SETTINGS, shadowMaxPerWeek: 1 },
      existingSchedule: [],
    });
    const base = { buddy, chiefBuddy: null, schoolLeader: null, calendar: calendar() };
    const a = planner.generate({ ...base, newcomer: teacher });
    const b = planner.generate({ ...base, newcomer: other });
    const mentorOf = (s: typeof a) => hostOf(s, 'Meelopen met een mentor');
    expect(new Set([mentorOf(a), mentorOf(b)])).toEqual(new Set(mentors.map((m) => m.name)));
  });
});

describe('lines chosen by the newcomer’s function', () => {
  it('gives a teacher lessons to take over, and an onderwijsassistent none', () => {
    const activities = (s: ReturnType<typeof make>) => s.items.map((i) => i.activity);
    expect(activities(make(teacher))).toContain('Lessen overnemen met de buddy als vraagbaak');
    const assisting = activities(make(assistantNew));
    expect(assisting).not.toContain('Lessen overnemen met de buddy als vraagbaak');
    expect(assisting).not.toContain('Mentortaken en oudercontact oefenen');
    expect(assisting).toContain('Leerlingen begeleiden in de klas, met de buddy als vraagbaak');
  });

  it('matches a template’s list of functions against the Functie', () => {
    expect(fitsRole('leraar, docent, mentor', 'Leraar Engels')).toBe(true);
    expect(fitsRole('leraar, docent, mentor', 'onderwijsassistent')).toBe(false);
    expect(fitsRole('', 'onderwijsassistent')).toBe(true);
    expect(fitsRole('onderwijsassistent', '')).toBe(false);
  });
});

describe('week 3: mostly independent, with a backup every working day', () => {
  const backups = (s: ReturnType<typeof make>) =>
    s.items.filter((i) => i.week === 3 && i.role === 'backup').map((i) => [i.date, i.with]);

  it('names a backup on each of the five days', () => {
    const b = backups(make(teacher));
    expect(b.map(([d]) => weekday(d!))).toEqual([1, 2, 3, 4, 5]);
    expect(b.every(([, w]) => w === backup.name)).toBe(true);
  });

  it('with a day off in week 3: one backup on every remaining working day, none doubled', () => {
    const studiedag = [
      { from: '2027-09-22', until: '2027-09-22', description: 'Studiedag', location: 'alle' },
    ];
    const b = backups(make(teacher, { daysOff: studiedag }));
    expect(b.map(([d]) => d)).toEqual(['2027-09-20', '2027-09-21', '2027-09-23', '2027-09-24']);
  });

  it('also when a location’s template names a backup on two days only', () => {
    const templates = defaultTemplate().filter(
      (t) => !(t.week === 3 && t.kind === 'zelfstandig' && !['maandag', 'woensdag'].includes(t.day)),
    );
    expect(templates.filter((t) => t.week === 3 && t.kind === 'zelfstandig')).toHaveLength(2);
    const b = backups(make(teacher, { templates }));
    expect(b.map(([d]) => d)).toEqual(['2027-09-20', '2027-09-21', '2027-09-22', '2027-09-23', '2027-09-24']);
  });
});
