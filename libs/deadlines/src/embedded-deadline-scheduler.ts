import type { DeadlineChanges, DeadlineRepository, EmailDeliveryRepository, WebhookDeliveryRepository } from '@app/persistence';
import { DEADLINE_REPOSITORY } from '@app/persistence';
import { CLOCK, Clock, DeadlineScheduler } from '@app/runtime';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { DeadlineReminderJob, reminderJobId } from './deadline-reminder.job';
import { DeadlineReminderService, ReminderOutcome } from './deadline-reminder.service';
import { closedRows } from './deadline-scheduling';
import { EMAIL_DELIVERY_REPOSITORY, WEBHOOK_DELIVERY_REPOSITORY } from './deadlines.di-tokens';
import { EmailSenderService } from './email-sender.service';
import {
  EMAIL_ATTEMPTS,
  EMAIL_BACKOFF_MS,
  EMBEDDED_TICK_MS,
  RECONCILE_INTERVAL_MS,
  REMINDER_ATTEMPTS,
  REMINDER_BACKOFF_MS,
  WEBHOOK_ATTEMPTS,
  WEBHOOK_BACKOFF_MS,
} from './queue.constants';
import { WebhookSenderService } from './webhook-sender.service';

interface AgendaEntry {
  job: DeadlineReminderJob;
  /** ms since epoch: not run before this (the planned time, later after a failure) */
  notBefore: number;
  attempts: number;
  lastError?: string;
}

/** What one tick did. */
export interface TickReport {
  delivered: number;
  superseded: number;
  stale: number;
  failed: number;
  webhooksSent: number;
  webhooksFailed: number;
  /** machine events sent for missed deadlines (`onMissed`) */
  event: number;
  emailsSent: number;
  emailsFailed: number;
}

interface WebhookEntry {
  notBefore: number;
  attempts: number;
}

/**
 * The deadline schedule without Redis (REDIS_URL unset, the embedded default): the API process
 * keeps the planned deliveries of every open deadline in memory, read from the deadline rows at
 * boot and every reconciliation, and runs the same processor logic as the worker when they fall
 * due. `tick(now)` runs what is due at `now`; a timer calls it in production, tests call it after
 * moving the test clock. The database holds the truth: a restart loses nothing, and a delivery
 * run twice writes one notification.
 */
