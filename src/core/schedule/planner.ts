/**
 * Schedule generation: one newcomer's lines on their dates (drafts), then "with whom" per line,
 * one resolver per role (buddy, chef buddy, school leader, IB-er, achtervang, meeloopcollega,
 * a named colleague), with shadow hosting spread fairly across every schedule of the request.
 */
import type { SchoolCalendar } from '../calendar';
import { type IsoDate, isIsoDate, mondayOf } from '../dates';
import type { MessageParams } from '../errors';
import { type Email, emailKey, hashText, normalizeName } from '../identity';
import type { RowOf, ScheduleKind } from '../schema';
import type { Settings } from '../settings';
import {
  absentOn,
  type Colleague,
  type Criterion,
  colleagueHash,
  getOrAdd,
  Ledger,
  mixHashes,
  pick,
} from './hosts';
import {
  fitsHostKind,
  fitsRole,
  isIbRole,
  PLACEHOLDERS,
  type ResolvedTemplateRow,
  resolveTemplate,
  roleOf,
  type WithRole,
} from './template';
import { extraCheckInWeeks, type Moved, WeekPlan } from './weeks';

type Staff = RowOf<'staff'>;
type TemplateRow = RowOf<'templates'>;
/** A row of `Inwerkschema`. */
export type ScheduleRow = RowOf<'schedule'>;

/** A person as a schedule shows them. */
export interface PersonRef {
  readonly name: string;
  readonly email: Email;
}

/** One line of a generated schedule. */
export interface ScheduleItem {
  readonly date: IsoDate;
  /** Protocol week, 1 = the start's week (see `WeekPlan`). */
  readonly week: number;
  readonly activity: string;
  /** Display text for `Met`: a name, a placeholder, or the template text as written. */
  readonly with: string;
  /** The resolved person's e-mail, '' when none. */
  readonly withEmail: Email;
  readonly kind: ScheduleKind | '';
  readonly role: WithRole;
  /** False when `with` is a placeholder (nobody found yet). */
  readonly resolved: boolean;
  /** Set when the item is not on its template day. */
  readonly moved?: Moved;
  /** True for check-ins added from `checkInWeeks` (not in the template). */
  readonly generated?: boolean;
}

/** A line of an outline (see `SchedulePlanner.outline`): a schedule line before colleagues are chosen. */
export interface OutlineItem {
  readonly date: IsoDate;
  readonly week: number;
  readonly activity: string;
  readonly kind: ScheduleKind | '';
  /** As `generate` writes it where no colleague is chosen; the placeholder when nobody can be; else ''. */
  readonly with: string;
}

/**
 * Warning codes and their params (the caller translates them):
 * - `noStartDate` {}: the newcomer has no valid start date; no items.
 * - `noTemplate` {location}: no template rows apply to the location.
 * - `templateRowIncomplete` {location, week, day, activity}: a row without a valid week (a whole
 *   number ≥ 1), day or activity; skipped.
 * - `startMoved` {from, to, description}: the start date is a day off; the schedule starts on the
 *   next working day. `description` is '' for a weekend.
 * - `weekSkipped` {monday, description}: a calendar week without any working day (a school
 *   holiday) lies within the schedule; protocol weeks continue after it.
 * - `holidaysMissing` {year, schoolYear}: the schedule runs through school year `schoolYear`
 *   ("2027–2028"; `year` 2027) but `Vrije dagen` has no school holidays for it.
 * - `noBuddy` {}: no buddy yet; items show `PLACEHOLDERS.buddy`.
 * - `noChiefBuddy` {location} and `noSchoolLeader` {}: idem.
 * - `noIb` {location, date, activity}: no present IB-er at the location that day.
 * - `noBackup` {location, date, activity}: no present experienced colleague (see `generate`).
 * - `noShadowHost` {location, date, activity, max}: no colleague left who can host that day.
 * - `colleagueAbsent` {name, date, activity}: a named colleague is absent that day (kept anyway).
 * - `hostFallback` {location, date, activity, hostKind}: no colleague of the kind the line asks
 *   for could host; another colleague was chosen.
 */
