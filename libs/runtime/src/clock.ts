/** Server time. Machines never read it: the runtime stamps each event with it. */
export interface Clock {
  now(): Date;
}

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * A clock that can be moved (tests, `DOCKET_TEST_CLOCK=1`). Setting it keeps it running from
 * the new time, so successive events still get increasing timestamps.
 */
export class AdjustableClock implements Clock {
  protected offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  set(to: Date): void {
    this.offsetMs = to.getTime() - Date.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }
}

/** Where the shared test clock keeps its offset (the database: TestClockRepository). */
export interface TestClockStore {
  offset(): Promise<number | null>;
  save(offsetMs: number, movedAt: string): Promise<void>;
}

/**
 * The test clock shared by every process on one database (`DOCKET_TEST_CLOCK=1` in each): the
 * offset from the machine's time is stored, so that the API and the worker read the same time,
 * and a restarted worker goes on from where the test clock is, not from the machine date. Moving
 * it (`moveTo`) stores the new offset; other processes see it at their next `sync()` (before each
 * delivery) or poll, and then tell their `onMove` listeners (the worker reconciles its queue).
 */
export class SharedTestClock extends AdjustableClock {
  private readonly listeners: ((now: Date) => void | Promise<void>)[] = [];
  private timer?: NodeJS.Timeout;
  private pending: Promise<void> = Promise.resolve();
  /** counts this process's own moves: a read that overlapped one is not taken */
  private moves = 0;

  constructor(private readonly store: TestClockStore) {
    super();
  }

  /** Reads the stored offset; true (and the listeners told) when it moved since the last read. */
  async sync(): Promise<boolean> {
    await this.pending.catch(() => undefined);
    const moves = this.moves;
    const stored = await this.store.offset();
    if (moves !== this.moves || stored === null || stored === this.offsetMs) return false;
    this.offsetMs = stored;
    const now = this.now();
    for (const listener of this.listeners) await listener(now);
    return true;
  }

  /** Moves the clock for every process on the database. */
  async moveTo(to: Date): Promise<void> {
    this.moves += 1;
    super.set(to);
    this.pending = this.store.save(this.offsetMs, to.toISOString());
    await this.pending;
  }

  /** Moves the clock at once in this process; the stored value follows (see `moveTo`). */
  override set(to: Date): void {
    this.moves += 1;
    super.set(to);
    this.pending = this.store.save(this.offsetMs, to.toISOString());
    this.pending.catch(() => undefined);
  }

  override reset(): void {
    this.set(new Date());
    super.reset();
  }

  /** Called after another process moved the clock (seen by `sync` or the poll). */
  onMove(listener: (now: Date) => void | Promise<void>): void {
    this.listeners.push(listener);
  }

  /** Looks at the stored value every `ms` until `stop()`. */
  poll(ms: number): void {
    this.stop();
    this.timer = setInterval(() => void this.sync().catch(() => undefined), ms);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  onApplicationShutdown(): void {
    this.stop();
  }
}

/** Brings a shared test clock up to date before a time-dependent step (a no-op for other clocks). */
export async function syncClock(clock: Clock): Promise<void> {
  if (clock instanceof SharedTestClock) await clock.sync();
}
