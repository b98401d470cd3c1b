/**
 * Protected ranges and "reject input" data validation, enforced on every edit a script makes, with
 * Google's messages: an edit by someone who is not an editor of a protected range fails, and so does
 * a value that a rule with `setAllowInvalid(false)` rejects. Warning-only protections and rules that
 * allow invalid input (show a warning) let scripts through, as on Google.
 */
import type { Cell, RuleData, Stored } from './cells.ts';
import { a1Of, isWallDate } from './cells.ts';
import type { FakeContext } from './core.ts';

/** A protected block of one tab, JSON-safe. */
export interface ProtectionState {
  id: number;
  sheetId: number;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  description: string;
  warningOnly: boolean;
  /** Lower-case e-mail addresses of the users who may edit the range. */
  editors: string[];
  domainEdit: boolean;
}

/** Google's message when a script edits a range its user may not edit. */
export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

/** Google's message when a value breaks a rule that rejects input. */
export function rejectedMessage(row: number, col: number): string {
  return `The data you entered in cell ${a1Of(row, col, 1, 1)} violates the data validation rules set on this cell.`;
}

function overlaps(p: ProtectionState, sheetId: number, row: number, col: number, rows: number, cols: number) {
  return (
    p.sheetId === sheetId &&
    row <= p.row + p.numRows - 1 &&
    p.row <= row + rows - 1 &&
    col <= p.col + p.numCols - 1 &&
    p.col <= col + cols - 1
  );
}

/** Throws Google's message when the current user may not edit any cell of the block. */
export function assertMayEdit(
  ctx: FakeContext,
  protections: readonly ProtectionState[] | undefined,
  block: { sheetId: number; row: number; col: number; numRows: number; numCols: number },
): void {
  for (const p of protections ?? []) {
    if (p.warningOnly || !overlaps(p, block.sheetId, block.row, block.col, block.numRows, block.numCols))
      continue;
    if (!p.editors.includes(ctx.activeUser.toLowerCase())) throw ctx.error(PROTECTED_MESSAGE);
  }
}

/** Moves protections below `afterRow` down by `count` rows (negative: rows deleted from `afterRow + 1`). */
export function shiftProtections(
  protections: ProtectionState[] | undefined,
  sheetId: number,
  afterRow: number,
  count: number,
): void {
  for (const p of protections ?? []) {
    if (p.sheetId !== sheetId) continue;
    if (count > 0) {
      if (p.row > afterRow) p.row += count;
      else if (p.row + p.numRows - 1 > afterRow) p.numRows += count;
      continue;
    }
    const first = afterRow + 1;
    const last = afterRow - count;
    const top = p.row;
    const bottom = p.row + p.numRows - 1;
    const removedInside = Math.max(0, Math.min(bottom, last) - Math.max(top, first) + 1);
    const removedAbove = Math.max(0, Math.min(top - 1, last) - first + 1);
    p.row -= removedAbove;
    p.numRows -= removedInside;
  }
}

/** True when a stored value satisfies a rule; criteria the fakes do not model count as satisfied. */
export function satisfies(rule: RuleData, value: Stored): boolean {
  if (value === '') return true;
  const text = typeof value === 'string' ? value : String(value);
  switch (rule.criteria) {
    case 'VALUE_IN_LIST': {
      const list = (Array.isArray(rule.values[0]) ? rule.values[0] : []) as unknown[];
      // Compared as Sheets' dropdown does, ignoring case.
      return list.some((v) => String(v).toLowerCase() === text.toLowerCase());
    }
    case 'CHECKBOX': {
      if (rule.values.length === 0) return typeof value === 'boolean';
      return rule.values.some((v) => String(v) === text);
    }
    case 'DATE_IS_VALID_DATE':
      return isWallDate(value);
    case 'NUMBER_BETWEEN': {
      const [low, high] = rule.values as number[];
      return typeof value === 'number' && value >= (low ?? -Infinity) && value <= (high ?? Infinity);
    }
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return typeof value === 'number' && value >= Number(rule.values[0]);
    case 'TEXT_IS_VALID_EMAIL':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
    default:
      return true;
  }
}

/** Throws Google's message when the new value of a cell breaks its rule that rejects input. */
export function assertAccepted(
  ctx: FakeContext,
  cell: Cell | undefined,
  value: Stored,
  row: number,
  col: number,
): void {
  const rule = cell?.validation;
  if (rule && !rule.allowInvalid && !satisfies(rule, value)) throw ctx.error(rejectedMessage(row, col));
}

/** The Protection fake for a range. */
export class FakeProtection {
  constructor(
    private ctx: FakeContext,
    private list: ProtectionState[],
    readonly state: ProtectionState,
  ) {}
  private emails(users: unknown): string[] {
    const list = Array.isArray(users) ? users : [users];
    return list.map((u) =>
      String(
        typeof (u as { getEmail?: unknown })?.getEmail === 'function'
          ? (u as { getEmail(): string }).getEmail()
          : u,
      )
        .trim()
        .toLowerCase(),
    );
  }
  private mustBeEditor(): void {
    if (!this.state.editors.includes(this.ctx.activeUser.toLowerCase()))
      throw this.ctx.error(PROTECTED_MESSAGE);
  }
  setDescription(description: string): this {
    this.mustBeEditor();
    this.state.description = String(description);
    return this;
  }
  getDescription(): string {
    return this.state.description;
  }
  setWarningOnly(warningOnly: boolean): this {
    this.mustBeEditor();
    this.state.warningOnly = Boolean(warningOnly);
    return this;
  }
  isWarningOnly(): boolean {
    return this.state.warningOnly;
  }
  addEditor(user: unknown): this {
    return this.addEditors([user]);
  }
  addEditors(users: unknown[]): this {
    this.mustBeEditor();
    for (const e of this.emails(users)) if (!this.state.editors.includes(e)) this.state.editors.push(e);
    return this;
  }
  removeEditor(user: unknown): this {
    return this.removeEditors([user]);
  }
  removeEditors(users: unknown[]): this {
    this.mustBeEditor();
    const gone = new Set(this.emails(users));
    // Google never removes the current user: a script cannot lock its own user out.
    gone.delete(this.ctx.activeUser.toLowerCase());
    this.state.editors = this.state.editors.filter((e) => !gone.has(e));
    return this;
  }
  getEditors(): { getEmail(): string }[] {
    return this.state.editors.map((email) => this.ctx.wrap('User', { getEmail: () => email }));
  }
  canEdit(): boolean {
    return this.state.editors.includes(this.ctx.activeUser.toLowerCase());
  }
  setDomainEdit(editable: boolean): this {
    this.state.domainEdit = Boolean(editable);
    return this;
  }
  canDomainEdit(): boolean {
    return this.state.domainEdit;
  }
  remove(): void {
    this.mustBeEditor();
    const i = this.list.indexOf(this.state);
    if (i >= 0) this.list.splice(i, 1);
  }
}
