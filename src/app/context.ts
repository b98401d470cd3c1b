/**
 * What one request gives a use case: the ports, the unit of work over the sheet, the user's
 * language, and lazily resolved settings and actor (each tab still read once).
 */
import { type MessageParams, UserError } from '../core/errors';
import { emailKey } from '../core/identity';
import { PERMISSION_SCOPES, type Permission, shortScope } from '../core/permissions';
import { type Actor, resolveActor } from '../core/roles';
import { readSettings, type SettingProblem, type Settings } from '../core/settings';
import { Directory } from './directory';
import type {
  Clock,
  DocumentStore,
  Documents,
  Environment,
  Hasher,
  Identity,
  Lock,
  Mailer,
  SheetGateway,
  Triggers,
  Ui,
} from './ports';
import { type Labels, type Language, label, languageOf, type MessageKey, translate } from './texts/messages';
import { Workbook, type WriteStamp } from './workbook';

/** Every adapter, built once per call by the composition root. */
export interface Services {
  readonly gateway: SheetGateway;
  readonly identity: Identity;
  readonly clock: Clock;
  readonly lock: Lock;
  readonly ui: Ui;
  readonly triggers: Triggers;
  readonly mailer: Mailer;
  /** HTML to PDF (the closing summary, issue 14). */
  readonly documents: Documents;
  readonly environment: Environment;
  readonly store: DocumentStore;
  /** The effective user's own properties (readable in a run that cannot open the document). */
  readonly userStore: DocumentStore;
  /** Keyed hashes for pseudonymous answers (issue 15). */
  readonly hasher: Hasher;
  /**
   * Changed by every write, shared by every context; without it, what a call read before taking
   * the lock is always read again under it.
   */
  readonly writeStamp?: WriteStamp;
  /** The add-on's version, from package.json at build time. */
  readonly version: string;
}

export class RequestContext {
  readonly language: Language;
  readonly wb: Workbook;
  /**
   * The adapters, with identity, mail and triggers behind a permission check: a user may have
   * declined that scope (granular consent), and then the feature says so instead of failing.
   */
  readonly services: Services;
  private cachedSettings: { settings: Settings; problems: SettingProblem[] } | undefined;
  private cachedActor: Actor | undefined;
  private cachedGranted: string[] | null | undefined;
  private cachedDirectory: Directory | undefined;

  constructor(services: Services) {
    this.services = this.guarded(services);
    this.language = languageOf(services.identity.locale());
    this.wb = new Workbook(services.gateway, this.language, services.writeStamp);
  }

  /** Whether the user granted `permission`; true when the runtime cannot tell (no scope list). */
  hasPermission(permission: Permission): boolean {
    if (this.cachedGranted === undefined) this.cachedGranted = this.servicesRaw.environment.grantedScopes();
    return this.cachedGranted === null || this.cachedGranted.includes(PERMISSION_SCOPES[permission]);
  }

  /** Throws a UserError naming the permission and what to do when it was not granted. */
  requirePermission(permission: Permission): void {
    if (!this.hasPermission(permission)) throw permissionError(permission, this.language);
  }

  private servicesRaw!: Services;

  private guarded(services: Services): Services {
    this.servicesRaw = services;
    const need = (p: Permission) => this.requirePermission(p);
    const { identity, mailer, triggers } = services;
    return {
      ...services,
      identity: {
        email: () => {
          need('identity');
          return identity.email();
        },
        effectiveEmail: () => {
          need('identity');
          return identity.effectiveEmail();
        },
        locale: () => identity.locale(),
      },
      mailer: {
        send: (mail) => {
          need('mail');
          mailer.send(mail);
        },
        remainingQuota: () => {
          need('mail');
          return mailer.remainingQuota();
        },
      },
      triggers: {
        installed: (handler) => {
          need('triggers');
          return triggers.installed(handler);
        },
        ids: (handler) => {
          need('triggers');
          return triggers.ids(handler);
        },
        installHourly: (handler) => {
          need('triggers');
          return triggers.installHourly(handler);
        },
        remove: (handler) => {
          need('triggers');
          return triggers.remove(handler);
        },
      },
    };
  }

  /**
   * Runs `work` holding the document lock (waiting up to 10 s), so that concurrent actions and
   * the hourly run never interleave; says the sheet is busy when it cannot get the lock. The work
   * is one unit: its changes are written when it succeeds, none when it throws.
   */
  locked<T>(work: () => T): T {
    const outcome = this.services.lock.tryWith(10_000, () => {
      // Decisions under the lock rest on what holds under it: when another call wrote since this
      // one read (to find the role), what was read is read again; otherwise it still holds.
      if (!this.wb.inUnit && !this.wb.unchangedSinceRead()) {
        this.wb.discard();
        this.cachedSettings = undefined;
      }
      // One unit of work: a call that fails writes nothing.
      return this.wb.unitOfWork(work);
    });
    if (!outcome.ran) throw new UserError('error.busy');
    return outcome.value;
  }

  /** A message in the user's language (see `translate`: dates read as long dates, labels as keys). */
  t(key: MessageKey, params?: MessageParams, labels?: Labels): string {
    return translate(this.language, key, params, labels);
  }

  /** The text of the key `<prefix>.<value>` in the user's language, or the value as written. */
  label(prefix: string, value: string | number): string {
    return label(this.language, prefix, value);
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
    const me = emailKey(email);
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

/** The UserError for a declined permission: its label as Google's consent screen shows it, and the scope. */
export function permissionError(permission: Permission, language: Language): UserError {
  return new UserError('permission.missing', {
    permission: translate(language, `permission.${permission}`),
    scope: shortScope(PERMISSION_SCOPES[permission]),
  });
}
