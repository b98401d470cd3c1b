/**
 * The request's read model ("directory"): people by normalised e-mail, the active pairing of a
 * newcomer, the location row by name, a newcomer's rows per tab, and which rows of a tab are
 * copies of another. Built lazily from the tabs the request already read; rows added later are
 * indexed on top, and a removed row or a changed key rebuilds. One rule everywhere: the first row wins, the
 * others are duplicates, reported once (naming their rows) and never mailed or paired again.
 */
import { type Email, normalizeName } from '../core/identity';
import { isLeft } from '../core/roles';
import type { RowOf } from '../core/schema';
import type { Table, TableRecord } from '../core/table';
import type { RequestContext } from './context';

type Staff = RowOf<'staff'>;

/** Rows of one tab that are about the same thing; `rows[0]` is the one Wegwijs uses. */
export interface DuplicateRows {
  readonly tab: 'staff' | 'pairings' | 'checkIns';
  readonly rows: readonly number[];
}

type DedupedTab = 'staff' | 'pairings' | 'checkIns';

/** The fields each tab's lookups are keyed on: only a change to one of them rebuilds them. */
const KEY_FIELDS: Record<DedupedTab, readonly string[]> = {
  staff: ['email'],
  pairings: ['newcomer', 'buddy', 'pairedOn', 'status'],
  checkIns: ['newcomer', 'planned'],
};

/**
 * Which rows are used (by sheet row, so their current values are read at each lookup). Rows
 * added later are indexed on top (`indexed`); a removed row or a changed key field rebuilds it.
 */
interface Built<K extends DedupedTab> {
  readonly table: Table<K>;
  /** The key fields' versions when built (see `Table.fieldsStampOf`). */
  readonly fields: string;
  /** The table's removals when built. */
  readonly removals: number;
  /** The last sheet row indexed. */
  readonly lastRow: number;
  readonly unique: number[];
  readonly byKey: Map<string, number>;
  /** Each key's rows in sheet order: more than one are copies. */
  readonly groups: Map<string, number[]>;
}

/**
 * Groups records by key; the first of each group is kept, the rest reported with their rows.
 * With `from` (still valid for the table), only the rows added since are grouped, on top of it.
 */
function dedupe<K extends DedupedTab>(
  tab: K,
  table: Table<K>,
  keyOf: (r: TableRecord<K>) => string,
  from?: Built<K>,
): Built<K> {
  const groups = from?.groups ?? new Map<string, number[]>();
  const unique = from?.unique ?? [];
  const byKey = from?.byKey ?? new Map<string, number>();
  const records = table.records;
  let i = 0;
  if (from) {
    i = records.length;
    while (i > 0 && records[i - 1]!.sheetRow > from.lastRow) i--;
  }
  let lastRow = from?.lastRow ?? 0;
  for (; i < records.length; i++) {
    const r = records[i]!;
    lastRow = r.sheetRow;
    const key = keyOf(r);
    if (key === '') {
      unique.push(r.sheetRow);
      continue;
    }
    const group = groups.get(key);
    if (group) group.push(r.sheetRow);
    else {
      groups.set(key, [r.sheetRow]);
      byKey.set(key, r.sheetRow);
      unique.push(r.sheetRow);
    }
  }
  const fields = table.fieldsStampOf(KEY_FIELDS[tab]);
  return { table, fields, removals: table.removals, lastRow, unique, byKey, groups };
}

/** The copies a built index found. */
function duplicatesIn<K extends DedupedTab>(tab: K, built: Built<K> | null): DuplicateRows[] {
  if (!built) return [];
  return [...built.groups.values()].filter((g) => g.length > 1).map((rows) => ({ tab, rows }));
}

function recordsOf<K extends DedupedTab>(built: Built<K> | null): TableRecord<K>[] {
  if (!built) return [];
  return built.unique.flatMap((row) => {
    const record = built.table.recordAt(row);
    return record ? [record] : [];
  });
}

/** The tabs whose rows belong to one newcomer (column `newcomer`). */
type NewcomerTab = 'schedule' | 'checkIns';

/**
 * A tab's sheet rows per newcomer. Kept current without a rebuild when rows are added or removed
 * (appended rows have higher sheet rows; a removed row is no longer in the table), so making many
 * schedules in one request stays linear; rebuilt when a `newcomer` cell changes.
 */
class RowsByNewcomer<K extends NewcomerTab> {
  private readonly map = new Map<string, number[]>();
  private lastRow = 0;
  private newcomerStamp: string;

