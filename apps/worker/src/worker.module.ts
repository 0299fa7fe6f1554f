import { DocketConfig, DocketConfigModule } from '@app/config';
import { DEADLINES_QUEUE, deadlineWorkerOptions, DeadlineRemindersModule, EMAILS_QUEUE, WEBHOOKS_QUEUE } from '@app/deadlines';
import { PersistenceModule } from '@app/persistence';
import { RuntimeModule } from '@app/runtime';
import { DynamicModule, Module } from '@nestjs/common';
import { WorkerCheckpointsModule } from './checkpoints/checkpoints.module';
import { configuredProcessor } from './deadlines/configured-processor';
import { DeadlineProcessor } from './deadlines/deadline.processor';
import { EmailProcessor } from './deadlines/email.processor';
import { WebhookProcessor } from './deadlines/webhook.processor';
import { WorkerHealthController } from './health/worker-health.controller';
import { WorkerMetricsController } from './health/worker-metrics.controller';

/**
 * The worker process: with REDIS_URL set it runs the deadline processors (BullMQ) and reconciles
 * the queues from the deadline rows; their events go through the same WorkflowRuntime as the
 * API's. It has no other controllers than its health check and its metrics.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: DocketConfig): DynamicModule {
    const options = deadlineWorkerOptions(config);
    return {
      module: WorkerModule,
      imports: [DocketConfigModule.forRoot(config), PersistenceModule, RuntimeModule, DeadlineRemindersModule.forRoot(config, 'worker'), ...(config.redisUrl ? [WorkerCheckpointsModule] : [])],
      controllers: [WorkerHealthController, WorkerMetricsController],
      providers: config.redisUrl
        ? [
            { provide: DeadlineProcessor, useClass: configuredProcessor(DeadlineProcessor, DEADLINES_QUEUE, options) },
            { provide: WebhookProcessor, useClass: configuredProcessor(WebhookProcessor, WEBHOOKS_QUEUE, options) },
            { provide: EmailProcessor, useClass: configuredProcessor(EmailProcessor, EMAILS_QUEUE, options) },
          ]
        : [],
    };
  }
}
