import { BusinessCalendar, UpdatableBusinessCalendar } from '@app/calendar';
import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import { WorkflowRegistry } from '@app/engine';
import { allWorkflows } from '@app/workflows';
import { Global, Logger, Module } from '@nestjs/common';
import { AdjustableClock, SystemClock } from './clock';
import { LoggingEffectSink } from './effect-sink.port';
import { BUSINESS_CALENDAR, CLOCK, EFFECT_SINK, WORKFLOW_REGISTRY } from './runtime.di-tokens';
import { WorkflowRuntime } from './workflow-runtime.service';

/** The single composition point shared by the API and the worker. Needs PersistenceModule. */
@Global()
@Module({
  providers: [
    { provide: WORKFLOW_REGISTRY, useFactory: () => new WorkflowRegistry(allWorkflows) },
    // updatable: years loaded by an administrator (calendar_years) are added at boot and while running
    { provide: BUSINESS_CALENDAR, useFactory: () => new UpdatableBusinessCalendar(BusinessCalendar.fromChineseDays()) },
    {
      provide: CLOCK,
      inject: [DOCKET_CONFIG],
      useFactory: (config: DocketConfig) => {
        if (!config.testClock) return new SystemClock();
        new Logger('Runtime').warn('DOCKET_TEST_CLOCK=1: the server clock can be moved through PUT /api/v1/test/clock');
        return new AdjustableClock();
      },
    },
    {
      provide: EFFECT_SINK,
      useFactory: () => {
        const logger = new Logger('Effects');
        return new LoggingEffectSink((m) => logger.debug(m));
      },
    },
    WorkflowRuntime,
  ],
  exports: [WORKFLOW_REGISTRY, BUSINESS_CALENDAR, CLOCK, EFFECT_SINK, WorkflowRuntime],
})
export class RuntimeModule {}
