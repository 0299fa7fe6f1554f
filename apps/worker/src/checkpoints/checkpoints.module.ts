import { CheckpointModule } from '@app/runtime';
import { Module } from '@nestjs/common';
import { CheckpointJobScheduler } from './checkpoint-job.scheduler';
import { CheckpointProcessor } from './checkpoint.processor';

/**
 * The worker's periodic checkpoints (with REDIS_URL set; without it the API's in-process interval
 * makes them). Its queue is registered with the others by the deadline reminders module (global).
 */
@Module({
  imports: [CheckpointModule],
  providers: [CheckpointProcessor, CheckpointJobScheduler],
  exports: [CheckpointJobScheduler],
})
export class WorkerCheckpointsModule {}