@Injectable()
export class EmbeddedDeadlineScheduler implements DeadlineScheduler, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeadlineReminders');
  private readonly agenda = new Map<string, AgendaEntry>();
  /**
   * deliveries already handled (delivered, stale or superseded), so reconciliation does not queue
   * them again. Bounded: each reconciliation keeps only those still in an open deadline's plan
   * (the current and upcoming deliveries), and a closed deadline's are dropped with it.
   */
  private readonly done = new Set<string>();
  /** deliveries that failed every attempt: kept, visible in the log, retried by the next reconciliation */
  private readonly failed = new Map<string, AgendaEntry>();
  /** webhook calls to make (outbox row ids), retried in process with backoff */
  private readonly webhooks = new Map<string, WebhookEntry>();
  /** e-mails to send (outbox row ids), retried in process with backoff */
  private readonly emails = new Map<string, WebhookEntry>();
  private timers: NodeJS.Timeout[] = [];
  /** ticks and reconciliations run one at a time */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly reminders: DeadlineReminderService,
    @Inject(DEADLINE_REPOSITORY) private readonly deadlines: DeadlineRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sender: WebhookSenderService,
    @Inject(WEBHOOK_DELIVERY_REPOSITORY) private readonly outbox: WebhookDeliveryRepository,
    @Optional() private readonly mailer?: EmailSenderService,
    @Optional() @Inject(EMAIL_DELIVERY_REPOSITORY) private readonly emailOutbox?: EmailDeliveryRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.logger.log('deadline reminders: embedded mode (REDIS_URL unset): this process delivers them on an in-process schedule read from the deadline rows');
    await this.reconcile();
    this.timers.push(
      setInterval(() => void this.tick().catch((e) => this.logger.error(`tick failed: ${e.message}`)), EMBEDDED_TICK_MS).unref(),
      setInterval(() => void this.reconcile().catch((e) => this.logger.error(`reconciliation failed: ${e.message}`)), RECONCILE_INTERVAL_MS).unref(),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await this.chain.catch(() => undefined);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Queues deliveries (idempotent by job id). */
  enqueue(jobs: DeadlineReminderJob[]): void {
    for (const job of jobs) {
      const id = reminderJobId(job);
      if (this.done.has(id) || this.agenda.has(id)) continue;
      const failed = this.failed.get(id);
      this.failed.delete(id);
      this.agenda.set(id, { job, notBefore: Date.parse(job.at), attempts: 0, lastError: failed?.lastError });
    }
  }

  async deadlinesChanged(caseId: string, changes: DeadlineChanges): Promise<void> {
    const now = this.clock.now();
    for (const row of changes.open) {
      // a calendar-missing row reminds too, counted in calendar days, and the admins are told
      if (row.status === 'calendar-missing') await this.reminders.notifyCalendarMissing(row.id, now);
      this.enqueue(this.reminders.jobsFor(row, now));
    }
    for (const row of await closedRows(this.deadlines, caseId, changes)) {
      for (const [id, entry] of this.agenda) if (entry.job.deadlineId === row.id) this.agenda.delete(id);
      const prefix = reminderJobId({ deadlineId: row.id, reminderKey: '' });
      for (const id of this.done) if (id.startsWith(prefix)) this.done.delete(id);
      for (const id of this.failed.keys()) if (id.startsWith(prefix)) this.failed.delete(id);
    }
  }

  /** Re-reads every open deadline and queues its current and upcoming deliveries. */
  reconcile(now: Date = this.clock.now()): Promise<{ deadlines: number; jobs: number }> {
    return this.serial(async () => {
      let deadlines = 0;
      let jobs = 0;
      const planned = new Set<string>();
      for await (const batch of this.reminders.reconciliationBatches(now)) {
        deadlines += batch.rows;
        jobs += batch.jobs.length;
        for (const job of batch.jobs) planned.add(reminderJobId(job));
        this.enqueue(batch.jobs);
      }
      // what no open deadline plans any more can never be queued again: forget it
      for (const id of this.done) if (!planned.has(id)) this.done.delete(id);
      for (const id of this.failed.keys()) if (!planned.has(id)) this.failed.delete(id);
      for (const id of await this.outbox.pendingIds()) this.enqueueWebhook(id, now);
      for (const id of (await this.emailOutbox?.pendingIds()) ?? []) this.enqueueEmail(id, now);
      for (const id of await this.reminders.calendarMissingIds()) await this.reminders.notifyCalendarMissing(id, now);
      this.logger.log(`reconciled ${deadlines} open deadline(s): ${jobs} planned deliveries, ${this.webhooks.size} webhook call(s) pending`);
      return { deadlines, jobs };
    });
  }

  /**
   * Runs every delivery due at `now`, earliest first, including those that fall due as a result
   * (a superseded delivery hands over to the current one). Failures are retried with backoff.
   */
  tick(now: Date = this.clock.now()): Promise<TickReport> {
    return this.serial(async () => {
      const report: TickReport = { delivered: 0, superseded: 0, stale: 0, failed: 0, webhooksSent: 0, webhooksFailed: 0, event: 0, emailsSent: 0, emailsFailed: 0 };
      const tried = new Set<string>();
      for (;;) {
        const due = [...this.agenda.entries()]
          .filter(([id, e]) => e.notBefore <= now.getTime() && !tried.has(id))
          .sort(([, a], [, b]) => a.notBefore - b.notBefore || (a.job.at < b.job.at ? -1 : 1));
        const calls = [...this.webhooks.entries()].filter(([id, w]) => w.notBefore <= now.getTime() && !tried.has(`webhook:${id}`));
        const mails = [...this.emails.entries()].filter(([id, w]) => w.notBefore <= now.getTime() && !tried.has(`email:${id}`));
        if (!due.length && !calls.length && !mails.length) return report;
        for (const [id, call] of calls) {
          tried.add(`webhook:${id}`);
          await this.callWebhook(id, call, now, report);
        }
        for (const [id, mail] of mails) {
          tried.add(`email:${id}`);
          await this.sendEmail(id, mail, now, report);
        }
        for (const [id, entry] of due) {
          tried.add(id);
          let outcome: ReminderOutcome;
          try {
            outcome = await this.reminders.handle(entry.job, now);
          } catch (e) {
            this.retryLater(id, entry, now, e as Error);
            report.failed += 1;
            continue;
          }
          this.agenda.delete(id);
          this.done.add(id);
          report[outcome.outcome] += 1;
          this.enqueue(outcome.next);
          if (outcome.outcome === 'delivered' && outcome.webhookId) this.enqueueWebhook(outcome.webhookId, now);
          if (outcome.outcome === 'delivered') for (const mail of outcome.emailIds ?? []) this.enqueueEmail(mail, now);
        }
      }
    });
  }

  private enqueueWebhook(id: string, now: Date): void {
    if (!this.webhooks.has(id)) this.webhooks.set(id, { notBefore: now.getTime(), attempts: 0 });
  }

  private async callWebhook(id: string, call: WebhookEntry, now: Date, report: TickReport): Promise<void> {
    call.attempts += 1;
    const final = call.attempts >= WEBHOOK_ATTEMPTS;
    try {
      if ((await this.sender.deliver(id, final)) === 'sent') report.webhooksSent += 1;
      this.webhooks.delete(id);
    } catch {
      report.webhooksFailed += 1;
      if (final) this.webhooks.delete(id);
      else call.notBefore = now.getTime() + WEBHOOK_BACKOFF_MS * 2 ** (call.attempts - 1);
    }
  }

  private enqueueEmail(id: string, now: Date): void {
    if (!this.emails.has(id)) this.emails.set(id, { notBefore: now.getTime(), attempts: 0 });
  }

  private async sendEmail(id: string, mail: WebhookEntry, now: Date, report: TickReport): Promise<void> {
    if (!this.mailer) {
      this.emails.delete(id);
      return;
    }
    mail.attempts += 1;
    const final = mail.attempts >= EMAIL_ATTEMPTS;
    try {
      if ((await this.mailer.deliver(id, final)) === 'sent') report.emailsSent += 1;
      this.emails.delete(id);
    } catch {
      report.emailsFailed += 1;
      if (final) this.emails.delete(id);
      else mail.notBefore = now.getTime() + EMAIL_BACKOFF_MS * 2 ** (mail.attempts - 1);
    }
  }

  private retryLater(id: string, entry: AgendaEntry, now: Date, error: Error): void {
    entry.attempts += 1;
    entry.lastError = error.message;
    if (entry.attempts >= REMINDER_ATTEMPTS) {
      this.agenda.delete(id);
      this.failed.set(id, entry);
      this.logger.error(`delivery ${id} failed ${entry.attempts} times, kept for the next reconciliation: ${error.message}`);
      return;
    }
    entry.notBefore = now.getTime() + REMINDER_BACKOFF_MS * 2 ** (entry.attempts - 1);
    this.logger.warn(`delivery ${id} failed (attempt ${entry.attempts}), retried from ${new Date(entry.notBefore).toISOString()}: ${error.message}`);
  }

  /** The pending deliveries (for tests and diagnostics). */
  pending(): DeadlineReminderJob[] {
    return [...this.agenda.values()].map((e) => e.job).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }

  /** How many handled deliveries the schedule remembers (for tests and diagnostics). */
  doneCount(): number {
    return this.done.size;
  }

  /** Deliveries that failed every attempt, with their last error. */
  failures(): Array<DeadlineReminderJob & { attempts: number; lastError?: string }> {
    return [...this.failed.values()].map((e) => ({ ...e.job, attempts: e.attempts, lastError: e.lastError }));
  }
}
