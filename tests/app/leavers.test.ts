/** Someone who left: from their leaving date no role, no access, no mail; the chef buddy told once. */
import { describe, expect, it } from 'vitest';
import { checkInReminders, getCheckIns, recordCheckIn } from '../../src/app/checkins';
import { runScheduledJobs } from '../../src/app/jobs';
import { leftBuddyAlerts } from '../../src/app/leavers';
import { assignBuddy } from '../../src/app/pairing';
import { saveSchedule } from '../../src/app/schedule';
import { getSidebarState } from '../../src/app/sidebarState';
import { aColleague, chiefOf, schoolWorld } from '../support/builders';

const HAVO = 'Onderbouw havo';
const bram = aColleague('Bram de Vries').at(HAVO).years(12).max(5).build();
const hosts = ['Cees', 'Dora', 'Eva', 'Fien'].map((n) =>
  aColleague(`${n} Collega`).at(HAVO).years(6).build(),
);
const anna = aColleague('Anna Nieuw').at(HAVO).newcomer().startingOn('2027-01-11').build();

function world() {
  const w = schoolWorld([bram, ...hosts, anna]);
  assignBuddy(w.ctx(), anna.email, bram.email);
  saveSchedule(w.ctx(), anna.email);
  const staff = w.gateway.tabs.get('Medewerkers')!;
  const header = staff[0]!;
  const row = staff.find((r) => r[header.indexOf('E-mail')] === bram.email)!;
  row[header.indexOf('Status')] = 'uit dienst';
  row[header.indexOf('Uit dienst per')] = { date: '2027-01-20' };
  w.mails.length = 0;
  return w;
}

const held = {
  held: '2027-01-15',
  phase: 'ontdekken',
  competencies: [],
  wellbeing: 4,
  click: 'goed',
};

describe('a buddy marked uit dienst with a leaving date', () => {
  it('keeps the role until that date, and loses role and access from it', () => {
    const w = world();
    w.setUser(bram.email);
    w.setNow('2027-01-19T16:00:00+01:00');
    expect(getSidebarState(w.ctx()).user.role).toBe('buddy');
    expect(getCheckIns(w.ctx(), anna.email).newcomer.email).toBe(anna.email);
    w.setNow('2027-01-20T08:00:00+01:00');
    expect(getSidebarState(w.ctx()).user.role).toBe('onbekend');
    expect(() => getCheckIns(w.ctx(), anna.email)).toThrow();
    const before = JSON.stringify(w.gateway.rows('Check-ins'));
    expect(() => recordCheckIn(w.ctx(), anna.email, held)).toThrow();
    expect(JSON.stringify(w.gateway.rows('Check-ins'))).toBe(before);
  });

  it('gets no reminders or late notices from that date', () => {
    const w = world();
    w.setNow('2027-01-27T07:30:00+01:00');
    runScheduledJobs(w.ctx(), [checkInReminders]);
    expect(w.mails.filter((m) => m.to === bram.email)).toEqual([]);
  });

  it('tells the chef buddy once that the pairing needs a new buddy, and warns in the sidebar', () => {
    const w = world();
    w.setNow('2027-01-19T07:30:00+01:00');
    runScheduledJobs(w.ctx(), [leftBuddyAlerts]);
    expect(w.mails).toEqual([]);
    w.setNow('2027-01-20T07:30:00+01:00');
    runScheduledJobs(w.ctx(), [leftBuddyAlerts]);
    runScheduledJobs(w.ctx(), [leftBuddyAlerts]);
    expect(w.mails.map((m) => [m.to, m.subject])).toEqual([
      [chiefOf(HAVO), 'De buddy van Anna Nieuw is uit dienst'],
    ]);
    w.setUser(chiefOf(HAVO));
    expect(getSidebarState(w.ctx(), HAVO).warnings.join(' ')).toContain(
      'Buddy Bram de Vries is uit dienst; Anna Nieuw heeft een nieuwe buddy nodig',
    );
  });
});
