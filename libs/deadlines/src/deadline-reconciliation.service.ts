import { CLOCK, Clock, syncClock } from '@app/runtime';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { BullmqDeadlineScheduler } from './bullmq-deadline-scheduler';
import { RECONCILE_INTERVAL_MS } from './queue.constants';

/**
 * In the worker: re-creates every open deadline's jobs from the database at start and then
 * periodically. Redis keeps nothing on disk here; the deadline rows are the truth.
 */
@Injectable()
export class DeadlineReconciliationService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeadlineReminders');
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly scheduler: BullmqDeadlineScheduler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.run();
    this.timer = setInterval(() => void this.run(), RECONCILE_INTERVAL_MS).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running.catch(() => undefined);
  }

  /** One reconciliation; a failure is logged and the next period tries again. */
  run(): Promise<unknown> {
    // on the shared test clock, at the time it says now (another process may have moved it)
    this.running = syncClock(this.clock)
      .then(() => this.scheduler.reconcile())
      .catch((e) => this.logger.error(`reconciliation failed: ${(e as Error).message}`));
    return this.running;
  }
}