export type WarningCode =
  | 'noStartDate'
  | 'noTemplate'
  | 'templateRowIncomplete'
  | 'startMoved'
  | 'weekSkipped'
  | 'holidaysMissing'
  | 'noBuddy'
  | 'noChiefBuddy'
  | 'noSchoolLeader'
  | 'noIb'
  | 'noBackup'
  | 'noShadowHost'
  | 'colleagueAbsent'
  | 'hostFallback';

export interface ScheduleWarning {
  readonly code: WarningCode;
  readonly params: MessageParams;
}

export interface GeneratedSchedule {
  readonly newcomer: string;
  /** The first working day on or after the requested start date; '' without a start date. */
  readonly start: IsoDate;
  readonly items: readonly ScheduleItem[];
  readonly warnings: readonly ScheduleWarning[];
}

/** Per newcomer: who they are, who helps them, and their location's calendar. */
export interface ScheduleInput {
  readonly newcomer: Staff;
  readonly buddy: Staff | null;
  readonly chiefBuddy: PersonRef | null;
  readonly schoolLeader: PersonRef | null;
  readonly calendar: SchoolCalendar;
}

/** Shared by all newcomers of one request: read once, indexed once. */
export interface PlannerContext {
  /** All staff rows (shadow hosts, IB-ers, backups, named colleagues). */
  readonly staff: readonly Staff[];
  /** All `Schemasjablonen` rows. */
  readonly templates: readonly TemplateRow[];
  readonly settings: Pick<Settings, 'checkInWeeks' | 'shadowMaxPerWeek'>;
  /**
   * `Inwerkschema` rows (any newcomer). Everyone else's shadow hosting counts towards the weekly
   * maximum. A newcomer's own rows do not count when generating for them (they are being
   * replaced), but the hosts and achtervang they name are kept where still allowed.
   */
  readonly existingSchedule: readonly ScheduleRow[];
}

