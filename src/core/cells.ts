/**
 * Cell values as the core sees them, and their conversion to and from domain values: dates as
 * `YYYY-MM-DD`, moments as ISO-8601 with offset, numbers, booleans and text.
 */
import { type IsoDate, parseDateText } from './dates';
import { emailIn, normalizeName } from './identity';
import type { ColumnSpec } from './schema';

/** A date cell, already turned into a calendar day (`YYYY-MM-DD`) or a moment (ISO with offset). */
export interface DateCell {
  readonly date: string;
}

/** What the sheet adapter hands the core for one cell; '' is an empty cell. */
export type Cell = string | number | boolean | DateCell;

export function isDateCell(cell: unknown): cell is DateCell {
  return typeof cell === 'object' && cell !== null && typeof (cell as DateCell).date === 'string';
}

/** Why a cell could not be read as its column's type (a code translated by the caller). */
export type CellProblemCode = 'notADate' | 'notANumber' | 'notAChoice' | 'notAnEmail' | 'notACount';

export interface CellProblem {
  /** The column's Dutch header. */
  readonly column: string;
  readonly code: CellProblemCode;
}

/** English and loose spellings accepted for choice values, normalised → canonical Dutch value. */
const CHOICE_ALIASES: Record<string, string> = {
  new: 'nieuw',
  active: 'actief',
  left: 'uit dienst',
  uitdienst: 'uit dienst',
  finished: 'afgerond',
  completed: 'afgerond',
  ended: 'beëindigd',
  beeindigd: 'beëindigd',
  discover: 'ontdekken',
  dream: 'dromen',
  design: 'ontwerpen',
  deliver: 'doen',
  destiny: 'doen',
  good: 'goed',
  doubt: 'twijfel',
  not: 'niet',
  no: 'niet',
  monday: 'maandag',
  tuesday: 'dinsdag',
  wednesday: 'woensdag',
  thursday: 'donderdag',
  friday: 'vrijdag',
};

const TRUE_WORDS = new Set(['true', 'ja', 'j', 'yes', 'y', 'waar', 'x', '1', 'v']);
const FALSE_WORDS = new Set(['false', 'nee', 'n', 'no', 'onwaar', '0', '']);

/** The text of a cell, as a person would read it. */
export function cellText(cell: Cell): string {
  if (typeof cell === 'string') return cell === '' ? '' : cell.trim();
  if (typeof cell === 'number') return String(cell).trim();
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (isDateCell(cell)) return cell.date;
  return String(cell).trim();
}

type Parsed = { readonly value: unknown; readonly problem?: CellProblemCode };

/** Reads one cell as a column's type. */
export type CellParser = (cell: Cell) => Parsed;

const EMPTY_TEXT: Parsed = { value: '' };
const NO_NUMBER: Parsed = { value: null };
const TRUE: Parsed = { value: true };
const FALSE: Parsed = { value: false };

/** An e-mail cell: a cell that is not one address keeps its text (so the row can be named) with a problem. */
function parseEmail(text: string): Parsed {
  if (text === '') return EMPTY_TEXT;
  const email = emailIn(text);
  return email ? { value: email } : { value: text.toLowerCase(), problem: 'notAnEmail' };
}

/** Distinct texts remembered per column: a sheet of free text must not grow a cache without end. */
const MAX_CACHED = 5_000;

/**
 * A parser for text cells whose result depends on the text alone, remembering each distinct text:
 * a column of statuses, locations or addresses holds the same few values over thousands of rows.
 */
function cachedByText(parse: (text: string) => Parsed): (text: string) => Parsed {
  const known = new Map<string, Parsed>();
  return (text) => {
    let parsed = known.get(text);
    if (parsed === undefined) {
      parsed = parse(text);
      if (known.size >= MAX_CACHED) known.clear();
      known.set(text, parsed);
    }
    return parsed;
  };
}

