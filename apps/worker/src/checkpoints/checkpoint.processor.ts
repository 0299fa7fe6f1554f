import { CheckpointWriter } from '@app/runtime';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { CHECKPOINT_JOB, CHECKPOINTS_QUEUE } from './checkpoint.queue';

/**
 * Makes the periodic checkpoint with the same `CheckpointWriter` as POST /checkpoints and the
 * embedded interval. Skipped when no case moved since the last checkpoint; a race with another
 * writer is retried by the writer, any other failure by BullMQ (backoff), and the job stays in the
 * failed list after its last attempt.
 */
@Processor(CHECKPOINTS_QUEUE, { concurrency: 1 })
export class CheckpointProcessor extends WorkerHost {
  private readonly logger = new Logger('Checkpoints');

  constructor(private readonly writer: CheckpointWriter) {
    super();
  }

  async process(job: Job): Promise<{ checkpoint: number | null; anchored: number; conflicts: number; ms: number }> {
    if (job.name !== CHECKPOINT_JOB) throw new UnrecoverableError(`no handler for job "${job.name}" on queue ${CHECKPOINTS_QUEUE}`);
    const outcome = await this.writer.create({ skipUnchanged: true });
    if (outcome.checkpoint) this.logger.log(`checkpoint ${outcome.checkpoint.seq}: ${outcome.anchored} heads anchored anew in ${outcome.ms} ms`);
    return {
      checkpoint: outcome.checkpoint?.seq ?? null,
      anchored: outcome.anchored,
      conflicts: outcome.conflicts.length,
      ms: outcome.ms,
    };
  }
}
