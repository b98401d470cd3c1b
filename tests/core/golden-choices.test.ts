/**
 * Golden digests of the choices the planner and the pairing proposal make on a seeded school with
 * many ties (hosts, backups, buddies). They pin today's behaviour exactly, so that a refactoring of
 * `core/` (ranks, comparators, the flow network) cannot change a choice unnoticed. When a change is
 * meant to change choices, recompute the digests and say so in the commit.
 */
import { describe, expect, it } from 'vitest';
import { SchoolCalendar } from '../../src/core/calendar';
import { DEFAULT_LOCATIONS, defaultLocations, defaultTemplate } from '../../src/core/defaults';
import { DEFAULT_HOLIDAY_POLICY } from '../../src/core/holidays';
import { hashText, personKey } from '../../src/core/identity';
import { type PairingInput, suggestBuddies, unpairedNewcomers } from '../../src/core/pairing';
import { proposePairs } from '../../src/core/pairingProposal';
import { SchedulePlanner } from '../../src/core/schedule/planner';
import { toScheduleRows } from '../../src/core/schedule/regeneration';
import type { RowOf } from '../../src/core/schema';
import { readSettings } from '../../src/core/settings';

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROLES = ['docent', 'mentor', 'onderwijsassistent', 'intern begeleider', 'orthopedagoog', 'teamleider'];
const SUBJECTS = ['nederlands', 'engels', 'wiskunde', 'lo', 'zorg', ''];

function school(seed: number, size: number, newcomers: number) {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const day = (from: number, span: number) =>
    new Date(Date.UTC(2027, 0, 4 + from + Math.floor(rnd() * span), 12)).toISOString().slice(0, 10);
  const target = DEFAULT_LOCATIONS[2];
  const staff: RowOf<'staff'>[] = [];
  for (let i = 0; i < size; i++) {
    const isNew = i < newcomers;
    staff.push({
      name: `Collega ${i}`,
      email: personKey(`c${i}@school.example`),
      location: isNew || rnd() < 0.6 ? target : pick(DEFAULT_LOCATIONS),
      role: pick(ROLES),
      subject: pick(SUBJECTS),
      startDate: isNew ? day(-10, 60) : pick(['2010-08-01', '2020-08-01', '2025-08-01']),
      status: isNew ? 'nieuw' : rnd() < 0.05 ? 'uit dienst' : 'actief',
      canBuddy: !isNew && rnd() < 0.5,
      maxPairings: rnd() < 0.2 ? 1 + Math.floor(rnd() * 2) : null,
      yearsVso: pick([0, 2, 5, 5, 10, 10, null]),
      coachingAffinity: rnd() < 0.5,
      absentUntil: rnd() < 0.05 ? day(0, 40) : '',
      welcomeStatus: '',
      leftOn: '',
      hold: false,
      closingGoals: '',
      closingAgreements: '',
    });
  }
  const pairings: RowOf<'pairings'>[] = [];
  for (let i = 0; i < size / 10; i++)
    pairings.push({
      newcomer: personKey(`old${i}@school.example`),
      buddy: personKey(`c${newcomers + Math.floor(rnd() * (size - newcomers))}@school.example`),
      location: pick(DEFAULT_LOCATIONS),
      pairedOn: day(-300, 300),
      pairedBy: '',
      status: rnd() < 0.5 ? 'actief' : 'afgerond',
      reason: '',
      buddyMail: '',
      endedOn: '',
      hold: false,
      exception: '',
    });
  return { staff, pairings, target };
}

const digest = (value: unknown) => {
  const text = JSON.stringify(value);
  return `${hashText(text).toString(36)}${hashText(text, 0x01234567).toString(36)}`;
};

describe('choices on a seeded school', () => {
  const { settings } = readSettings([]);

  it('plans the same hosts, backups and IB-ers for a run of newcomers, and again on regeneration', () => {
    const { staff, target } = school(7, 120, 12);
    const newcomers = staff.filter((s) => s.status === 'nieuw' && s.location === target);
    const buddies = staff.filter((s) => s.canBuddy && s.status === 'actief');
    const calendar = new SchoolCalendar([], DEFAULT_HOLIDAY_POLICY, target);
    const context = { staff, templates: defaultTemplate(), settings, existingSchedule: [] };
    const planner = new SchedulePlanner(context);
    const first = newcomers.map((n, i) =>
      planner.generate({
        newcomer: n,
        buddy: buddies[i] ?? null,
        chiefBuddy: null,
        schoolLeader: null,
        calendar,
      }),
    );
    const rows = first.flatMap((s) => toScheduleRows(personKey(s.newcomer), s.items));
    const again = new SchedulePlanner({ ...context, existingSchedule: rows });
    const second = newcomers.map((n, i) =>
      again.generate({
        newcomer: n,
        buddy: buddies[i + 1] ?? null,
        chiefBuddy: null,
        schoolLeader: null,
        calendar,
      }),
    );
    const hosts = new Set(
      first.flatMap((s) => s.items.filter((i) => i.role === 'shadowHost').map((i) => i.withEmail)),
    );
    expect(hosts.size).toBeGreaterThan(10);
    expect([digest(first), digest(second)]).toEqual(GOLDEN.schedules);
  });

  it('proposes and suggests the same buddies', () => {
    const { staff, pairings, target } = school(11, 300, 40);
    const results = [false, true].map((across) => {
      const input: PairingInput = {
        staff,
        pairings,
        locations: defaultLocations(),
        settings: { ...settings, pairAcrossLocations: across },
        today: '2027-01-04',
      };
      const waiting = unpairedNewcomers(input, target);
      return {
        proposal: proposePairs(target, input),
        suggestions: waiting.slice(0, 5).map((w) => suggestBuddies(w.email, input)),
      };
    });
    expect(results.map((r) => r.proposal.pairs.length).every((n) => n > 5)).toBe(true);
    expect(results.map(digest)).toEqual(GOLDEN.pairing);
  });
});

const GOLDEN = { schedules: ['gdkapq1xisklc', '1c8te6kk61xt2'], pairing: ['1lgqoa21dwit1w', 'k860sg9llb7a'] };
