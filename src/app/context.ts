/**
 * What one request gives a use case: the ports, the unit of work over the sheet, the user's
 * language, and lazily resolved settings and actor (each tab still read once).
 */
import { UserError } from '../core/errors';
import { type Actor, resolveActor } from '../core/roles';
import { readSettings, type SettingProblem, type Settings } from '../core/settings';
import { type Language, languageOf, type MessageKey, translate } from '../shared/i18n';
import { Directory } from './directory';
import type {
  Clock,
  DocumentStore,
  Environment,
  Identity,
  Lock,
  Mailer,
  SheetGateway,
  Triggers,
  Ui,
} from './ports';
import { Workbook } from './workbook';

/** Every adapter, built once per call by the composition root. */
export interface Services {
  readonly gateway: SheetGateway;
  readonly identity: Identity;
  readonly clock: Clock;
  readonly lock: Lock;
  readonly ui: Ui;
  readonly triggers: Triggers;
  readonly mailer: Mailer;
  readonly environment: Environment;
  readonly store: DocumentStore;
  /** The add-on's version, from package.json at build time. */
  readonly version: string;
}

export class RequestContext {
  readonly language: Language;
  readonly wb: Workbook;
  private cachedSettings: { settings: Settings; problems: SettingProblem[] } | undefined;
  private cachedActor: Actor | undefined;
  private cachedDirectory: Directory | undefined;

  constructor(readonly services: Services) {
    this.language = languageOf(services.identity.locale());
    this.wb = new Workbook(services.gateway, this.language);
  }

  /**
   * Runs `work` holding the document lock (waiting up to 10 s), so that concurrent actions and
   * the hourly run never interleave; says the sheet is busy when it cannot get the lock. The work
   * is one unit: its changes are written when it succeeds, none when it throws.
   */
  locked<T>(work: () => T): T {
    const outcome = this.services.lock.tryWith(10_000, () => {
      // Decisions under the lock rest on what is read under it: another user may have written
      // while this call waited, so what was read before (to find the role) is read again.
      if (!this.wb.inUnit) {
        this.wb.discard();
        this.cachedSettings = undefined;
      }
      // One unit of work: a call that fails writes nothing.
      return this.wb.unitOfWork(work);
    });
    if (!outcome.ran) throw new UserError('error.busy');
    return outcome.value;
  }

  t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string {
    return translate(this.language, key, params);
  }

  /** Settings from Instellingen, defaults where a row is missing. */
  settings(): Settings {
    return this.settingsRead().settings;
  }

  settingProblems(): SettingProblem[] {
    return this.settingsRead().problems;
  }

  private settingsRead() {
    if (!this.cachedSettings) {
      const rows = this.wb.tryTable('settings')?.records.map((r) => r.value) ?? [];
      this.cachedSettings = readSettings(rows);
    }
    return this.cachedSettings;
  }

  /** The request's read model: people by e-mail, active pairings, duplicate rows. */
  directory(): Directory {
    if (!this.cachedDirectory) this.cachedDirectory = new Directory(this);
    return this.cachedDirectory;
  }

  /**
   * The acting user and their role. Reads Instellingen, Locaties and Medewerkers (someone who
   * left has no role); Koppelingen only when the user is neither school leader nor chef buddy.
   */
  actor(): Actor {
    if (this.cachedActor) return this.cachedActor;
    const email = this.services.identity.email();
    const locations = this.wb.tryTable('locations')?.records.map((r) => r.value) ?? [];
    const settings = this.settings();
    const me = email.trim().toLowerCase();
    const left = new Set(me && this.directory().hasLeft(me) ? [me] : []);
    const quick = resolveActor(email, {
      schoolLeaders: settings.schoolLeaders,
      locations,
      buddies: [],
      staff: [],
      left,
    });
    if (quick.role !== 'onbekend' || left.size > 0) {
      this.cachedActor = quick;
      return quick;
    }
    const buddies = this.directory()
      .pairings()
      .filter((p) => p.status === 'actief')
      .map((p) => ({ email: p.buddy, location: p.location }));
    this.cachedActor = resolveActor(email, {
      schoolLeaders: settings.schoolLeaders,
      locations,
      buddies,
      staff: this.directory().staff(),
      left,
    });
    return this.cachedActor;
  }
}
