/** Session (users, locale, time zone) and LockService with per-execution lock ownership. */
import { createHash } from 'node:crypto';
import type { FakeContext } from './core.ts';

/** The User fake: only the email. */
export interface FakeUser {
  getEmail(): string;
}

/** The Session fake. */
export class FakeSession {
  constructor(
    private ctx: FakeContext,
    private scriptId: string,
  ) {}
  private user(email: string): FakeUser {
    return this.ctx.wrap('User', { getEmail: () => email });
  }
  getActiveUser(): FakeUser {
    return this.user(this.ctx.activeUser);
  }
  getEffectiveUser(): FakeUser {
    return this.user(this.ctx.effectiveUser);
  }
  getActiveUserLocale(): string {
    return this.ctx.userLocale;
  }
  getScriptTimeZone(): string {
    return this.ctx.timeZone;
  }
  /** A stable, opaque key per user and script (Google rotates it every 30 days). */
  getTemporaryActiveUserKey(): string {
    return createHash('sha256')
      .update(`${this.scriptId}:${this.ctx.activeUser}`)
      .digest('base64url')
      .slice(0, 40);
  }
}

/** Who holds one lock: an execution id, another (simulated) process, or nobody. */
export class LockState {
  holder: number | 'other' | null = null;
}

/** The Lock fake. Waiting never sleeps: a failed wait advances the fake clock by the timeout. */
export class FakeLock {
  constructor(
    private ctx: FakeContext,
    private state: LockState,
  ) {}
  private free(): boolean {
    return this.state.holder === null || this.state.holder === this.ctx.executionId;
  }
  tryLock(timeoutInMillis: number): boolean {
    if (this.free()) {
      this.state.holder = this.ctx.executionId;
      return true;
    }
    this.ctx.nowMs += Math.max(0, Number(timeoutInMillis) || 0);
    return false;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) {
      throw this.ctx.error('Lock timeout: another process was holding the lock for too long.');
    }
  }
  releaseLock(): void {
    if (this.state.holder === this.ctx.executionId) this.state.holder = null;
  }
  hasLock(): boolean {
    return this.state.holder === this.ctx.executionId;
  }
}

/** The LockService fake: one document lock, one script lock, a user lock per user. */
export class FakeLockService {
  readonly document = new LockState();
  readonly script = new LockState();
  readonly user = new Map<string, LockState>();
  constructor(private ctx: FakeContext) {
    // Google releases every lock a script still holds when the execution ends.
    ctx.onEndExecution(() => {
      for (const lock of [this.document, this.script, ...this.user.values()]) {
        if (lock.holder === ctx.executionId) lock.holder = null;
      }
    });
  }
  private lock(state: LockState): FakeLock {
    return this.ctx.wrap('Lock', new FakeLock(this.ctx, state));
  }
  getDocumentLock(): FakeLock {
    return this.lock(this.document);
  }
  getScriptLock(): FakeLock {
    return this.lock(this.script);
  }
  getUserLock(): FakeLock {
    let state = this.user.get(this.ctx.effectiveUser);
    if (!state) {
      state = new LockState();
      this.user.set(this.ctx.effectiveUser, state);
    }
    return this.lock(state);
  }
}
