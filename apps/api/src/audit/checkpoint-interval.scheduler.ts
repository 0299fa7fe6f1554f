import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import { CheckpointWriter } from '@app/runtime';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * Periodic checkpoints when Docket runs without Redis: an in-process interval in the API
 * (DOCKET_CHECKPOINT_INTERVAL, default 1h). With REDIS_URL set this stays idle: the periodic
 * checkpoint is then the worker's BullMQ repeatable job calling the same `CheckpointWriter.create`,
 * so that several API instances do not each make their own.
 */
@Injectable()
export class CheckpointIntervalScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Checkpoints');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
    private readonly writer: CheckpointWriter,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.redisUrl || this.config.checkpointIntervalMs <= 0 || !this.writer.keyId) return;
    this.timer = setInterval(() => void this.tick(), this.config.checkpointIntervalMs);
    this.timer.unref();
    this.logger.log(`a checkpoint every ${Math.round(this.config.checkpointIntervalMs / 1000)} s (in process; key ${this.writer.keyId})`);
  }

  /** One periodic checkpoint; skipped when no case moved since the last one. */
  async tick(): Promise<void> {
    try {
      await this.writer.create({ skipUnchanged: true });
    } catch (e) {
      this.logger.error(`periodic checkpoint failed: ${(e as Error).message}`);
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
