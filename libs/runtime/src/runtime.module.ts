import { BusinessCalendar, UpdatableBusinessCalendar } from '@app/calendar';
import { ConfigError, DOCKET_CONFIG, DocketConfig } from '@app/config';
import { WorkflowRegistry } from '@app/engine';
import { ConsultationCommentRepository, DATA_SOURCE, TestClockRepository, USER_REPOSITORY, UserRepository } from '@app/persistence';
import { allWorkflows } from '@app/workflows';
import { Global, Logger, Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { SharedTestClock, SystemClock } from './clock';
import { LoggingEffectSink } from './effect-sink.port';
import { UserActorProfiles } from './actor-profiles';
import { TableOrgUnitDirectory } from './org-unit-directory';
import { TableConsultationDocket } from './consultation-docket';
import { sequencePatternProblems, textFactProblems } from './facts.resolver';
import { ACTOR_PROFILES, BUSINESS_CALENDAR, CLOCK, CONSULTATION_DOCKET, EFFECT_SINK, ORG_UNIT_DIRECTORY, WORKFLOW_REGISTRY } from './runtime.di-tokens';
import { WorkflowRuntime } from './workflow-runtime.service';

/** How often a process looks whether another one moved the shared test clock. */
const TEST_CLOCK_POLL_MS = 500;

/** The single composition point shared by the API and the worker. Needs PersistenceModule. */
@Global()
@Module({
  providers: [
    { provide: WORKFLOW_REGISTRY, useFactory: () => new WorkflowRegistry(allWorkflows) },
    // updatable: years loaded by an administrator (calendar_years) are added at boot and while running
    { provide: BUSINESS_CALENDAR, useFactory: () => new UpdatableBusinessCalendar(BusinessCalendar.fromChineseDays()) },
    {
      provide: CLOCK,
      inject: [DOCKET_CONFIG, DATA_SOURCE],
      useFactory: async (config: DocketConfig, ds: DataSource) => {
        if (!config.testClock) return new SystemClock();
        new Logger('Runtime').warn('DOCKET_TEST_CLOCK=1: the server clock can be moved through PUT /api/v1/test/clock (shared through the database)');
        // one value for the API and the worker: a process starts where the test clock stands
        const clock = new SharedTestClock(new TestClockRepository(ds));
        await clock.sync();
        clock.poll(TEST_CLOCK_POLL_MS);
        return clock;
      },
    },
    {
      provide: EFFECT_SINK,
      useFactory: () => {
        const logger = new Logger('Effects');
        return new LoggingEffectSink((m) => logger.debug(m));
      },
    },
    { provide: ACTOR_PROFILES, inject: [USER_REPOSITORY], useFactory: (users: UserRepository) => new UserActorProfiles(users) },
    { provide: ORG_UNIT_DIRECTORY, inject: [USER_REPOSITORY], useFactory: (users: UserRepository) => new TableOrgUnitDirectory(users) },
    { provide: CONSULTATION_DOCKET, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new TableConsultationDocket(new ConsultationCommentRepository(ds)) },
    {
      // a numbering pattern that cannot number, or a list text naming an unknown value (DOCKET_RULES), stops the start, not an event later
      provide: 'SEQUENCE_PATTERNS_CHECKED',
      inject: [WORKFLOW_REGISTRY, DOCKET_CONFIG],
      useFactory: (registry: WorkflowRegistry, config: DocketConfig) => {
        const problems = [...sequencePatternProblems(registry.list(), config.ruleTexts), ...textFactProblems(registry.list(), config.ruleTexts)];
        if (problems.length) throw new ConfigError(`Invalid configuration:\n  DOCKET_RULES: ${problems.join('\n  DOCKET_RULES: ')}`);
        return true;
      },
    },
    WorkflowRuntime,
  ],
  exports: [WORKFLOW_REGISTRY, BUSINESS_CALENDAR, CLOCK, EFFECT_SINK, ACTOR_PROFILES, ORG_UNIT_DIRECTORY, CONSULTATION_DOCKET, WorkflowRuntime],
})
export class RuntimeModule {}
