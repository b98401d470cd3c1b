import { describe, expect, it } from 'vitest';
import { exportPersonData } from '../../src/app/privacy';
import { setupWorkbook } from '../../src/app/setup';
import { getSidebarState } from '../../src/app/sidebarState';
import { Workbook } from '../../src/app/workbook';
import { SCHEMA, TAB_KEYS } from '../../src/core/schema';
import { MemoryGateway, memoryWorld } from '../support/memory';

const leader = 'leider@school.example';

function snapshot(world: ReturnType<typeof memoryWorld>) {
  return JSON.stringify([...world.gateway.tabs.entries()]);
}

describe('setting up an empty spreadsheet', () => {
  it('creates every tab with Dutch headers and the protocol defaults', () => {
    const world = memoryWorld({ user: leader, now: '2026-11-28T10:00:00+01:00' });
    const report = setupWorkbook(world.ctx());
    expect(report.createdTabs).toEqual(TAB_KEYS.map((k) => SCHEMA[k].nl));
    expect(world.gateway.tabs.get('Medewerkers')![0]).toEqual(
      Object.values(SCHEMA.staff.columns).map((c) => c.nl),
    );
    expect(world.gateway.rows('Locaties').map((r) => r.Locatie)).toEqual([
      'Onderbouw vmbo',
      'Bovenbouw vmbo',
      'Onderbouw havo',
      'Bovenbouw havo',
    ]);
    const template = world.gateway.rows('Schemasjablonen');
    expect(new Set(template.map((r) => r.Week))).toEqual(new Set([1, 2, 3]));
    expect(template.filter((r) => r.Week === 1 && r.Soort === 'meelopen').length).toBeGreaterThanOrEqual(3);
    expect(template.filter((r) => r.Soort === 'check-in')).toHaveLength(3);
    expect(world.gateway.rows('Berichten').map((r) => r.Bericht)).toEqual([
      'welkomstpakket',
      'buddy-koppeling',
      'buddytaak',
      'check-in-herinnering',
      'check-in-te-laat',
      'check-in-melding-chef',
      'weekoverzicht',
    ]);
    const settings = world.gateway.rows('Instellingen');
    expect(settings.find((r) => r.Instelling === 'Schoolleiders (e-mail)')?.Waarde).toBe(leader);
    expect(report.leaderAdded).toBe(true);
    expect(world.gateway.rows('Logboek')).toHaveLength(1);
  });

  it('writes the verified school holidays and warns for a school year without them', () => {
    const world = memoryWorld({ user: leader, now: '2026-11-28T10:00:00+01:00' });
    const report = setupWorkbook(world.ctx());
    const daysOff = world.gateway.rows('Vrije dagen');
    expect(daysOff).toContainEqual(
      expect.objectContaining({
        Van: { date: '2027-10-23' },
        'Tot en met': { date: '2027-10-31' },
        Omschrijving: 'Herfstvakantie',
      }),
    );
    expect(daysOff).toContainEqual(
      expect.objectContaining({ Van: { date: '2027-04-27' }, Omschrijving: 'Koningsdag' }),
    );
    expect(report.warnings).toEqual([expect.stringContaining('2026–2027')]);
  });

  it('writes English headers for an English-speaking user', () => {
    const world = memoryWorld({ user: leader, locale: 'en_GB' });
    setupWorkbook(world.ctx());
    expect(world.gateway.tabs.has('Staff')).toBe(true);
    expect(world.gateway.tabs.get('Staff')![0]![0]).toBe('Name');
  });
});