  constructor(readonly table: Table<K>) {
    this.newcomerStamp = RowsByNewcomer.newcomerStampOf(table);
    this.addFrom(0);
  }

  /** What changes with an update of a `newcomer` cell. */
  static newcomerStampOf(table: Table<NewcomerTab>): string {
    return table.fieldsStampOf(['newcomer']);
  }

  /** Still usable for this table: only rows were added or removed since it was built. */
  fits(table: Table<K>): boolean {
    return table === this.table && RowsByNewcomer.newcomerStampOf(table) === this.newcomerStamp;
  }

  rowsOf(email: Email): TableRecord<K>[] {
    this.addFrom(this.lastRow);
    const out: TableRecord<K>[] = [];
    for (const row of this.map.get(email) ?? []) {
      const record = this.table.recordAt(row);
      if (record) out.push(record);
    }
    return out;
  }

  /** Indexes the records below `after` (the table's records are in sheet order). */
  private addFrom(after: number): void {
    const records = this.table.records;
    let i = records.length;
    while (i > 0 && records[i - 1]!.sheetRow > after) i--;
    for (; i < records.length; i++) {
      const r = records[i]!;
      const key = (r.value as { newcomer: Email }).newcomer;
      const list = this.map.get(key);
      if (list) list.push(r.sheetRow);
      else this.map.set(key, [r.sheetRow]);
      this.lastRow = r.sheetRow;
    }
  }
}

export class Directory {
  private staffBuilt: Built<'staff'> | undefined;
  private pairingsBuilt: Built<'pairings'> | undefined;
  private checkInsBuilt: Built<'checkIns'> | undefined;
  private activeIndex: { built: Built<'pairings'>; map: Map<string, number> } | undefined;
  private locationIndex: { table: Table<'locations'>; stamp: string; map: Map<string, number> } | undefined;
  private readonly byNewcomer: { [K in NewcomerTab]?: RowsByNewcomer<K> } = {};

  constructor(private readonly ctx: RequestContext) {}

  /**
   * The index of a tab: the one built before while still valid (rows added since are indexed on
   * top: planning check-ins for many newcomers appends rows one schedule at a time), else new.
   */
  private indexed<K extends DedupedTab>(
    tab: K,
    table: Table<K>,
    built: Built<K> | undefined,
    keyOf: (r: TableRecord<K>) => string,
  ): Built<K> {
    const valid =
      built?.table === table &&
      built.removals === table.removals &&
      built.fields === table.fieldsStampOf(KEY_FIELDS[tab]);
    if (!valid) return dedupe(tab, table, keyOf);
    const last = table.records[table.records.length - 1];
    return last && last.sheetRow > built.lastRow ? dedupe(tab, table, keyOf, built) : built;
  }

  private staffRows(): Built<'staff'> | null {
    const table = this.ctx.wb.tryTable('staff');
    if (!table) return null;
    this.staffBuilt = this.indexed('staff', table, this.staffBuilt, (r) =>
      r.value.email ? r.value.email : '',
    );
    return this.staffBuilt;
  }

  private pairingRows(): Built<'pairings'> | null {
    const table = this.ctx.wb.tryTable('pairings');
    if (!table) return null;
    this.pairingsBuilt = this.indexed('pairings', table, this.pairingsBuilt, (r) =>
      // A copied row: the same newcomer, buddy, day and status.
      [r.value.newcomer, r.value.buddy, r.value.pairedOn, r.value.status].join('|'),
    );
    return this.pairingsBuilt;
  }

  private checkInRows(): Built<'checkIns'> | null {
    const table = this.ctx.wb.tryTable('checkIns');
    if (!table) return null;
    this.checkInsBuilt = this.indexed('checkIns', table, this.checkInsBuilt, (r) =>
      r.value.planned ? `${r.value.newcomer}|${r.value.planned}` : '',
    );
    return this.checkInsBuilt;
  }

  /** Staff records, one per person (the first row of an e-mail); rows without e-mail kept. */
  staffRecords(): TableRecord<'staff'>[] {
    return recordsOf(this.staffRows());
  }

  staff(): Staff[] {
    return this.staffRecords().map((r) => r.value);
  }

  /** The staff row of this e-mail (the first, when the person is listed twice). */
  personRecord(email: Email): TableRecord<'staff'> | undefined {
    const built = this.staffRows();
    const row = built?.byKey.get(email);
    return row === undefined ? undefined : built!.table.recordAt(row);
  }