/** The parser of a column's type, built once per column spec (choices normalised once, not per cell). */
function makeParser(spec: ColumnSpec): CellParser {
  switch (spec.type) {
    case 'text':
      return (cell) => {
        if (cell === '') return EMPTY_TEXT;
        return { value: typeof cell === 'string' ? cell.trim() : cellText(cell) };
      };
    case 'email': {
      const byText = cachedByText((text) => parseEmail(text.trim()));
      return (cell) => (cell === '' ? EMPTY_TEXT : byText(typeof cell === 'string' ? cell : cellText(cell)));
    }
    case 'date': {
      const byText = cachedByText((text) => {
        const trimmed = text.trim();
        if (trimmed === '') return EMPTY_TEXT;
        const date: IsoDate | null = parseDateText(trimmed);
        return date ? { value: date } : { value: '', problem: 'notADate' };
      });
      return (cell) => {
        if (cell === '') return EMPTY_TEXT;
        if (typeof cell === 'string') return byText(cell);
        if (isDateCell(cell)) return { value: cell.date.slice(0, 10) };
        const text = cellText(cell);
        const date: IsoDate | null = parseDateText(text);
        return date ? { value: date } : { value: '', problem: 'notADate' };
      };
    }
    case 'moment':
      return (cell) => (cell === '' ? EMPTY_TEXT : { value: isDateCell(cell) ? cell.date : cellText(cell) });
    case 'number': {
      const ofNumber = (n: number): Parsed => {
        if (!Number.isFinite(n)) return { value: null, problem: 'notANumber' };
        // A count (a capacity) that is negative or broken is unreadable, not silently clamped.
        if (spec.count && (n < 0 || !Number.isInteger(n))) return { value: null, problem: 'notACount' };
        return { value: n };
      };
      const byText = cachedByText((raw) => {
        const text = raw.trim().replace(',', '.');
        return text === '' ? NO_NUMBER : ofNumber(Number(text));
      });
      return (cell) => {
        if (typeof cell === 'number') return ofNumber(cell);
        if (cell === '') return NO_NUMBER;
        return byText(typeof cell === 'string' ? cell : cellText(cell));
      };
    }
    case 'boolean': {
      const byText = cachedByText((text) => {
        const word = normalizeName(text.trim());
        if (TRUE_WORDS.has(word)) return TRUE;
        if (FALSE_WORDS.has(word)) return FALSE;
        return { value: false, problem: 'notAChoice' };
      });
      return (cell) => {
        if (typeof cell === 'boolean') return cell ? TRUE : FALSE;
        if (cell === '') return FALSE;
        return byText(typeof cell === 'string' ? cell : cellText(cell));
      };
    }
    case 'choice': {
      // Each allowed value normalised once; the first of equal spellings wins, as before.
      const byName = new Map<string, string>();
      for (const c of spec.choices) {
        const key = normalizeName(c);
        if (!byName.has(key)) byName.set(key, c);
      }
      const byText = cachedByText((raw) => {
        const text = raw.trim();
        if (text === '') return EMPTY_TEXT;
        const wanted = normalizeName(text);
        const found = byName.get(wanted) ?? spec.choices.find((c) => c === CHOICE_ALIASES[wanted]);
        return found ? { value: found } : { value: '', problem: 'notAChoice' };
      });
      return (cell) => (cell === '' ? EMPTY_TEXT : byText(typeof cell === 'string' ? cell : cellText(cell)));
    }
  }
}

const parsers = new WeakMap<ColumnSpec, CellParser>();

/** The (shared) parser of a column. */
export function columnParser(spec: ColumnSpec): CellParser {
  let parser = parsers.get(spec);
  if (!parser) {
    parser = makeParser(spec);
    parsers.set(spec, parser);
  }
  return parser;
}

/** Parses one cell as the column's type. Invalid cells give the empty value and a problem. */
export function parseCell(spec: ColumnSpec, cell: Cell): Parsed {
  return columnParser(spec)(cell);
}

/** Turns a domain value into the cell to write for a column of this type. */
export function toCell(spec: ColumnSpec, value: unknown): Cell {
  if (value === null || value === undefined || value === '') return '';
  switch (spec.type) {
    case 'date':
    case 'moment':
      return { date: String(value) };
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : '';
    case 'boolean':
      return value === true;
    default:
      return String(value);
  }
}

/** True when two cells hold the same value (used to skip writes that change nothing). */
export function sameCell(a: Cell, b: Cell): boolean {
  if (isDateCell(a) || isDateCell(b)) return isDateCell(a) && isDateCell(b) && a.date === b.date;
  return a === b;
}
