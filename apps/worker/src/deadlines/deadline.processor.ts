import { BullmqDeadlineScheduler, CALENDAR_MISSING_JOB, DEADLINE_REMINDER_JOB, DEADLINES_QUEUE, DeadlineReminderService } from '@app/deadlines';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { CLOCK, Clock, syncClock } from '@app/runtime';
import { Inject, Logger, Optional } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';

/**
 * Delivers deadline reminders and escalations: the shared processor logic (reload the row, skip
 * stale jobs, write notifications idempotently), then queues what comes next (the following
 * escalation) and its webhook call. An exception makes BullMQ retry the job with backoff.
 */
@Processor(DEADLINES_QUEUE)
export class DeadlineProcessor extends WorkerHost {
  private readonly logger = new Logger('DeadlineProcessor');

  constructor(
    private readonly reminders: DeadlineReminderService,
    private readonly scheduler: BullmqDeadlineScheduler,
    @Optional() @Inject(CLOCK) private readonly clock?: Clock,
  ) {
    super();
  }

  async process(job: Job): Promise<{ outcome: string; recipients?: number; fresh?: number; event?: string; next: string[] }> {
    // the shared test clock (DOCKET_TEST_CLOCK=1) may have been moved by the API
    if (this.clock) await syncClock(this.clock);
    if (job.name === CALENDAR_MISSING_JOB) {
      const out = await this.reminders.notifyCalendarMissing(String(job.data?.deadlineId ?? ''));
      return { outcome: out.outcome, ...(out.outcome === 'notified' ? { recipients: out.recipients.length, fresh: out.fresh.length } : {}), next: [] };
    }
    if (job.name !== DEADLINE_REMINDER_JOB) throw new UnrecoverableError(`no handler for job "${job.name}" on queue ${DEADLINES_QUEUE}`);
    const out = await this.reminders.handle(job.data);
    await this.scheduler.enqueue(out.next);
    if (out.outcome === 'delivered' && out.webhookId) await this.scheduler.enqueueWebhook(out.webhookId);
    if (out.outcome === 'delivered' && out.emailIds?.length) await this.scheduler.enqueueEmails(out.emailIds);
    if (job.attemptsStarted > 1) this.logger.log(`job ${job.id} done on attempt ${job.attemptsStarted}: ${out.outcome}`);
    return {
      outcome: out.outcome,
      ...(out.outcome === 'delivered' ? { recipients: out.recipients.length, fresh: out.fresh.length } : {}),
      ...(out.outcome === 'event' ? { event: out.event } : {}),
      next: out.next.map((j) => j.reminderKey),
    };
  }
}
