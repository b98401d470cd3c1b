/**
 * CPU time of "Stel koppelingen voor" on a large, seeded school: 1,000 newcomers at one location
 * among 10,000 staff over four locations. Run with `npx tsx scripts/bench-pairing.ts`.
 */

import { mulberry32 } from '../sandbox/demo';
import { DEFAULT_LOCATIONS, defaultLocations } from '../src/core/defaults';
import { emailIn } from '../src/core/identity';
import { type PairingInput, suggestBuddies, unpairedNewcomers } from '../src/core/pairing';
import { proposePairs } from '../src/core/pairingProposal';
import type { RowOf } from '../src/core/schema';
import { readSettings } from '../src/core/settings';

const ROLES = [
  'docent',
  'mentor',
  'onderwijsassistent',
  'intern begeleider',
  'gedragsspecialist',
  'stagiair',
];
const SUBJECTS = [
  'nederlands',
  'engels',
  'wiskunde',
  'biologie',
  'geschiedenis',
  'lo',
  'techniek',
  'zorg',
  '',
];

function school(options: { staff: number; newcomers: number; buddyShare: number; across: boolean }) {
  const rnd = mulberry32(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const day = (from: number, span: number) => {
    const d = new Date(Date.UTC(2027, 0, 4 + from + Math.floor(rnd() * span), 12));
    return d.toISOString().slice(0, 10);
  };
  const target = DEFAULT_LOCATIONS[2];
  const staff: RowOf<'staff'>[] = [];
  for (let i = 0; i < options.staff; i++) {
    const isNew = i < options.newcomers;
    staff.push({
      name: `Collega ${String(i).padStart(5, '0')}`,
      email: emailIn(`c${i}@school.example`)!,
      location: isNew ? target : pick(DEFAULT_LOCATIONS),
      role: pick(ROLES),
      subject: pick(SUBJECTS),
      startDate: isNew ? day(-20, 200) : '2015-08-01',
      status: isNew ? 'nieuw' : rnd() < 0.03 ? 'uit dienst' : 'actief',
      canBuddy: !isNew && rnd() < options.buddyShare,
      maxPairings: rnd() < 0.1 ? 1 + Math.floor(rnd() * 3) : null,
      yearsVso: Math.floor(rnd() * 30),
      coachingAffinity: rnd() < 0.4,
      absentUntil: rnd() < 0.05 ? day(0, 120) : '',
      welcomeStatus: '',
      leftOn: '',
      hold: false,
      closingGoals: '',
      closingAgreements: '',
    });
  }
  const pairings: RowOf<'pairings'>[] = [];
  for (let i = 0; i < options.staff / 20; i++)
    pairings.push({
      newcomer: emailIn(`old${i}@school.example`)!,
      buddy: emailIn(
        `c${options.newcomers + Math.floor(rnd() * (options.staff - options.newcomers))}@school.example`,
      )!,
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
  const { settings } = readSettings([]);
  const input: PairingInput = {
    staff,
    pairings,
    locations: defaultLocations(),
    settings: { ...settings, pairAcrossLocations: options.across },
    today: '2027-01-04',
  };
  return { input, target };
}

function cpu<T>(run: () => T): { ms: number; result: T } {
  const start = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, result };
}

const cases = [
  { label: 'same location, enough buddies', staff: 10_000, newcomers: 1_000, buddyShare: 0.6, across: false },
  {
    label: 'same location, too few buddies',
    staff: 10_000,
    newcomers: 1_000,
    buddyShare: 0.15,
    across: false,
  },
  { label: 'across locations', staff: 10_000, newcomers: 1_000, buddyShare: 0.6, across: true },
];
for (const c of cases) {
  const { input, target } = school(c);
  // Five runs: the first is a cold start (as in a fresh Apps Script execution); the median is
  // what a warm V8 does. CPU time, so other processes on the machine matter less than wall time.
  const runs = [1, 2, 3, 4, 5].map(() => cpu(() => proposePairs(target, input)));
  const { result } = runs[0]!;
  const cold = runs[0]!.ms;
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[2]!;
  const waiting = unpairedNewcomers(input, target);
  const one = cpu(() => suggestBuddies(waiting[0]!.email, input));
  console.log(
    `${c.label}: proposePairs ${c.newcomers} newcomers among ${c.staff} staff: ` +
      `${cold.toFixed(0)} ms CPU cold, ${ms.toFixed(0)} ms median ` +
      `(paired ${result.totals.paired}, unassigned ${result.unassigned.length}, score ${result.totals.score}); ` +
      `suggestBuddies: ${one.ms.toFixed(1)} ms`,
  );
}
