import { CheckpointModule } from '@app/runtime';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CheckpointJobScheduler } from './checkpoint-job.scheduler';
import { CheckpointProcessor } from './checkpoint.processor';
import { CHECKPOINTS_QUEUE } from './checkpoint.queue';

/**
 * The worker's periodic checkpoints (with REDIS_URL set; without it the API's in-process interval
 * makes them). Uses the BullMQ connection configured by the deadline reminders module.
 */
@Module({
  imports: [CheckpointModule, BullModule.registerQueue({ name: CHECKPOINTS_QUEUE })],
  providers: [CheckpointProcessor, CheckpointJobScheduler],
  exports: [CheckpointJobScheduler],
})
export class WorkerCheckpointsModule {}