  person(email: Email): Staff | undefined {
    return this.personRecord(email)?.value;
  }

  /** Whether this person has left (status `uit dienst` and the leaving date reached). */
  hasLeft(email: Email): boolean {
    const person = this.person(email);
    return Boolean(person && isLeft(person, this.ctx.services.clock.today()));
  }

  /** Pairing records with copied rows left out. */
  pairingRecords(): TableRecord<'pairings'>[] {
    return recordsOf(this.pairingRows());
  }

  pairings(): RowOf<'pairings'>[] {
    return this.pairingRecords().map((r) => r.value);
  }

  /** The active pairing of a newcomer (the first active row, when there are more). */
  activePairing(newcomer: Email): TableRecord<'pairings'> | undefined {
    const built = this.pairingRows();
    if (!built) return undefined;
    if (this.activeIndex?.built !== built) {
      const map = new Map<string, number>();
      for (const r of recordsOf(built)) {
        const key = r.value.newcomer;
        if (r.value.status === 'actief' && key && !map.has(key)) map.set(key, r.sheetRow);
      }
      this.activeIndex = { built, map };
    }
    const row = this.activeIndex.map.get(newcomer);
    return row === undefined ? undefined : built.table.recordAt(row);
  }

  /** The active buddy's e-mail of a newcomer ('' when none). */
  activeBuddy(newcomer: Email): Email {
    return this.activePairing(newcomer)?.value.buddy ?? '';
  }

  /** Check-in records with copied rows (same newcomer and planned day) left out. */
  checkInRecords(): TableRecord<'checkIns'>[] {
    return recordsOf(this.checkInRows());
  }

  /**
   * Rows that are copies of another: the same e-mail twice in Medewerkers, the same pairing twice
   * (or two active pairings of one newcomer) in Koppelingen, the same check-in twice.
   */
  duplicates(): DuplicateRows[] {
    const out = [
      ...duplicatesIn('staff', this.staffRows()),
      ...duplicatesIn('pairings', this.pairingRows()),
      ...duplicatesIn('checkIns', this.checkInRows()),
    ];
    // Two different active pairings of one newcomer: only the first counts.
    const active = new Map<string, number[]>();
    for (const r of this.pairingRecords()) {
      if (r.value.status !== 'actief') continue;
      const key = r.value.newcomer;
      if (!key) continue;
      active.set(key, [...(active.get(key) ?? []), r.sheetRow]);
    }
    for (const rows of active.values()) if (rows.length > 1) out.push({ tab: 'pairings', rows });
    return out;
  }

  /** The `Locaties` row of a location (names compared loosely; the first row when listed twice). */
  location(name: string): RowOf<'locations'> | undefined {
    const table = this.ctx.wb.table('locations');
    const stamp = table.stampOf(['name']);
    if (this.locationIndex?.table !== table || this.locationIndex.stamp !== stamp) {
      const map = new Map<string, number>();
      for (const r of table.records) {
        const key = normalizeName(r.value.name);
        if (!map.has(key)) map.set(key, r.sheetRow);
      }
      this.locationIndex = { table, stamp, map };
    }
    const row = this.locationIndex.map.get(normalizeName(name));
    return row === undefined ? undefined : table.recordAt(row)?.value;
  }

  /**
   * A newcomer's check-ins with copied rows (same planned day) left out, in sheet order: their
   * part of `checkInRecords()`.
   */
  checkInsOf(newcomer: Email): TableRecord<'checkIns'>[] {
    const built = this.checkInRows();
    if (!built) return [];
    return this.rowsOf('checkIns', newcomer).filter(
      (r) => !r.value.planned || built.byKey.get(`${newcomer}|${r.value.planned}`) === r.sheetRow,
    );
  }

  /**
   * A newcomer's rows of `Inwerkschema` or `Check-ins`, in sheet order, with their current values
   * (none without the tab). Every row, copies included: these are the rows a schedule replaces.
   */
  rowsOf<K extends NewcomerTab>(tab: K, newcomer: Email): TableRecord<K>[] {
    const table = this.ctx.wb.tryTable(tab) as Table<K> | undefined;
    if (!table) return [];
    let index = this.byNewcomer[tab] as RowsByNewcomer<K> | undefined;
    if (!index?.fits(table)) {
      index = new RowsByNewcomer(table);
      (this.byNewcomer as Record<K, RowsByNewcomer<K>>)[tab] = index;
    }
    return index.rowsOf(newcomer);
  }
}