function display(person: PersonRef): string {
  return person.name.trim() || person.email.trim();
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Who a schedule line is with, once resolved. */
interface Who {
  readonly with: string;
  readonly withEmail: Email;
  readonly resolved: boolean;
}

/** A schedule line placed on its date, before "with whom" is resolved. */
interface Draft {
  readonly date: IsoDate;
  readonly week: number;
  readonly activity: string;
  readonly withText: string;
  /** The kind of colleague a shadowing line asks for ('' for anyone). */
  readonly hostKind: string;
  readonly kind: ScheduleKind | '';
  readonly moved: Moved | undefined;
  readonly generated: boolean;
}

/**
 * Makes schedules for one or many newcomers. Build it once per request: staff and templates are
 * indexed once, and shadow hosting is counted across every schedule it makes (and the existing
 * ones), so that generating for a whole location spreads hosts over all newcomers.
 */
export class SchedulePlanner {
  private readonly byEmail = new Map<string, Staff>();
  /** Staff by normalised name, made on the first lookup by name (see `findPerson`). */
  private byNameMap: Map<string, Staff> | undefined;
  /** Active colleagues with an e-mail, per normalised location, in sheet order. */
  private readonly activeByLocation = new Map<string, Colleague[]>();
  private readonly templateByLocation = new Map<string, ReturnType<typeof resolveTemplate>>();
  /** Shadow hosting (kind 'meelopen'). */
  private readonly shadow = new Ledger();
  /** Every appearance of a colleague in any schedule: spreads the backups. */
  private readonly busy = new Ledger();
  private readonly maxPerWeek: number;
  private readonly roles = new Map<string, WithRole>();
  private readonly normalized = new Map<string, string>();
  /** Per normalised location: the pool's `Afwezig tot` dates, sorted (see `presentAt`). */
  private readonly absences = new Map<string, string[]>();
  /** Per newcomer, per (date, activity): who their current rows name. Keeps hosts on regeneration. */
  private readonly planned = new Map<string, Map<string, Staff[]>>();

  constructor(private readonly context: PlannerContext) {
    for (const s of context.staff) {
      const email = s.email;
      if (email && !this.byEmail.has(email)) this.byEmail.set(email, s);
      if (s.status !== 'actief' || !email) continue;
      const loc = this.norm(s.location);
      getOrAdd(this.activeByLocation, loc, () => []).push({ staff: s, email, hash: -1 });
    }
    // Values below 1 would make shadowing impossible; they count as 1.
    this.maxPerWeek = Math.max(1, Math.floor(context.settings.shadowMaxPerWeek) || 1);
    for (const row of context.existingSchedule) {
      if (!isIsoDate(row.date)) continue;
      const person = this.findPerson(row.with);
      if (!person) continue;
      const newcomer = row.newcomer;
      const host = person.email;
      const monday = mondayOf(row.date);
      this.busy.add(newcomer, host, monday);
      if (row.kind === 'meelopen') this.shadow.add(newcomer, host, monday);
      const slots = getOrAdd(this.planned, newcomer, () => new Map<string, Staff[]>());
      getOrAdd(slots, this.plannedKey(row.date, row.activity), () => []).push(person);
    }
  }

  /** A colleague by e-mail or (loosely) by name, as written in a `Met` cell. */
  findPerson(text: string): Staff | undefined {
    if (!text.trim()) return undefined;
    return this.byEmail.get(emailKey(text)) ?? this.byName().get(normalizeName(text));
  }

  private byName(): Map<string, Staff> {
    if (!this.byNameMap) {
      this.byNameMap = new Map();
      for (const s of this.context.staff) {
        const name = normalizeName(s.name);
        if (name && !this.byNameMap.has(name)) this.byNameMap.set(name, s);
      }
    }
    return this.byNameMap;
  }

  private template(location: string): ReturnType<typeof resolveTemplate> {
    return getOrAdd(this.templateByLocation, normalizeName(location), () =>
      resolveTemplate(this.context.templates, location),
    );
  }

  /**
   * The schedule of one newcomer (replacing, in the host counts, any schedule made or read for
   * them before), in named steps: the start and the template (`startOf`, `templateOf`), the lines
   * on their dates (`drafts`), then "with whom" per line (`resolve`, one resolver per role), and
   * what the newcomer's next regeneration keeps (`remember`). Rules:
   * - Dates: see `WeekPlan` (protocol weeks on working days) and `WeekPlan.place` (moved items).
   * - buddy → the buddy; chef buddy / schoolleider → the given person; otherwise a placeholder.
   * - IB-er → the first active colleague of the location (sheet order) whose Functie is IB-er or
   *   intern begeleider, present that day, not the newcomer; the same one all schedule long when
   *   possible.
   * - achtervang → an experienced colleague of the location: active, 'Kan buddy zijn' ticked (the
   *   protocol's bar for experience), not the newcomer, not the buddy, present that day. The same
   *   one for every achtervang item when possible; else the one least often in any schedule that
   *   week, then the most years in the VSO, then a per-newcomer hash.
   * - meeloopcollega → each slot a different active colleague of the location, never the newcomer,
   *   not absent that day, hosting fewer than `shadowMaxPerWeek` times that calendar week across
   *   all schedules. Fairness: not the buddy when anyone else can, then fewest times this week,
   *   then fewest overall, then a hash of (newcomer, colleague): deterministic, and different
   *   newcomers get different first choices.
   * - anything else stays as written; a colleague found by that name or e-mail gives `withEmail`.
   * - Regeneration is stable: a shadow host or achtervang that the newcomer's current rows in
   *   `existingSchedule` name for the same (date, activity) stays when still allowed (a host that
   *   is now the buddy is replaced), so pairing a buddy changes the buddy lines, not the hosts.
   */
  generate(input: ScheduleInput): GeneratedSchedule {
    const { newcomer, calendar } = input;
    const me = newcomer.email;
    const warnings = new Warnings();
    this.shadow.removeNewcomer(me);
    this.busy.removeNewcomer(me);

    const laid = this.layout(input, warnings);
    if (!laid) return { newcomer: me, start: '', items: [], warnings: warnings.list };
    const { start, plan, drafts } = laid;
    const run = this.begin(input, me, drafts, warnings);
    const items = drafts.map((d) => itemOf(d, this.resolve(run, d, plan.monday(d.week))));
    this.remember(me, items);

    for (const s of plan.skipped) {
      if (items.length > 0 && s.monday < items[items.length - 1]!.date) {
        warnings.add('weekSkipped', { monday: s.monday, description: s.reason?.description ?? '' });
      }
    }
    const last = items.length > 0 ? items[items.length - 1]!.date : start;
    for (const year of calendar.schoolYearsWithoutHolidays(start, last)) {
      warnings.add('holidaysMissing', { year, schoolYear: `${year}–${year + 1}` });
    }
    return { newcomer: me, start, items, warnings: warnings.list };
  }

  /** The start, the week plan and the lines on their dates; null (with a warning) without a start date. */
  private layout(
    input: ScheduleInput,
    warnings: Warnings,
  ): { start: IsoDate; plan: WeekPlan; drafts: Draft[] } | null {
    const { newcomer, calendar } = input;
    if (!isIsoDate(newcomer.startDate)) {
      warnings.add('noStartDate');
      return null;
    }
    const start = startOf(newcomer.startDate, calendar, warnings);
    const template = this.templateOf(newcomer.location, warnings);
    const plan = new WeekPlan(calendar, start);
    return { start, plan, drafts: this.drafts(template.rows, newcomer.role, plan) };
  }

  /**
   * Several newcomers' schedules as far as checking them needs: every line on its date, and which
   * lines stay open ("nog te kiezen"), without choosing an IB-er, achtervang or meeloopcollega.
   * Choosing a shadow host compares the whole pool for every slot, so checking all of a location's
   * packets grew with newcomers × colleagues; an outline grows with their lines.
   *
   * Null when it is not certain that `generate` would find a shadow host for every slot, whatever
   * the others are given and in whichever order they are planned: then generate them. A slot is
   * certain when the colleagues present that day, less the newcomer, less their own other slots,
   * less every colleague who could have reached the weekly maximum (all hostings that week, saved
   * and these newcomers' slots together, divided by the maximum), still leave one.
   *
   * Lines are as `generate` makes them, in its order; `with` is as it writes it where no choice is
   * made (buddy, chef buddy, school leader, a named colleague), the placeholder where nobody can be
   * found, and '' where it would choose a colleague. Nothing is counted in the ledgers: an outline
   * is for checking, never for saving.
   */
  outline(inputs: readonly ScheduleInput[]): Map<string, OutlineItem[]> | null {
    const laid = inputs.map((input) => ({ input, layout: this.layout(input, new Warnings()) }));
    const isShadow = (d: Draft) => this.roleOf(d.withText) === 'shadowHost';
    // New hostings per calendar week: at most one per shadow slot of these newcomers.
    const slotsInWeek = new Map<IsoDate, number>();
    for (const { layout } of laid)
      for (const d of layout?.drafts ?? [])
        if (isShadow(d)) {
          const monday = layout!.plan.monday(d.week);
          slotsInWeek.set(monday, (slotsInWeek.get(monday) ?? 0) + 1);
        }
    const out = new Map<string, OutlineItem[]>();
    for (const { input, layout } of laid) {
      const me = input.newcomer.email;
      const items: OutlineItem[] = [];
      out.set(me, items);
      if (!layout) continue;
      const { plan, drafts } = layout;
      const ownSlots = drafts.filter(isShadow).length;
      const run = this.begin(input, me, drafts, new Warnings());
      for (const d of drafts) {
        const monday = plan.monday(d.week);
        const role = this.roleOf(d.withText);
        let withText: string;
        if (role === 'shadowHost') {
          const hostings = this.shadow.totalOf(monday) + (slotsInWeek.get(monday) ?? 0);
          const free =
            this.presentAt(run.location, d.date) -
            1 -
            (ownSlots - 1) -
            Math.floor(hostings / this.maxPerWeek);
          if (free < 1) return null;
          withText = '';
        } else if (role === 'ib' || role === 'backup') {
          const fits = role === 'ib' ? this.ibFits(run, d) : this.backupFits(run, d);
          withText = run.pool.some(fits) ? '' : PLACEHOLDERS[role];
        } else withText = this.resolve(run, d, monday).with;
        items.push({ date: d.date, week: d.week, activity: d.activity, kind: d.kind, with: withText });
      }
    }
    return out;
  }

  /** The location's template, warning about incomplete rows and an empty template. */
  private templateOf(location: string, warnings: Warnings): ReturnType<typeof resolveTemplate> {
    const template = this.template(location);
    for (const r of template.skipped) {
      warnings.add('templateRowIncomplete', {
        location: r.location,
        week: r.week ?? '',
        day: r.day,
        activity: r.activity,
      });
    }
    if (template.rows.length === 0) warnings.add('noTemplate', { location });
    return template;
  }

  /**
   * The newcomer's lines on their dates, by date (template order within a day): the template rows
   * for their Functie, a moved line not doubled, an achtervang on every day of a week with an
   * independent line with a backup, and the check-ins of `checkInWeeks` the template lacks.
   */
  private drafts(template: readonly ResolvedTemplateRow[], role: string, plan: WeekPlan): Draft[] {
    // Lines for another Functie (an onderwijsassistent does not take over lessons) are left out.
    const rows = template.filter((r) => fitsRole(r.forRole ?? '', role));
    const drafts = this.withoutDoubledMoves(rows.map((r) => placed(r, plan)));
    // "Veelal zelfstandig, met iemand beschikbaar om te ondersteunen of in te grijpen": a week
    // with an independent line with a backup names a backup on every one of its working days.
    const isBackupDay = (d: Draft) => d.kind === 'zelfstandig' && this.roleOf(d.withText) === 'backup';
    for (const r of rows) {
      if (r.kind !== 'zelfstandig' || this.roleOf(r.with) !== 'backup') continue;
      const week = r.week as number;
      for (const date of plan.days(week)) {
        if (drafts.some((d) => d.date === date && isBackupDay(d))) continue;
        drafts.push(extra(date, week, r.activity.trim(), r.with, r.kind));
      }
    }
    for (const week of extraCheckInWeeks(template, this.context.settings.checkInWeeks)) {
      drafts.push(extra(plan.lastDay(week), week, `Check-in week ${week}`, 'buddy', 'check-in'));
    }
    // Stable sort by date keeps template order within a day.
    const ordered = drafts.map((d, i) => ({ d, i }));
    ordered.sort((a, b) => (a.d.date < b.d.date ? -1 : a.d.date > b.d.date ? 1 : a.i - b.i));
    return ordered.map((o) => o.d);
  }

  /** A line that a day off moved onto a day that has the same line already is not doubled. */
  private withoutDoubledMoves(drafts: readonly Draft[]): Draft[] {
    const lineKey = (d: Draft) => `${d.date}|${this.norm(d.activity)}|${this.norm(d.withText)}`;
    const unmoved = new Set(drafts.filter((d) => !d.moved).map(lineKey));
    const movedSeen = new Set<string>();
    return drafts.filter((d) => {
      if (!d.moved) return true;
      const key = lineKey(d);
      if (unmoved.has(key) || movedSeen.has(key)) return false;
      movedSeen.add(key);
      return true;
    });
  }

  /** What resolving one newcomer's lines shares: who they are, the pool, and what is taken. */
  private begin(input: ScheduleInput, me: string, drafts: readonly Draft[], warnings: Warnings): Run {
    const location = input.newcomer.location;
    const meHash = hashText(me);
    const earlier = new Map<string, Staff[]>();
    for (const [key, people] of this.planned.get(me) ?? []) earlier.set(key, [...people]);
    // Hosts that the current rows name for a later slot are kept free for it, so replacing one
    // host does not shift all the others.
    const reserved = new Set<string>();
    for (const d of drafts) {
      if (this.roleOf(d.withText) !== 'shadowHost') continue;
      for (const p of earlier.get(this.plannedKey(d.date, d.activity)) ?? []) reserved.add(p.email);
    }
    return {
      input,
      me,
      buddyEmail: input.buddy ? input.buddy.email : '',
      location,
      pool: this.pool(location),
      kinds: new Map(),
      earlier,
      reserved,
      usedHosts: new Set<string>(),
      sticky: {},
      // Deterministic, and different for every newcomer, so first choices spread over colleagues.
      tieBreak: (c) => mixHashes(meHash, colleagueHash(c)),
      warnings,
    };
  }

  /** Who one line is with: the resolver of the role its "Met" names. */
  private resolve(run: Run, d: Draft, monday: IsoDate): Who & { role: WithRole } {
    const role = this.roleOf(d.withText);
    const slot: Slot = {
      run,
      d,
      monday,
      role,
      where: { location: run.location, date: d.date, activity: d.activity },
    };
    return { ...this.resolverOf(role)(slot), role };
  }

  private resolverOf(role: WithRole): (slot: Slot) => Who {
    switch (role) {
      case 'buddy':
        return (s) => this.buddy(s);
      case 'chiefBuddy':
        return (s) => this.chiefBuddy(s);
      case 'schoolLeader':
        return (s) => this.schoolLeader(s);
      case 'ib':
        return (s) => this.ib(s);
      case 'backup':
        return (s) => this.backup(s);
      case 'shadowHost':
        return (s) => this.shadowHost(s);
      case 'named':
        return (s) => this.namedColleague(s);
      default:
        return () => ({ with: '', withEmail: '', resolved: true });
    }
  }

  private buddy({ run, role }: Slot): Who {
    const { buddy } = run.input;
    if (!buddy) run.warnings.add('noBuddy');
    return buddy ? person(buddy) : placeholder(role);
  }

  private chiefBuddy({ run, role }: Slot): Who {
    const { chiefBuddy } = run.input;
    if (!chiefBuddy) run.warnings.add('noChiefBuddy', { location: run.location });
    return chiefBuddy ? person(this.named(chiefBuddy)) : placeholder(role);
  }

  private schoolLeader({ run, role }: Slot): Who {
    const { schoolLeader } = run.input;
    if (!schoolLeader) run.warnings.add('noSchoolLeader');
    return schoolLeader ? person(this.named(schoolLeader)) : placeholder(role);
  }

  /** Who may be the IB-er of a line: an IB-er of the location, not the newcomer, present that day. */
  private ibFits(run: Run, d: Draft): (c: Colleague) => boolean {
    return (c) => c.email !== run.me && isIbRole(c.staff.role) && !absentOn(c.staff, d.date);
  }

  /** Who may be the achtervang of a line: experienced, neither newcomer nor buddy, present that day. */
  private backupFits(run: Run, d: Draft): (c: Colleague) => boolean {
    return (c) =>
      c.email !== run.me && c.email !== run.buddyEmail && c.staff.canBuddy && !absentOn(c.staff, d.date);
  }

  private ib({ run, d, role, where }: Slot): Who {
    const ok = this.ibFits(run, d);
    const ib = run.sticky.ib && ok(run.sticky.ib) ? run.sticky.ib : run.pool.find(ok);
    if (ib) run.sticky.ib = ib;
    else run.warnings.add('noIb', where);
    return ib ? person(ib.staff) : placeholder(role);
  }

  private backup({ run, d, monday, role, where }: Slot): Who {
    const ok = this.backupFits(run, d);
    const busy = this.busy.weekOf(monday);
    const backup =
      this.kept(run, d, ok) ??
      (run.sticky.backup && ok(run.sticky.backup) ? run.sticky.backup : undefined) ??
      // Least busy this week first, then the most years of experience.
      pick(
        run.pool,
        ok,
        [(c) => busy.get(c.email) ?? 0, (c) => -Math.max(0, c.staff.yearsVso ?? 0)],
        run.tieBreak,
      );
    if (backup) {
      run.sticky.backup = backup;
      this.busy.add(run.me, backup.email, monday);
    } else run.warnings.add('noBackup', where);
    return backup ? person(backup.staff) : placeholder(role);
  }

  private shadowHost({ run, d, monday, role, where }: Slot): Who {
    const hosting = this.shadow.weekOf(monday);
    const ok = (c: Colleague) =>
      c.email !== run.me &&
      !run.usedHosts.has(c.email) &&
      !absentOn(c.staff, d.date) &&
      (hosting.get(c.email) ?? 0) < this.maxPerWeek;
    // Not the buddy, then fewest times this week, then fewest overall.
    const fairer: Criterion[] = [
      (c) => (c.email === run.buddyEmail ? 1 : 0),
      (c) => hosting.get(c.email) ?? 0,
      (c) => this.shadow.overall(c.email),
    ];
    // The kind of colleague the line asks for first; anyone else only as a fallback, with a warning.
    const ofKind = (c: Colleague) => ok(c) && fitsHostKind(d.hostKind, c.staff, run.input.newcomer);
    // The current rows' host for this slot, taken once (`kept` consumes it).
    const previous = this.kept(run, d, () => true);
    const keep = (f: (c: Colleague) => boolean) => (previous && f(previous) ? previous : undefined);
    // `list` holds only colleagues `fits` may take apart from `ok` (the pool of the kind asked
    // for, in pool order): the same choice as over the whole pool, with fewer to look at.
    const choose = (list: readonly Colleague[], fits: (c: Colleague) => boolean) => {
      const kept = keep((c) => fits(c) && c.email !== run.buddyEmail);
      if (kept) return kept;
      if (!run.reserved.size) return pick(list, ok, fairer, run.tieBreak);
      return (
        pick(list, (c) => ok(c) && !run.reserved.has(c.email), fairer, run.tieBreak) ??
        pick(list, ok, fairer, run.tieBreak)
      );
    };
    const chosen = choose(this.poolOfKind(run, d.hostKind), ofKind);
    const host = chosen ?? (d.hostKind.trim() ? choose(run.pool, ok) : undefined);
    if (host && !chosen) run.warnings.add('hostFallback', { ...where, hostKind: d.hostKind.trim() });
    if (host) {
      run.usedHosts.add(host.email);
      this.shadow.add(run.me, host.email, monday);
      this.busy.add(run.me, host.email, monday);
    } else run.warnings.add('noShadowHost', { ...where, max: this.maxPerWeek });
    return host ? person(host.staff) : placeholder(role);
  }

  private namedColleague({ run, d }: Slot): Who {
    const found = this.findPerson(d.withText);
    if (found && absentOn(found, d.date))
      run.warnings.add('colleagueAbsent', { name: display(found), date: d.date, activity: d.activity });
    return found ? person(found) : { with: d.withText.trim(), withEmail: '', resolved: true };
  }

  /** Who the newcomer's current row for this slot names, when still in the pool and `ok` (taken once). */
  /** The newcomer's pool narrowed to the kind of host a line asks for (pool order), made once per kind. */
  private poolOfKind(run: Run, hostKind: string): readonly Colleague[] {
    return getOrAdd(run.kinds, hostKind, () =>
      run.pool.filter((c) => fitsHostKind(hostKind, c.staff, run.input.newcomer)),
    );
  }

  private kept(run: Run, d: Draft, ok: (c: Colleague) => boolean): Colleague | undefined {
    const previous = run.earlier.get(this.plannedKey(d.date, d.activity))?.shift();
    const c = previous && run.pool.find((x) => x.staff === previous);
    return c && ok(c) ? c : undefined;
  }

  /** Who this newcomer's lines name, per (date, activity): their next regeneration keeps them. */
  private remember(me: string, items: readonly ScheduleItem[]): void {
    const mine = new Map<string, Staff[]>();
    for (const i of items) {
      const found = i.withEmail ? this.byEmail.get(i.withEmail) : undefined;
      if (found) getOrAdd(mine, this.plannedKey(i.date, i.activity), () => []).push(found);
    }
    this.planned.set(me, mine);
  }

  /** Memoised: `normalizeName` (Unicode normalisation and two regexes) adds up over 1,000 schedules. */
  private plannedKey(date: IsoDate, activity: string): string {
    return `${date}|${getOrAdd(this.normalized, activity, () => normalizeName(activity))}`;
  }

  private norm(text: string): string {
    return getOrAdd(this.normalized, text, () => normalizeName(text));
  }

  private roleOf(withText: string): WithRole {
    return getOrAdd(this.roles, withText, () => roleOf(withText));
  }

  /** A chef buddy or school leader given by e-mail gets their name from the staff sheet. */
  private named(p: PersonRef): PersonRef {
    if (p.name.trim()) return p;
    const found = this.byEmail.get(p.email);
    return found ? { name: found.name, email: p.email } : p;
  }

  private pool(location: string): readonly Colleague[] {
    return this.activeByLocation.get(normalizeName(location)) ?? [];
  }

  /** How many of a location's pool are not absent on `date` (the pool's absences sorted once). */
  private presentAt(location: string, date: IsoDate): number {
    const pool = this.pool(location);
    const until = getOrAdd(this.absences, normalizeName(location), () =>
      pool
        .map((c) => c.staff.absentUntil)
        .filter((d) => d !== '')
        .sort(),
    );
    // The first absence lasting until `date` or later: from there on, everyone is absent that day.
    let lo = 0;
    let hi = until.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (until[mid]! < date) lo = mid + 1;
      else hi = mid;
    }
    return pool.length - (until.length - lo);
  }
}