describe('setting up a spreadsheet that is already complete', () => {
  it('reads no header row again of a tab it read already in this call', () => {
    const gateway = new MemoryGateway({
      Medewerkers: [
        ['Naam', 'E-mail', 'Locatie', 'Startdatum', 'Status', '', ''],
        ['Anna', 'anna@school.example', 'Onderbouw havo', '2027-01-04', 'nieuw', '', 'x'],
      ],
      Locaties: [['Locatie', 'Chef buddy']],
    });
    const wb = new Workbook(gateway, 'nl');
    wb.table('staff');
    // As a header read alone: the titles, without the empty cells after the last one.
    expect(wb.header('staff')).toEqual({
      name: 'Medewerkers',
      header: ['Naam', 'E-mail', 'Locatie', 'Startdatum', 'Status'],
    });
    expect(gateway.headerReads).toBe(0);
    expect(wb.header('locations')).toEqual({ name: 'Locaties', header: ['Locatie', 'Chef buddy'] });
    expect(gateway.headerReads).toBe(1);
    expect(wb.header('pairings')).toBeNull();
  });

  it('changes nothing the second time and says so', () => {
    const world = memoryWorld({ user: leader });
    setupWorkbook(world.ctx());
    const before = snapshot(world);
    const writes = world.gateway.writes;
    const report = setupWorkbook(world.ctx());
    expect(snapshot(world)).toBe(before);
    expect(world.gateway.writes).toBe(writes);
    expect(report.message).toContain('niets gewijzigd');
  });
});

describe('setting up a spreadsheet with its own shape', () => {
  it('keeps reordered and extra columns and adds only what is missing', () => {
    const world = memoryWorld({
      user: leader,
      tabs: {
        Medewerkers: [
          ['Eigen kolom', 'E-mail', 'Naam', 'Status', 'Locatie', 'Startdatum'],
          ['mijn data', 'a@school.example', 'Anna', 'nieuw', 'Onderbouw havo', { date: '2027-01-04' }],
        ],
      },
    });
    const report = setupWorkbook(world.ctx());
    const grid = world.gateway.tabs.get('Medewerkers')!;
    expect(grid[0]!.slice(0, 6)).toEqual([
      'Eigen kolom',
      'E-mail',
      'Naam',
      'Status',
      'Locatie',
      'Startdatum',
    ]);
    expect(grid[0]).toContain('Welkomstpakket (status)');
    expect(grid[1]!.slice(0, 6)).toEqual([
      'mijn data',
      'a@school.example',
      'Anna',
      'nieuw',
      'Onderbouw havo',
      { date: '2027-01-04' },
    ]);
    expect(report.addedColumns).toContain('Medewerkers: Functie');
    expect(report.createdTabs).not.toContain('Medewerkers');
  });

  it('stops before writing anything when a known column appears twice, and names it', () => {
    const world = memoryWorld({
      user: leader,
      tabs: { Koppelingen: [['Nieuwe collega', 'Buddy', 'buddy', 'Locatie']] },
    });
    expect(() => setupWorkbook(world.ctx())).toThrow(
      expect.objectContaining({
        key: 'schema.duplicateColumn',
        params: { tab: 'Koppelingen', column: 'Buddy' },
      }),
    );
    expect([...world.gateway.tabs.keys()]).toEqual(['Koppelingen']);
    expect(world.gateway.writes).toBe(0);
  });

  it('leaves filled tabs alone and completes missing settings', () => {
    const world = memoryWorld({
      user: leader,
      tabs: {
        Locaties: [
          ['Locatie', 'Chef buddy (e-mail)'],
          ['Hoofdgebouw', 'chef@school.example'],
        ],
        Instellingen: [
          ['Instelling', 'Waarde'],
          ['Schoolleiders (e-mail)', leader],
          ['Check-ins in week', '1, 4'],
        ],
      },
    });
    setupWorkbook(world.ctx());
    expect(world.gateway.rows('Locaties').map((r) => r.Locatie)).toEqual(['Hoofdgebouw']);
    const settings = world.gateway.rows('Instellingen');
    expect(settings.find((r) => r.Instelling === 'Check-ins in week')?.Waarde).toBe('1, 4');
    expect(settings.length).toBeGreaterThan(10);
  });
});

