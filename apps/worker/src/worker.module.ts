import { DocketConfig, DocketConfigModule } from '@app/config';
import { PersistenceModule } from '@app/persistence';
import { RuntimeModule } from '@app/runtime';
import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { WorkerHealthController } from './health/worker-health.controller';

/**
 * The worker process: deadline processors (BullMQ) will live here and send their events through
 * the same WorkflowRuntime as the API. It has no other controller than its health check.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: DocketConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [DocketConfigModule.forRoot(config), PersistenceModule, RuntimeModule, TerminusModule],
      controllers: [WorkerHealthController],
    };
  }
}
