/** Data validation: SpreadsheetApp.newDataValidation() builder and the rules stored per cell. */

import type { RuleData, RuleValue } from './cells.ts';
import { isWallDate, toWall } from './cells.ts';
import type { FakeContext } from './core.ts';
import { isDate } from './core.ts';

/** Criteria names as `SpreadsheetApp.DataValidationCriteria` spells them. */
export const DATA_VALIDATION_CRITERIA = Object.freeze({
  CHECKBOX: 'CHECKBOX',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_BETWEEN: 'DATE_BETWEEN',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  DATE_NOT_BETWEEN: 'DATE_NOT_BETWEEN',
  DATE_ON_OR_AFTER: 'DATE_ON_OR_AFTER',
  DATE_ON_OR_BEFORE: 'DATE_ON_OR_BEFORE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  NUMBER_NOT_EQUAL_TO: 'NUMBER_NOT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_DOES_NOT_CONTAIN',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
});

/** What the rule objects need from the spreadsheet: time zone for dates, ranges by A1 for VALUE_IN_RANGE. */
export interface RuleHost {
  ctx: FakeContext;
  timeZone(): string;
  /** The A1 notation with sheet of a Range fake, or null when it is not one. */
  rangeA1(range: unknown): string | null;
  /** A Range fake for an A1 notation with sheet. */
  rangeAt(a1: string): unknown;
  fromWall(ms: { wall: number }): Date;
}

/** The DataValidation fake (immutable). */
export class FakeDataValidation {
  constructor(
    private host: RuleHost,
    /** The rule as plain data. */
    readonly data: RuleData,
  ) {}
  getCriteriaType(): string {
    return this.data.criteria;
  }
  getCriteriaValues(): unknown[] {
    const out = (v: RuleValue): unknown => {
      if (Array.isArray(v)) return v.map(out);
      if (isWallDate(v)) return this.host.fromWall(v);
      if (v !== null && typeof v === 'object' && 'range' in v) return this.host.rangeAt(v.range);
      return v;
    };
    return this.data.values.map(out);
  }
  getAllowInvalid(): boolean {
    return this.data.allowInvalid;
  }
  getHelpText(): string {
    return this.data.helpText;
  }
  copy(): FakeDataValidationBuilder {
    const builder = new FakeDataValidationBuilder(this.host);
    builder.data = structuredClone(this.data);
    return this.host.ctx.wrap('DataValidationBuilder', builder);
  }
}

/** The DataValidationBuilder fake: each require* replaces the criteria, like Google's. */
export class FakeDataValidationBuilder {
  data: RuleData = { criteria: '', values: [], allowInvalid: true, helpText: '' };
  constructor(private host: RuleHost) {}

  private set(criteria: string, values: RuleValue[]): this {
    this.data.criteria = criteria;
    this.data.values = values;
    return this;
  }
  private date(d: unknown): RuleValue {
    if (!isDate(d)) throw this.host.ctx.error('Invalid argument: date');
    return toWall(d.getTime(), this.host.timeZone());
  }
  requireValueInList(values: unknown[], showDropdown = true): this {
    if (!Array.isArray(values)) throw this.host.ctx.error('Invalid argument: values');
    return this.set('VALUE_IN_LIST', [values.map((v) => String(v)), showDropdown]);
  }
  requireValueInRange(range: unknown, showDropdown = true): this {
    const a1 = this.host.rangeA1(range);
    if (a1 === null) throw this.host.ctx.error('Invalid argument: range');
    return this.set('VALUE_IN_RANGE', [{ range: a1 }, showDropdown]);
  }
  requireDate(): this {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: Date): this {
    return this.set('DATE_AFTER', [this.date(date)]);
  }
  requireDateBefore(date: Date): this {
    return this.set('DATE_BEFORE', [this.date(date)]);
  }
  requireDateOnOrAfter(date: Date): this {
    return this.set('DATE_ON_OR_AFTER', [this.date(date)]);
  }
  requireDateOnOrBefore(date: Date): this {
    return this.set('DATE_ON_OR_BEFORE', [this.date(date)]);
  }
  requireDateBetween(start: Date, end: Date): this {
    return this.set('DATE_BETWEEN', [this.date(start), this.date(end)]);
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown): this {
    const values = [checked, unchecked].filter((v) => v !== undefined).map((v) => String(v));
    return this.set('CHECKBOX', values);
  }
  requireNumberBetween(start: number, end: number): this {
    return this.set('NUMBER_BETWEEN', [Number(start), Number(end)]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [Number(n)]);
  }
  requireTextIsEmail(): this {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): this {
    return this.set('TEXT_IS_VALID_URL', []);
  }
  requireFormulaSatisfied(formula: string): this {
    return this.set('CUSTOM_FORMULA', [String(formula)]);
  }
  setAllowInvalid(allowInvalid: boolean): this {
    this.data.allowInvalid = Boolean(allowInvalid);
    return this;
  }
  setHelpText(helpText: string): this {
    this.data.helpText = String(helpText);
    return this;
  }
  getCriteriaType(): string {
    return this.data.criteria;
  }
  build(): FakeDataValidation {
    // Google refuses to build a rule without criteria.
    if (!this.data.criteria) throw this.host.ctx.error('You must specify a criteria type.');
    return this.host.ctx.wrap(
      'DataValidation',
      new FakeDataValidation(this.host, structuredClone(this.data)),
    );
  }
}

/** The rule data behind a DataValidation fake (null for null); throws for anything else. */
export function ruleDataOf(ctx: FakeContext, rule: unknown): RuleData | null {
  if (rule === null || rule === undefined) return null;
  if (rule instanceof FakeDataValidation) return structuredClone(rule.data);
  throw ctx.error('Invalid argument: rule');
}