describe('upgrading a sheet set up by an older version', () => {
  it('adds message templates of kinds it did not have yet, and keeps the school’s own texts', () => {
    const world = memoryWorld({
      user: leader,
      tabs: {
        Berichten: [
          ['Bericht', 'Locatie', 'Onderwerp', 'Tekst'],
          ['welkomstpakket', 'alle', 'Eigen onderwerp', 'Eigen tekst {{voornaam}}'],
        ],
      },
    });
    setupWorkbook(world.ctx());
    const rows = world.gateway.rows('Berichten');
    expect(rows[0]).toMatchObject({ Onderwerp: 'Eigen onderwerp' });
    expect(rows.filter((r) => r.Bericht === 'welkomstpakket')).toHaveLength(1);
    expect(rows.map((r) => r.Bericht)).toContain('check-in-melding-chef');
  });
});

describe('who may set up', () => {
  it('refuses anyone but a school leader once leaders are set', () => {
    const world = memoryWorld({ user: leader });
    setupWorkbook(world.ctx());
    world.setUser('iemand@school.example');
    expect(() => setupWorkbook(world.ctx())).toThrow(expect.objectContaining({ key: 'error.leaderOnly' }));
  });

  it('refuses a user whose e-mail Google does not reveal', () => {
    const world = memoryWorld({ user: '' });
    expect(() => setupWorkbook(world.ctx())).toThrow(expect.objectContaining({ key: 'error.noUser' }));
    expect(world.gateway.tabs.size).toBe(0);
  });

  it('says the sheet is busy when another run holds the lock, and writes nothing', () => {
    const world = memoryWorld({ user: leader });
    world.lockHeldByOther = true;
    expect(() => setupWorkbook(world.ctx())).toThrow(expect.objectContaining({ key: 'error.busy' }));
    expect(world.gateway.tabs.size).toBe(0);
  });

  const setLeaders = (world: ReturnType<typeof memoryWorld>, value: string) => {
    const grid = world.gateway.tabs.get('Instellingen')!;
    grid.find((r) => r[0] === 'Schoolleiders (e-mail)')![1] = value;
  };

  it('never makes someone school leader because the leader setting was emptied later', () => {
    const world = memoryWorld({ user: leader });
    setupWorkbook(world.ctx());
    setLeaders(world, '');
    world.setUser('buitenstaander@school.example');
    const before = JSON.stringify(world.gateway.rows('Instellingen'));
    expect(() => setupWorkbook(world.ctx())).toThrow(
      expect.objectContaining({
        key: 'setup.noLeader',
        params: expect.objectContaining({ tab: 'Instellingen' }),
      }),
    );
    expect(JSON.stringify(world.gateway.rows('Instellingen'))).toBe(before);
    expect(world.ctx().actor().role).toBe('onbekend');
    expect(() => exportPersonData(world.ctx(), leader)).toThrow(
      expect.objectContaining({ key: 'error.leaderOnly' }),
    );
  });

  it('shows a leader setting that is not an e-mail as a warning to whoever opens the sidebar', () => {
    const world = memoryWorld({ user: leader });
    setupWorkbook(world.ctx());
    setLeaders(world, 'Mevrouw de Vries');
    const state = getSidebarState(world.ctx());
    expect(state.user.role).toBe('onbekend');
    expect(state.warnings.join(' ')).toContain('"Schoolleiders (e-mail)" bevat iets dat geen e-mailadres is');
    expect(() => setupWorkbook(world.ctx())).toThrow(expect.objectContaining({ key: 'setup.noLeader' }));
  });

  it('reads a leader written as "Naam <e-mail>", and keeps the readable ones of a list with a typo', () => {
    const world = memoryWorld({ user: leader });
    setupWorkbook(world.ctx());
    setLeaders(world, `Mevrouw de Vries <${leader.toUpperCase()}>, tweede leider`);
    const state = getSidebarState(world.ctx());
    expect(state.user.role).toBe('schoolleider');
    expect(state.warnings.join(' ')).toContain('("tweede leider")');
  });
});
