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
  private offsetMs = 0;

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
