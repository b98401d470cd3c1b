/** ScriptApp: enums, authorization info and installable triggers under the add-on rules. */
import type { FakeContext } from './core.ts';
import { isDate } from './core.ts';

/** `ScriptApp.AuthMode` values. */
export const AUTH_MODE = Object.freeze({
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
});
/** `ScriptApp.AuthorizationStatus` values. */
export const AUTHORIZATION_STATUS = Object.freeze({ REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' });
/** `ScriptApp.EventType` values. */
export const EVENT_TYPE = Object.freeze({
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
});
/** `ScriptApp.TriggerSource` values; a time-driven trigger's source is CLOCK. */
export const TRIGGER_SOURCE = Object.freeze({
  CLOCK: 'CLOCK',
  SPREADSHEETS: 'SPREADSHEETS',
  DOCUMENTS: 'DOCUMENTS',
  FORMS: 'FORMS',
  CALENDAR: 'CALENDAR',
});
/** `ScriptApp.WeekDay` values. */
export const WEEK_DAY = Object.freeze({
  MONDAY: 'MONDAY',
  TUESDAY: 'TUESDAY',
  WEDNESDAY: 'WEDNESDAY',
  THURSDAY: 'THURSDAY',
  FRIDAY: 'FRIDAY',
  SATURDAY: 'SATURDAY',
  SUNDAY: 'SUNDAY',
});

/** When a time-driven trigger runs, as given to the builder. */
export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: string;
  onMonthDay?: number;
  timeZone?: string;
  /** One-off: at this instant (ISO) or after this many ms from creation. */
  at?: string;
}

/** An installed trigger as plain data. */
export interface TriggerState {
  id: string;
  handler: string;
  owner: string;
  eventType: string;
  source: string;
  /** The document the add-on created it in. */
  documentId: string;
  schedule: ClockSchedule;
}

/** The TriggerState list plus the id counter, JSON-safe. */
export interface TriggersState {
  list: TriggerState[];
  nextId: number;
}

/** What the ScriptApp fake needs from outside. */
export interface ScriptHost {
  scriptId: string;
  documentId(): string;
  /** The web app's deployed URL; null while the script is not deployed as a web app. */
  webAppUrl(): string | null;
}

/** Google refuses a second trigger of one type per user and document for add-ons. */
const TOO_MANY_TIME_BASED =
  'This add-on has created too many time-based triggers in this document for this Google user account.';
const TOO_MANY_OF_TYPE =
  'This add-on has created too many triggers of this type in this document for this Google user account.';

/** The Trigger fake. */
export class FakeTrigger {
  constructor(readonly state: TriggerState) {}
  getUniqueId(): string {
    return this.state.id;
  }
  getHandlerFunction(): string {
    return this.state.handler;
  }
  getEventType(): string {
    return this.state.eventType;
  }
  getTriggerSource(): string {
    return this.state.source;
  }
  /** Null for time-driven triggers, the spreadsheet id for spreadsheet triggers (as Google). */
  getTriggerSourceId(): string | null {
    return this.state.source === 'CLOCK' ? null : this.state.documentId;
  }
}

/** The ClockTriggerBuilder fake. Add-ons may run at most hourly. */
export class FakeClockTriggerBuilder {
  private schedule: ClockSchedule = {};
  constructor(
    private ctx: FakeContext,
    private create_: (eventType: string, source: string, schedule: ClockSchedule) => FakeTrigger,
  ) {}
  everyMinutes(n: number): this {
    // Add-on time-driven triggers cannot run more often than once an hour.
    throw this.ctx.error(
      `Add-ons can't create time-based triggers that run more often than once per hour (everyMinutes(${n})).`,
    );
  }
  everyHours(n: number): this {
    if (![1, 2, 4, 6, 8, 12].includes(n))
      throw this.ctx.error('Invalid argument: hours. The value must be 1, 2, 4, 6, 8 or 12.');
    this.schedule.everyHours = n;
    return this;
  }
  everyDays(n: number): this {
    if (!(n >= 1)) throw this.ctx.error('Invalid argument: days');
    this.schedule.everyDays = n;
    return this;
  }
  everyWeeks(n: number): this {
    if (!(n >= 1)) throw this.ctx.error('Invalid argument: weeks');
    this.schedule.everyWeeks = n;
    return this;
  }
  atHour(hour: number): this {
    if (!(hour >= 0 && hour <= 23)) throw this.ctx.error('Invalid argument: hour');
    this.schedule.atHour = hour;
    return this;
  }
  nearMinute(minute: number): this {
    if (!(minute >= 0 && minute <= 59)) throw this.ctx.error('Invalid argument: minute');
    this.schedule.nearMinute = minute;
    return this;
  }
  onWeekDay(day: string): this {
    if (!Object.values(WEEK_DAY).includes(String(day) as keyof typeof WEEK_DAY))
      throw this.ctx.error('Invalid argument: day');
    this.schedule.onWeekDay = String(day);
    return this;
  }
  onMonthDay(day: number): this {
    this.schedule.onMonthDay = day;
    return this;
  }
  inTimezone(timezone: string): this {
    this.schedule.timeZone = String(timezone);
    return this;
  }
  at(date: Date): this {
    if (!isDate(date)) throw this.ctx.error('Invalid argument: date');
    this.schedule.at = new Date(date.getTime()).toISOString();
    return this;
  }
  after(durationMilliseconds: number): this {
    this.schedule.at = new Date(this.ctx.nowMs + durationMilliseconds).toISOString();
    return this;
  }
  create(): FakeTrigger {
    return this.create_('CLOCK', 'CLOCK', this.schedule);
  }
}

/** The SpreadsheetTriggerBuilder fake (onOpen, onEdit, onChange, onFormSubmit). */
export class FakeSpreadsheetTriggerBuilder {
  private eventType = '';
  constructor(
    private ctx: FakeContext,
    private create_: (eventType: string, source: string, schedule: ClockSchedule) => FakeTrigger,
  ) {}
  onOpen(): this {
    this.eventType = 'ON_OPEN';
    return this;
  }
  onEdit(): this {
    this.eventType = 'ON_EDIT';
    return this;
  }
  onChange(): this {
    this.eventType = 'ON_CHANGE';
    return this;
  }
  onFormSubmit(): this {
    this.eventType = 'ON_FORM_SUBMIT';
    return this;
  }
  create(): FakeTrigger {
    if (!this.eventType) throw this.ctx.error('Trigger type must be specified.');
    return this.create_(this.eventType, 'SPREADSHEETS', {});
  }
}

/** The TriggerBuilder fake. */
export class FakeTriggerBuilder {
  constructor(
    private ctx: FakeContext,
    private create_: (eventType: string, source: string, schedule: ClockSchedule) => FakeTrigger,
  ) {}
  timeBased(): FakeClockTriggerBuilder {
    return this.ctx.wrap('ClockTriggerBuilder', new FakeClockTriggerBuilder(this.ctx, this.create_));
  }
  forSpreadsheet(_sheet: unknown): FakeSpreadsheetTriggerBuilder {
    return this.ctx.wrap(
      'SpreadsheetTriggerBuilder',
      new FakeSpreadsheetTriggerBuilder(this.ctx, this.create_),
    );
  }
}

/** The ScriptApp fake. */
export class FakeScriptApp {
  readonly AuthMode = AUTH_MODE;
  readonly AuthorizationStatus = AUTHORIZATION_STATUS;
  readonly EventType = EVENT_TYPE;
  readonly TriggerSource = TRIGGER_SOURCE;
  readonly WeekDay = WEEK_DAY;
  constructor(
    private ctx: FakeContext,
    private host: ScriptHost,
    readonly state: TriggersState,
  ) {}

  private trigger(state: TriggerState): FakeTrigger {
    return this.ctx.wrap('Trigger', new FakeTrigger(state));
  }
  private mine(): TriggerState[] {
    return this.state.list.filter((t) => t.owner === this.ctx.effectiveUser);
  }
  private create(handler: string, eventType: string, source: string, schedule: ClockSchedule): FakeTrigger {
    const documentId = this.host.documentId();
    const same = this.mine().filter((t) => t.documentId === documentId && t.eventType === eventType);
    if (same.length > 0) throw this.ctx.error(eventType === 'CLOCK' ? TOO_MANY_TIME_BASED : TOO_MANY_OF_TYPE);
    if (this.mine().length >= 20) {
      throw this.ctx.error(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    }
    const state: TriggerState = {
      id: String(this.state.nextId++),
      handler,
      owner: this.ctx.effectiveUser,
      eventType,
      source,
      documentId,
      schedule: { ...schedule },
    };
    this.state.list.push(state);
    return this.trigger(state);
  }
  newTrigger(functionName: string): FakeTriggerBuilder {
    const handler = String(functionName);
    return this.ctx.wrap(
      'TriggerBuilder',
      new FakeTriggerBuilder(this.ctx, (eventType, source, schedule) =>
        this.create(handler, eventType, source, schedule),
      ),
    );
  }
  /** The current user's triggers of this script (other users' triggers are invisible, as on Google). */
  getProjectTriggers(): FakeTrigger[] {
    return this.mine().map((t) => this.trigger(t));
  }
  /** The current user's triggers of this script in the given document. */
  getUserTriggers(document: unknown): FakeTrigger[] {
    // Google looks the document up itself: the fake reads its ID without a counted getId call.
    const doc = document as { fakeId?: string; getId?: () => string } | null;
    const id =
      typeof doc?.fakeId === 'string'
        ? doc.fakeId
        : typeof doc?.getId === 'function'
          ? doc.getId()
          : this.host.documentId();
    return this.mine()
      .filter((t) => t.documentId === id)
      .map((t) => this.trigger(t));
  }
  deleteTrigger(trigger: unknown): void {
    if (!(trigger instanceof FakeTrigger)) throw this.ctx.error('Invalid argument: trigger');
    const id = trigger.state.id;
    this.state.list = this.state.list.filter((t) => !(t.id === id && t.owner === this.ctx.effectiveUser));
  }
  /**
   * What the user granted of the manifest's scopes, or of `oAuthScopes` when given (Google's
   * two-argument form, made for granular consent). REQUIRED while any asked scope is missing.
   */
  getAuthorizationInfo(
    _authMode: string,
    oAuthScopes?: string[],
  ): {
    getAuthorizationStatus(): string;
    getAuthorizationUrl(): string | null;
    getAuthorizedScopes(): string[];
  } {
    const requested = Array.isArray(oAuthScopes) ? oAuthScopes.map(String) : this.ctx.oauthScopes;
    const granted = this.ctx.grantedScopes;
    const missing = requested.filter((s) => !granted.includes(s));
    const url = `https://script.google.com/macros/d/${this.host.scriptId}/authorize`;
    return this.ctx.wrap('AuthorizationInfo', {
      getAuthorizationStatus: () => (missing.length ? 'REQUIRED' : 'NOT_REQUIRED'),
      getAuthorizationUrl: () => (missing.length ? url : null),
      getAuthorizedScopes: () => requested.filter((s) => granted.includes(s)),
    });
  }
  getScriptId(): string {
    return this.host.scriptId;
  }
  /** The script as a web app: its URL once deployed, null before (Google's `Service.getUrl`). */
  getService(): { getUrl(): string | null; isEnabled(): boolean } {
    const url = this.host.webAppUrl();
    return this.ctx.wrap('Service', { getUrl: () => url, isEnabled: () => url !== null });
  }
  getOAuthToken(): string {
    return `fake-oauth-token-for-${this.ctx.effectiveUser}`;
  }
}
