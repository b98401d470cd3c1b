/**
 * Golden values of every hash and id that Wegwijs stores (in the sheet, in the script's
 * properties) or sends (.ics UIDs). A refactoring that changes one of them would make the
 * deployed add-on treat its own rows as edited by hand, mail a packet twice, or give a calendar
 * a second copy of each event: these values are pinned, not recomputed.
 */
import { describe, expect, it } from 'vitest';
import { erasedKey } from '../../src/app/privacy';
import { eventUid, scheduleToIcs } from '../../src/core/ics';
import { hashText } from '../../src/core/identity';
import { mailId } from '../../src/core/mailState';
import { lineCheck } from '../../src/core/schedule/regeneration';

describe('stored formats', () => {
  it('keeps the FNV-1a text hash', () => {
    expect([hashText(''), hashText('a'), hashText('Wegwijs'), hashText('Wegwijs', 0x01234567)]).toEqual(
      GOLDEN.hashText,
    );
  });

  it('keeps the Controle fingerprint of a schedule line', () => {
    expect([
      lineCheck({ date: '2027-01-04', activity: 'Kennismaking met je buddy', with: 'Anna de Vries' }),
      lineCheck({ date: '2027-01-04', activity: '  Kennismaking  met je BUDDY ', with: ' Anna de Vries ' }),
      lineCheck({ date: '2027-01-11', activity: 'Meelopen bij een collega (é)', with: '' }),
    ]).toEqual(GOLDEN.lineCheck);
  });

  it('keeps the .ics UIDs', () => {
    expect([
      eventUid('Nina@School.nl', { week: 1, kind: 'kennismaking', activity: 'Kennismaking' }, 0, 'school.nl'),
      eventUid('nina@school.nl', { week: 1, kind: 'kennismaking', activity: 'Kennismaking' }, 1, 'school.nl'),
      eventUid('nina@school.nl', { week: null, kind: 'check-in', activity: 'Check-in' }, 0, 'wegwijs.local'),
    ]).toEqual(GOLDEN.eventUid);
  });

  it('keeps a whole calendar file byte for byte', () => {
    const ics = scheduleToIcs(
      [
        {
          date: '2027-01-04',
          week: 1,
          activity: 'Kennismaking, rondleiding; koffie',
          with: 'Anna',
          kind: 'kennismaking',
        },
        { date: '2027-01-05', week: 1, activity: 'Meelopen', with: 'Bram', kind: 'meelopen' },
      ],
      {
        newcomerEmail: 'nina@school.nl',
        newcomerName: 'Nina Jansen',
        location: 'Onderbouw havo',
        uidDomain: 'school.nl',
        now: '2027-01-04T07:30:00+01:00',
      },
    );
    expect(ics).toBe(GOLDEN.ics);
  });

  it('keeps the mail journal ids and the erasure key', () => {
    expect([
      mailId('welkom', 'nina@school.nl', '2027-01-11'),
      mailId('buddy', 'nina@school.nl', 'bram@school.nl', '2027-01-04'),
      mailId('buddy-left', 'nina@school.nl', 'bram@school.nl', '2027-01-04'),
      mailId('week', 'leider@school.nl', '2027-01-04'),
      mailId('checkin-reminder', 'nina@school.nl', '2027-01-18'),
      erasedKey(' Nina@School.nl '),
    ]).toEqual(GOLDEN.ids);
  });
});

const GOLDEN = {
  hashText: [2166136261, 3826002220, 3559999337, 1576062467],
  lineCheck: ['1ll215f', '1ll215f', '1ywqvbt'],
  eventUid: [
    'wegwijs-40bf36cc57a5470e-w1@school.nl',
    'wegwijs-41bf385f58a548a1-w1@school.nl',
    'wegwijs-64e5eaeac314a784-w0@wegwijs.local',
  ],
  ids: [
    'welkom:1pvnlu7tqqyng',
    'buddy:14b6tnle6aw4c',
    'buddy-left:14b6tnle6aw4c',
    'week:b2wase5bo8yf',
    'checkin-reminder:1rtktp01shxryx',
    'erased:p:1f709t1pw0boe',
  ],
  ics: `${[
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Wegwijs//Inwerkschema//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Inwerkschema Nina Jansen (Onderbouw havo)',
    'X-WR-TIMEZONE:Europe/Amsterdam',
    'BEGIN:VTIMEZONE',
    'TZID:Europe/Amsterdam',
    'BEGIN:DAYLIGHT',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'TZNAME:CEST',
    'DTSTART:19810329T020000',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'END:DAYLIGHT',
    'BEGIN:STANDARD',
    'TZOFFSETFROM:+0200',
    'TZOFFSETTO:+0100',
    'TZNAME:CET',
    'DTSTART:19961027T030000',
    'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    'UID:wegwijs-9644ec11b9741483-w1@school.nl',
    'DTSTAMP:20270104T063000Z',
    'SEQUENCE:1582950',
    'DTSTART;VALUE=DATE:20270104',
    'DTEND;VALUE=DATE:20270105',
    'SUMMARY:Kennismaking\\, rondleiding\\; koffie',
    'DESCRIPTION:met Anna\\nWeek 1 van het inwerkschema (Onderbouw havo)',
    'CATEGORIES:kennismaking',
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:wegwijs-3dcaa36836db246a-w1@school.nl',
    'DTSTAMP:20270104T063000Z',
    'SEQUENCE:1582950',
    'DTSTART;VALUE=DATE:20270105',
    'DTEND;VALUE=DATE:20270106',
    'SUMMARY:Meelopen',
    'DESCRIPTION:met Bram\\nWeek 1 van het inwerkschema (Onderbouw havo)',
    'CATEGORIES:meelopen',
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n')}\r\n`,
};
