import type { DeadlineChanges, DeadlineRepository, EmailDeliveryRepository, WebhookDeliveryRepository } from '@app/persistence';
import { DEADLINE_REPOSITORY } from '@app/persistence';
import { CLOCK, Clock, DeadlineScheduler } from '@app/runtime';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { DeadlineReminderJob, isDeadlineReminderJob, reminderJobId } from './deadline-reminder.job';
import { DeadlineReminderService } from './deadline-reminder.service';
import { closedRows } from './deadline-scheduling';
import { EMAIL_DELIVERY_REPOSITORY, WEBHOOK_DELIVERY_REPOSITORY } from './deadlines.di-tokens';
import { emailJobId } from './email-delivery.job';
import { webhookJobId } from './webhook-delivery.job';
import {
  CALENDAR_MISSING_JOB,
  DEADLINE_REMINDER_JOB,
  DEADLINES_QUEUE,
  EMAIL_ATTEMPTS,
  EMAIL_BACKOFF_MS,
  EMAIL_DELIVERY_JOB,
  EMAILS_QUEUE,
  KEEP_COMPLETED_SECONDS,
  REMINDER_ATTEMPTS,
  REMINDER_BACKOFF_MS,
  WEBHOOK_ATTEMPTS,
  WEBHOOK_BACKOFF_MS,
  WEBHOOK_DELIVERY_JOB,
  WEBHOOKS_QUEUE,
} from './queue.constants';

/** A delayed job that would run further than this from its planned time is queued again by reconciliation. */
export const MISTIMED_TOLERANCE_MS = 60_000;

/** Retries with exponential backoff; completed jobs kept a while (re-adding them is then a no-op), failed jobs kept. */
export const REMINDER_JOB_OPTIONS: JobsOptions = {
  attempts: REMINDER_ATTEMPTS,
  backoff: { type: 'exponential', delay: REMINDER_BACKOFF_MS },
  removeOnComplete: { age: KEEP_COMPLETED_SECONDS },
  removeOnFail: false,
};

/** A webhook receiver that is down is retried with exponential backoff; failed calls are kept. */
export const WEBHOOK_JOB_OPTIONS: JobsOptions = {
  attempts: WEBHOOK_ATTEMPTS,
  backoff: { type: 'exponential', delay: WEBHOOK_BACKOFF_MS },
  removeOnComplete: { age: KEEP_COMPLETED_SECONDS },
  removeOnFail: false,
};

/** An SMTP server that is down is retried with exponential backoff; failed e-mails are kept. */
export const EMAIL_JOB_OPTIONS: JobsOptions = {
  attempts: EMAIL_ATTEMPTS,
  backoff: { type: 'exponential', delay: EMAIL_BACKOFF_MS },
  removeOnComplete: { age: KEEP_COMPLETED_SECONDS },
  removeOnFail: false,
};

/** The producer side of a call that must not hold up a user's request when Redis is away. */
async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: Redis did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Deadline deliveries as BullMQ delayed jobs (REDIS_URL set). Job ids are deterministic
 * (`deadlineId__reminderKey`), so adding a delivery again (reconciliation, a repeated call) is a
 * no-op; the delay comes from the injected clock. The worker runs them (DeadlineProcessor); the
 * API only adds them.
 */
@Injectable()
export class BullmqDeadlineScheduler implements DeadlineScheduler {
  private readonly logger = new Logger('DeadlineReminders');

