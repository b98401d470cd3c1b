/**
 * What `Code.js` leaves out: code that only some calls need, built into project files ("chunks")
 * and evaluated on first use in an execution (see `loadChunk` in root.ts and scripts/build.ts).
 * Apps Script parses the whole of `Code.js` on every execution, so it holds only what opening the
 * sidebar, the page and the menu needs; the code of each group of actions comes with them.
 *
 * Only the calls `main.ts` makes into these modules go through the loader: code the sidebar or the
 * page needs from the same module (e.g. `pairingOverview` of app/pairing) stays in Code.js, as
 * esbuild keeps every function something in Code.js uses. Pure data, read by the build.
 */
export const CHUNKS = {
  /** The menu's "Blad inrichten": tabs, defaults, validation rules. */
  ChunkSetup: ['app/setup'],
  /** The hourly trigger: every job of the scheduled run. */
  ChunkJobs: ['server/jobs'],
  /** Buddy suggestions, proposals and pairing changes. */
  ChunkPairing: ['app/pairing'],
  /** Schedules: preview, generation, ICS. */
  ChunkSchedule: ['app/schedule'],
  /** Welcome packets: preview, test and sending. */
  ChunkWelcome: ['app/welcome'],
  /** Check-ins: recording, skipping, closing an onboarding. */
  ChunkCheckins: ['app/checkins'],
  /** The overview (sidebar tab and sheet tab) and the chef buddy's monthly report. */
  ChunkReports: ['app/overview', 'app/chiefReport', 'app/summary', 'app/about'],
  /** Privacy: export, erasure, retention. */
  ChunkPrivacy: ['app/privacy'],
  /** The pilot: its management, the questionnaire answers and the evaluation. */
  ChunkPilot: ['app/pilot', 'app/evaluation', 'app/phases'],
} as const satisfies Record<string, readonly string[]>;

export type ChunkName = keyof typeof CHUNKS;

/**
 * Functions of a chunk's module that main.ts calls on every view of the page or the sidebar:
 * main.ts gets these from Code.js itself, not through the chunk.
 */
export const IN_CODE_JS: Readonly<Record<string, readonly string[]>> = {
  /** Every page view asks for the visitor's open questionnaires. */
  'app/pilot': ['surveysFor'],
};

/**
 * Modules a chunk shares with Code.js instead of bundling its own copy: they hold state for the
 * execution (the English texts once read, the normalisation cache, the calendars per request, the
 * column plans and cell parsers made once) or classes that Code.js checks with `instanceof`. Every
 * other module a chunk bundles must be free of module state (the build refuses one that is not).
 */
export const SHARED_MODULES = [
  'app/mailWindow',
  'app/texts/messages',
  'core/cells',
  'core/errors',
  'core/identity',
  'core/table',
] as const;

export type SharedModule = (typeof SHARED_MODULES)[number];

/** The name under which a chunk's code sees the shared modules. */
export const SHARED_PARAMETER = '__wegwijsShared';