/** What the resolvers of one newcomer's lines share. */
interface Run {
  readonly input: ScheduleInput;
  readonly me: string;
  readonly buddyEmail: string;
  readonly location: string;
  readonly pool: readonly Colleague[];
  /** The pool per host kind asked for (see `poolOfKind`). */
  readonly kinds: Map<string, readonly Colleague[]>;
  /** Per (date, activity): who the newcomer's current rows name; `kept` takes them one by one. */
  readonly earlier: Map<string, Staff[]>;
  readonly reserved: ReadonlySet<string>;
  readonly usedHosts: Set<string>;
  /** The IB-er and achtervang chosen so far: the same one all schedule long when possible. */
  readonly sticky: { ib?: Colleague; backup?: Colleague };
  readonly tieBreak: (c: Colleague) => number;
  readonly warnings: Warnings;
}

/** One line being resolved. */
interface Slot {
  readonly run: Run;
  readonly d: Draft;
  /** The Monday of the line's calendar week: where its hosting is counted. */
  readonly monday: IsoDate;
  readonly role: WithRole;
  readonly where: { location: string; date: IsoDate; activity: string };
}

/** A schedule's warnings, each (code, params) once, in the order they arose. */
class Warnings {
  readonly list: ScheduleWarning[] = [];
  private readonly seen = new Set<string>();