  constructor(
    @InjectQueue(DEADLINES_QUEUE) readonly queue: Queue,
    @InjectQueue(WEBHOOKS_QUEUE) readonly webhooks: Queue,
    private readonly reminders: DeadlineReminderService,
    @Inject(DEADLINE_REPOSITORY) private readonly deadlines: DeadlineRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WEBHOOK_DELIVERY_REPOSITORY) private readonly outbox: WebhookDeliveryRepository,
    @Optional() @InjectQueue(EMAILS_QUEUE) readonly emails?: Queue,
    @Optional() @Inject(EMAIL_DELIVERY_REPOSITORY) private readonly emailOutbox?: EmailDeliveryRepository,
  ) {}

  /** Queues the sending of e-mail outbox rows (one job each, retried with backoff). */
  async enqueueEmails(deliveryIds: string[]): Promise<void> {
    if (!deliveryIds.length || !this.emails) return;
    await this.emails.addBulk(
      deliveryIds.map((deliveryId) => ({ name: EMAIL_DELIVERY_JOB, data: { deliveryId }, opts: { ...EMAIL_JOB_OPTIONS, jobId: emailJobId(deliveryId) } })),
    );
  }

  /** Queues the call of one webhook outbox row (its own job, retried with backoff). */
  async enqueueWebhook(deliveryId: string): Promise<void> {
    await this.webhooks.add(WEBHOOK_DELIVERY_JOB, { deliveryId }, { ...WEBHOOK_JOB_OPTIONS, jobId: webhookJobId(deliveryId) });
  }

  /** Adds delayed jobs for these deliveries (existing job ids are left as they are). */
  async enqueue(jobs: DeadlineReminderJob[], now: Date = this.clock.now()): Promise<void> {
    if (!jobs.length) return;
    await this.queue.addBulk(
      jobs.map((j) => ({
        name: DEADLINE_REMINDER_JOB,
        data: j,
        opts: { ...REMINDER_JOB_OPTIONS, jobId: reminderJobId(j), delay: Math.max(0, Date.parse(j.at) - now.getTime()) },
      })),
    );
  }

  /** Queues the administrators' notice about a calendar-missing deadline (one job per deadline). */
  async enqueueCalendarMissing(deadlineIds: string[]): Promise<void> {
    if (!deadlineIds.length) return;
    await this.queue.addBulk(
      deadlineIds.map((deadlineId) => ({ name: CALENDAR_MISSING_JOB, data: { deadlineId }, opts: { ...REMINDER_JOB_OPTIONS, jobId: `${deadlineId}__calendar-missing` } })),
    );
  }

  async deadlinesChanged(caseId: string, changes: DeadlineChanges): Promise<void> {
    const now = this.clock.now();
    await within(3000, `queueing the deadlines of case ${caseId}`, this.enqueue(changes.open.flatMap((row) => this.reminders.jobsFor(row, now)), now));
    const missing = changes.open.filter((row) => row.status === 'calendar-missing').map((row) => row.id);
    await within(3000, `queueing the calendar-missing notices of case ${caseId}`, this.enqueueCalendarMissing(missing));
    // The closed rows' pending jobs would be stale no-ops; removing them keeps the queue small.
    for (const row of await closedRows(this.deadlines, caseId, changes)) {
      for (const job of this.reminders.jobsFor({ ...row, status: 'open' }, now)) {
        await within(3000, 'removing a stale job', this.queue.remove(reminderJobId(job))).catch(() => undefined);
      }
    }
  }

  /**
   * Re-creates every open deadline's current and upcoming jobs from the database (after a Redis
   * flush or restart nothing else knows them), and retries jobs that failed every attempt while
   * their deadline is still open. Idempotent.
   */
  async reconcile(now: Date = this.clock.now()): Promise<{ deadlines: number; jobs: number; retried: number; replaced: number }> {
    let deadlines = 0;
    let jobs = 0;
    let replaced = 0;
    // a delayed job keeps the delay it was queued with; one queued for another time (a clock that
    // moved since, another process's clock) would hold its id and never be re-added: replace it
    const delayed = new Map<string, Job>();
    for (const job of await this.queue.getDelayed(0, -1)) if (job.id && isDeadlineReminderJob(job.data)) delayed.set(job.id, job);
    for await (const batch of this.reminders.reconciliationBatches(now)) {
      deadlines += batch.rows;
      jobs += batch.jobs.length;
      replaced += await this.removeMistimed(batch.jobs, delayed, now);
      await this.enqueue(batch.jobs, now);
    }
    await this.enqueueCalendarMissing(await this.reminders.calendarMissingIds());
    const pendingWebhooks = await this.outbox.pendingIds();
    for (const id of pendingWebhooks) await this.enqueueWebhook(id);
    await this.enqueueEmails((await this.emailOutbox?.pendingIds()) ?? []);
    let retried = 0;
    for (const job of await this.queue.getFailed(0, -1)) {
      if (!isDeadlineReminderJob(job.data)) continue;
      const row = await this.deadlines.findById(job.data.deadlineId);
      if (row?.status !== 'open' || row.dueDate !== job.data.dueDate) continue;
      await job.retry('failed');
      retried += 1;
    }
    this.logger.log(
      `reconciled ${deadlines} open deadline(s): ${jobs} jobs ensured (${replaced} queued for another time replaced), ${retried} failed job(s) retried, ${pendingWebhooks.length} webhook call(s) pending`,
    );
    return { deadlines, jobs, retried, replaced };
  }

  /** Removes the delayed jobs among `delayed` that would run more than a minute away from their planned time at `now`. */
  private async removeMistimed(jobs: DeadlineReminderJob[], delayed: Map<string, Job>, now: Date): Promise<number> {
    let removed = 0;
    const real = Date.now();
    for (const j of jobs) {
      const job = delayed.get(reminderJobId(j));
      if (!job) continue;
      const runsAt = job.timestamp + (job.delay ?? job.opts.delay ?? 0);
      const wanted = real + Math.max(0, Date.parse(j.at) - now.getTime());
      if (Math.abs(runsAt - wanted) <= MISTIMED_TOLERANCE_MS) continue;
      try {
        await job.remove();
        removed += 1;
      } catch (e) {
        // taken by a worker meanwhile: it runs now, which is what it should do
        this.logger.debug?.(`job ${job.id} not replaced: ${(e as Error).message}`);
      }
    }
    return removed;
  }

  /**
   * Moves delayed jobs whose planned time is at or before `now` to the waiting list. BullMQ counts
   * delays in real time; with a moved test clock (DOCKET_TEST_CLOCK=1) this is how their time comes.
   */
  async promoteDue(now: Date = this.clock.now()): Promise<number> {
    let promoted = 0;
    for (const job of await this.queue.getDelayed(0, -1)) {
      if (isDeadlineReminderJob(job.data) && Date.parse(job.data.at) <= now.getTime()) {
        await job.promote();
        promoted += 1;
      }
    }
    return promoted;
  }
}
