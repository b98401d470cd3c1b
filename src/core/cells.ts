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
  if (isDateCell(cell)) return cell.date;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell).trim();
}

type Parsed = { value: unknown; problem?: CellProblemCode };

/** Parses one cell as the column's type. Invalid cells give the empty value and a problem. */
export function parseCell(spec: ColumnSpec, cell: Cell): Parsed {
  switch (spec.type) {
    case 'text':
      return {
        value: isDateCell(cell) ? cell.date : typeof cell === 'string' ? cell.trim() : cellText(cell),
      };
    case 'email': {
      // A cell that is not one address keeps its text (so the row can be named) with a problem.
      const text = cellText(cell);
      if (text === '') return { value: '' };
      const email = emailIn(text);
      return email ? { value: email } : { value: text.toLowerCase(), problem: 'notAnEmail' };
    }
    case 'date': {
      if (isDateCell(cell)) return { value: cell.date.slice(0, 10) };
      const text = cellText(cell);
      if (text === '') return { value: '' };
      const date: IsoDate | null = parseDateText(text);
      return date ? { value: date } : { value: '', problem: 'notADate' };
    }
    case 'moment':
      return { value: isDateCell(cell) ? cell.date : cellText(cell) };
    case 'number': {
      const text = typeof cell === 'number' ? '' : cellText(cell).replace(',', '.');
      if (typeof cell !== 'number' && text === '') return { value: null };
      const n = typeof cell === 'number' ? cell : Number(text);
      if (!Number.isFinite(n)) return { value: null, problem: 'notANumber' };
      // A count (a capacity) that is negative or broken is unreadable, not silently clamped.
      if (spec.count && (n < 0 || !Number.isInteger(n))) return { value: null, problem: 'notACount' };
      return { value: n };
    }
    case 'boolean': {
      if (typeof cell === 'boolean') return { value: cell };
      const word = normalizeName(cellText(cell));
      if (TRUE_WORDS.has(word)) return { value: true };
      if (FALSE_WORDS.has(word)) return { value: false };
      return { value: false, problem: 'notAChoice' };
    }
    case 'choice': {
      const text = cellText(cell);
      if (text === '') return { value: '' };
      const wanted = normalizeName(text);
      const found =
        spec.choices.find((c) => normalizeName(c) === wanted) ??
        spec.choices.find((c) => c === CHOICE_ALIASES[wanted]);
      return found ? { value: found } : { value: '', problem: 'notAChoice' };
    }
  }
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
