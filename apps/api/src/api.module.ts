import { AuthModule } from '@app/auth';
import { DocketConfig, DocketConfigModule } from '@app/config';
import { DeadlineRemindersModule } from '@app/deadlines';
import { PersistenceModule } from '@app/persistence';
import { RuntimeModule } from '@app/runtime';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuditModule } from './audit/audit.module';
import { AuthHttpModule } from './auth/auth-http.module';
import { CalendarYearsModule } from './calendar-years/calendar-years.module';
import { CatalogModule } from './catalog/catalog.module';
import { CleanupCampaignsModule } from './cleanup-campaigns/cleanup-campaigns.module';
import { CasesModule } from './cases/cases.module';
import { ConsoleModule } from './console/console';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { HealthController } from './health/health.controller';
import { MetricsController } from './metrics/metrics.controller';
import { NotificationsModule } from './notifications/notifications.module';
import { PapersModule } from './papers/papers.module';
import { ParticipationModule } from './participation/participation.module';
import { QueueDashboardModule } from './queue-dashboard/queue-dashboard.module';
import { ReportsModule } from './reports/reports.module';
import { ReviewDeskModule } from './review-desk/review-desk.module';
import { DemoSeedService } from './seed/demo-seed.service';
import { TestClockController } from './test-clock/test-clock.controller';
import { UsersModule } from './users/users.module';
import { WorkflowsController } from './workflows/workflows.controller';

@Module({})
export class ApiModule {
  static forRoot(config: DocketConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        DocketConfigModule.forRoot(config),
        PersistenceModule,
        RuntimeModule,
        AuthModule,
        AuthHttpModule,
        CasesModule,
        AttachmentsModule,
        AuditModule,
        DeadlinesModule,
        DeadlineRemindersModule.forRoot(config, 'api'),
        NotificationsModule,
        CalendarYearsModule,
        QueueDashboardModule,
        UsersModule,
        ReviewDeskModule,
        PapersModule,
        CatalogModule,
        ReportsModule,
        CleanupCampaignsModule,
        ParticipationModule,
        ConsoleModule.forRoot(),
      ],
      controllers: [WorkflowsController, HealthController, MetricsController, ...(config.testClock ? [TestClockController] : [])],
      providers: [DemoSeedService, { provide: APP_FILTER, useClass: HttpExceptionFilter }],
      exports: [DemoSeedService],
    };
  }
}
