import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import { CheckpointWriter } from '@app/runtime';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import {
  CHECKPOINT_ATTEMPTS,
  CHECKPOINT_BACKOFF_MS,
  CHECKPOINT_JOB,
  CHECKPOINT_RESCHEDULE_MS,
  CHECKPOINT_SCHEDULER_ID,
  CHECKPOINTS_QUEUE,
} from './checkpoint.queue';

/**
 * The periodic checkpoint as a BullMQ job scheduler (issue 4 §2): one scheduler id per queue
 * prefix, so that any number of workers make one checkpoint per period between them. Redis keeps
 * nothing on disk here: the scheduler is upserted at start and again every 10 minutes (idempotent),
 * so a flush or a restart of Redis delays the next checkpoint by at most that long.
 */
@Injectable()
export class CheckpointJobScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Checkpoints');
  private timer: NodeJS.Timeout | null = null;
  private refreshing: Promise<void> = Promise.resolve();

  constructor(
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
    @InjectQueue(CHECKPOINTS_QUEUE) private readonly queue: Queue,
    private readonly writer: CheckpointWriter,
  ) {}

  get enabled(): boolean {
    return this.config.checkpointIntervalMs > 0 && !!this.writer.keyId;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) {
      // a scheduler left from an earlier configuration must not keep running
      await this.queue.removeJobScheduler(CHECKPOINT_SCHEDULER_ID).catch(() => false);
      this.logger.warn(
        this.writer.keyId ? 'DOCKET_CHECKPOINT_INTERVAL=0: no periodic checkpoint' : 'no signing key: no periodic checkpoint (npm run docket -- keygen)',
      );
      return;
    }
    await this.ensure();
    this.startRefresh();
    this.logger.log(`a checkpoint every ${Math.round(this.config.checkpointIntervalMs / 1000)} s (BullMQ job scheduler; key ${this.writer.keyId})`);
  }

  /** Creates or refreshes the job scheduler; a Redis that is down is logged, not fatal. */
  async ensure(): Promise<void> {
    try {
      await this.queue.upsertJobScheduler(
        CHECKPOINT_SCHEDULER_ID,
        { every: this.config.checkpointIntervalMs },
        {
          name: CHECKPOINT_JOB,
          data: {},
          opts: {
            attempts: CHECKPOINT_ATTEMPTS,
            backoff: { type: 'exponential', delay: CHECKPOINT_BACKOFF_MS },
            removeOnComplete: { count: 100 },
            removeOnFail: { count: 1000 },
          },
        },
      );
    } catch (e) {
      this.logger.error(`could not schedule the periodic checkpoint: ${(e as Error).message}`);
    }
  }

  /** Starts the periodic refresh (at most every ten minutes, at least every second). */
  startRefresh(): void {
    if (!this.enabled || this.timer) return;
    this.timer = setInterval(() => {
      this.refreshing = this.ensure();
    }, Math.min(CHECKPOINT_RESCHEDULE_MS, Math.max(this.config.checkpointIntervalMs, 1000)));
    this.timer.unref();
  }

  /** Stops the periodic refresh and waits for one in flight; the scheduler in Redis is left as it is. */
  async stopRefresh(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.refreshing;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stopRefresh();
  }
}
