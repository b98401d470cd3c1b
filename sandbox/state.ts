/**
 * Persistence of the sandbox: the fakes' state as one JSON file in the state folder, written after
 * every request that changed it (atomically: a temp file renamed over the old one).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Version of the file layout; a file of another version is ignored (and the demo rebuilt). */
export const STATE_VERSION = 1;

interface StateFile {
  version: number;
  savedAt: string;
  fakes: unknown;
}

/** The state folder of one sandbox, remembering what it last wrote so unchanged state is not rewritten. */
export class StateStore {
  private lastWritten = '';
  readonly file: string;

  constructor(readonly dir: string) {
    this.file = join(dir, 'state.json');
  }

  /**
   * The saved fakes state, or null when there is none. A file that cannot be read is kept aside as
   * `state.json.broken` (so nothing is lost) and null is returned.
   */
  load(): unknown | null {
    if (!existsSync(this.file)) return null;
    try {
      const text = readFileSync(this.file, 'utf8');
      const parsed = JSON.parse(text) as StateFile;
      if (parsed.version !== STATE_VERSION || parsed.fakes === undefined) throw new Error('unknown version');
      this.lastWritten = JSON.stringify(parsed.fakes);
      return parsed.fakes;
    } catch (error) {
      this.setAside(error);
      return null;
    }
  }

  /** Moves an unreadable state file aside, so the next save does not overwrite the evidence. */
  setAside(reason: unknown): void {
    if (!existsSync(this.file)) return;
    renameSync(this.file, `${this.file}.broken`);
    console.warn(`Sandbox: ${this.file} could not be used (${String(reason)}); kept as state.json.broken`);
  }

  /** Writes the state when it differs from what was last written; returns whether it wrote. */
  save(fakesState: unknown): boolean {
    const json = JSON.stringify(fakesState);
    if (json === this.lastWritten) return false;
    mkdirSync(this.dir, { recursive: true });
    // Spliced as text: the state can be large, and it was just serialised for the comparison.
    const head = JSON.stringify({ version: STATE_VERSION, savedAt: new Date().toISOString() }).slice(0, -1);
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, `${head},"fakes":${json}}`);
    renameSync(temp, this.file);
    this.lastWritten = json;
    return true;
  }
}
