import type { DocketConfig } from '@app/config';
import { CalendarYearRepository, DATA_SOURCE, EmailDeliveryRepository, NotificationRepository, WebhookDeliveryRepository } from '@app/persistence';
import { DEADLINE_SCHEDULER, TRANSITION_OBSERVER } from '@app/runtime';
import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Logger, Module, Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BullmqDeadlineScheduler } from './bullmq-deadline-scheduler';
import { DeadlineReconciliationService } from './deadline-reconciliation.service';
import { DeadlineReminderService } from './deadline-reminder.service';
import { CalendarYearsService } from './calendar-years.service';
import { CALENDAR_YEAR_REPOSITORY, EMAIL_DELIVERY_REPOSITORY, NOTIFICATION_REPOSITORY, WEBHOOK_DELIVERY_REPOSITORY } from './deadlines.di-tokens';
import { EmailSenderService } from './email-sender.service';
import { EmbeddedDeadlineScheduler } from './embedded-deadline-scheduler';
import { QueueDashboardService } from './queue-dashboard.service';
import { ServiceHealth } from './service-health';
import { ServiceMetrics } from './service-metrics';
import { CHECKPOINTS_QUEUE, DEADLINES_QUEUE, EMAILS_QUEUE, WEBHOOKS_QUEUE } from './queue.constants';
import { redisConnection, redisForLog } from './redis-connection';
import { WebhookSenderService } from './webhook-sender.service';

/** Which process the module runs in: the API enqueues (or, embedded, delivers); the worker delivers. */
export type DeadlineProcessRole = 'api' | 'worker';

/** BullMQ worker options from the configuration (the worker's processors take them). */
export function deadlineWorkerOptions(config: DocketConfig) {
  return {
    // 20 deliveries in flight: enough for the notifications' group commit to form groups during a
    // burst (measured: ~0.68 ms worker CPU per delivery against ~0.78 with 10; bench:deadlines)
    concurrency: config.queue.concurrency,
    // a killed worker's job is taken over once its lock has expired and a stalled check has seen it
    lockDuration: config.queue.lockMs,
    stalledInterval: config.queue.lockMs,
    maxStalledCount: 2,
  };
}

const logOnce = (message: string): Provider => ({
  provide: Symbol('DEADLINE_MODE_LOG'),
  useFactory: () => new Logger('DeadlineReminders').log(message),
});

/**
 * Deadline reminders, escalations and notifications. Without REDIS_URL the API process runs them
 * on an in-process schedule; with it, BullMQ carries them, the API only enqueues and the worker
 * delivers and reconciles. Provides DEADLINE_SCHEDULER (read by WorkflowRuntime after each
 * commit), so it is global.
 */
@Module({})
export class DeadlineRemindersModule {
  static forRoot(config: DocketConfig, role: DeadlineProcessRole): DynamicModule {
    const common: Provider[] = [
      { provide: NOTIFICATION_REPOSITORY, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new NotificationRepository(ds) },
      { provide: WEBHOOK_DELIVERY_REPOSITORY, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new WebhookDeliveryRepository(ds) },
      { provide: CALENDAR_YEAR_REPOSITORY, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new CalendarYearRepository(ds) },
      { provide: EMAIL_DELIVERY_REPOSITORY, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new EmailDeliveryRepository(ds) },
      CalendarYearsService,
      DeadlineReminderService,
      WebhookSenderService,
      EmailSenderService,
      ServiceHealth,
      ServiceMetrics,
      // the runtime tells the metrics of every transition it accepts or refuses
      { provide: TRANSITION_OBSERVER, useExisting: ServiceMetrics },
    ];
    const commonExports = [
      NOTIFICATION_REPOSITORY,
      WEBHOOK_DELIVERY_REPOSITORY,
      CALENDAR_YEAR_REPOSITORY,
      EMAIL_DELIVERY_REPOSITORY,
      CalendarYearsService,
      DeadlineReminderService,
      WebhookSenderService,
      EmailSenderService,
      ServiceHealth,
      ServiceMetrics,
      TRANSITION_OBSERVER,
    ];
    if (!config.redisUrl) {
      if (role === 'worker') {
        return {
          module: DeadlineRemindersModule,
          global: true,
          providers: [...common, logOnce('REDIS_URL is unset: the API delivers deadline reminders itself (embedded mode); this worker has nothing to do')],
          exports: commonExports,
        };
      }
      return {
        module: DeadlineRemindersModule,
        global: true,
        providers: [...common, EmbeddedDeadlineScheduler, { provide: DEADLINE_SCHEDULER, useExisting: EmbeddedDeadlineScheduler }],
        exports: [...commonExports, EmbeddedDeadlineScheduler, DEADLINE_SCHEDULER],
      };
    }
    const where = `${redisForLog(config.redisUrl)} (queue prefix ${config.queue.prefix})`;
    return {
      module: DeadlineRemindersModule,
      global: true,
      imports: [
        BullModule.forRoot({ connection: redisConnection(config.redisUrl, role === 'api' ? 'producer' : 'worker'), prefix: config.queue.prefix }),
        BullModule.registerQueue({ name: DEADLINES_QUEUE }, { name: WEBHOOKS_QUEUE }, { name: EMAILS_QUEUE }, { name: CHECKPOINTS_QUEUE }),
      ],
      providers: [
        ...common,
        BullmqDeadlineScheduler,
        { provide: DEADLINE_SCHEDULER, useExisting: BullmqDeadlineScheduler },
        ...(role === 'worker'
          ? [DeadlineReconciliationService, logOnce(`deadline reminders: BullMQ on ${where}: this worker delivers them and reconciles them from the database`)]
          : [QueueDashboardService, logOnce(`deadline reminders: BullMQ on ${where}: the API enqueues them, the worker delivers them`)]),
      ],
      exports: [...commonExports, BullmqDeadlineScheduler, DEADLINE_SCHEDULER, BullModule, ...(role === 'api' ? [QueueDashboardService] : [])],
    };
  }
}