  add(code: WarningCode, params: MessageParams = {}): void {
    let key: string = code;
    for (const k in params) key += `|${params[k]}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ code, params });
  }
}

/** The first working day on or after the requested start, with a warning when it moved. */
function startOf(requested: IsoDate, calendar: SchoolCalendar, warnings: Warnings): IsoDate {
  const start = calendar.nextWorkingDay(requested);
  if (start !== requested) {
    warnings.add('startMoved', {
      from: requested,
      to: start,
      description: calendar.dayOffReason(requested)?.description ?? '',
    });
  }
  return start;
}

/** A template row on its date in the plan. */
function placed(r: ResolvedTemplateRow, plan: WeekPlan): Draft {
  const week = r.week as number;
  const { date, moved } = plan.place(week, r.dayNumber);
  return {
    date,
    week,
    activity: r.activity.trim(),
    withText: r.with,
    hostKind: r.hostKind ?? '',
    kind: r.kind,
    moved,
    generated: false,
  };
}

/** A line Wegwijs adds to the template's (an achtervang day, a check-in from the settings). */
function extra(
  date: IsoDate,
  week: number,
  activity: string,
  withText: string,
  kind: ScheduleKind | '',
): Draft {
  return { date, week, activity, withText, hostKind: '', kind, moved: undefined, generated: true };
}

function person(p: PersonRef): Who {
  return { with: display(p), withEmail: p.email, resolved: true };
}

function placeholder(role: WithRole): Who {
  return { with: PLACEHOLDERS[role as keyof typeof PLACEHOLDERS], withEmail: '', resolved: false };
}

/** The item of a resolved line. Built field by field: spreading objects of varying shapes was the main cost at 1,000 schedules. */
function itemOf(d: Draft, who: Who & { role: WithRole }): ScheduleItem {
  const item: Mutable<ScheduleItem> = {
    date: d.date,
    week: d.week,
    activity: d.activity,
    with: who.with,
    withEmail: who.withEmail,
    kind: d.kind,
    role: who.role,
    resolved: who.resolved,
  };
  if (d.moved) item.moved = d.moved;
  if (d.generated) item.generated = true;
  return item;
}
/** One newcomer's schedule, with a planner of its own (use `SchedulePlanner` for many). */
export function generateSchedule(input: ScheduleInput & PlannerContext): GeneratedSchedule {
  return new SchedulePlanner(input).generate(input);
}
