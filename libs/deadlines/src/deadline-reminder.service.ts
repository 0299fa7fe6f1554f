import { BusinessCalendar, CALENDAR_DAYS } from '@app/calendar';
import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import {
  allowedEvents,
  articleZh,
  shanghaiDate,
  DeadlineDeclaration,
  ROLE_LABELS,
  Role,
  stateMetaOf,
  statePaths,
  SYSTEM_ROLE,
  SYSTEM_USER_ID,
  WorkflowDefinition,
  WorkflowRegistry,
} from '@app/engine';
import {
  CASE_REPOSITORY,
  CaseRepository,
  DEADLINE_REPOSITORY,
  DeadlineEntity,
  DeadlineRepository,
  EmailDeliveryEntity,
  EmailDeliveryRepository,
  NotificationEntity,
  NotificationRepository,
  USER_REPOSITORY,
  UserRepository,
  WebhookDeliveryEntity,
  WebhookDeliveryRepository,
} from '@app/persistence';
import { BUSINESS_CALENDAR, CLOCK, Clock, DocketError, WORKFLOW_REGISTRY, WorkflowRuntime } from '@app/runtime';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { randomUUID } from 'crypto';
import { DeadlineReminderJob, isDeadlineReminderJob, reminderJobId } from './deadline-reminder.job';
import { CalendarYearsService } from './calendar-years.service';
import { EMAIL_DELIVERY_REPOSITORY, NOTIFICATION_REPOSITORY, WEBHOOK_DELIVERY_REPOSITORY } from './deadlines.di-tokens';
import { EARLY_TOLERANCE_MS } from './queue.constants';
import { resolveRecipients, rolesOf } from './recipients';
import { calendarYearMissingMessage, loadYearCall, notificationKind, reminderEmail, reminderMessage } from './reminder-message';
import { CALENDAR_DAYS_SUFFIX, DAILY_ESCALATION, deliveriesAt, DeliveriesAt, EscalationPolicy, escalationPolicy, MISSED_KEY, missedAt, PlannedReminder, plannedDelivery, sentAs } from './reminder-plan';

/** Who is also told once escalations are stepped up, unless the declaration names others: the general office (督查督办). */
export const DEFAULT_STEP_UP_ROLES: Role[] = ['secretary'];

export type ReminderOutcome =
  | {
      outcome: 'delivered';
      delivery: PlannedReminder;
      /** every recipient, and those this run wrote a notification for (a repeated job writes none) */
      recipients: string[];
      fresh: string[];
      /** jobs to queue next: after an escalation, the next one */
      next: DeadlineReminderJob[];
      /** the webhook outbox row to send (WEBHOOK_URL set); a repeated delivery names the same row */
      webhookId?: string;
      /** the e-mail outbox rows to send (SMTP_URL set; recipients with an address), one per recipient */
      emailIds?: string[];
    }
  | { outcome: 'superseded'; next: DeadlineReminderJob[] }
  /** the deadline passed unmet and its declaration's `onMissed` event was sent (history seq `seq`) */
  | { outcome: 'event'; event: string; seq: number; next: DeadlineReminderJob[] }
  | StaleOutcome;

export type StaleOutcome = { outcome: 'stale'; reason: string; next: DeadlineReminderJob[] };

export type CalendarMissingOutcome = { outcome: 'notified'; recipients: string[]; fresh: string[] } | StaleOutcome;

/** A job that came too early for its planned time: thrown, so that the queue retries it later. */
export class DeliveryNotYetDueError extends Error {
  readonly code = 'DELIVERY_NOT_YET_DUE';
}

/** A calendar with no year at all: every working-day count of a row planned with it is counted in calendar days. */
const NO_HOLIDAY_DATA = new BusinessCalendar({ years: {} });

/**
 * A running deadline as its reminders see it. An open or calendar-missing row with a due date is
 * planned with the business calendar (what needs a year without data is counted in calendar days);
 * a calendar-missing row without one gets a due date estimated in calendar days (N working days
 * are never fewer than N calendar days, so the estimate is never late), every delivery counted in
 * calendar days, the due-day notice under its own key (`due-d`). Null for a closed row.
 */
export interface PlanView {
  row: DeadlineEntity & { dueDate: string };
  calendar: BusinessCalendar;
  estimated: boolean;
}

export function planViewOf(row: DeadlineEntity, calendar: BusinessCalendar): PlanView | null {
  if (row.status !== 'open' && row.status !== 'calendar-missing') return null;
  if (row.dueDate) return { row: row as DeadlineEntity & { dueDate: string }, calendar, estimated: false };
  if (row.status !== 'calendar-missing') return null;
  const dueDate = CALENDAR_DAYS.addCalendarDays(row.startsOn, row.length, { rollToWorkday: false });
  return { row: Object.assign(new DeadlineEntity(), row, { dueDate }) as DeadlineEntity & { dueDate: string }, calendar: NO_HOLIDAY_DATA, estimated: true };
}

const ESTIMATED_DUE_KEY = `due-${CALENDAR_DAYS_SUFFIX}`;
const asEstimated = (p: PlannedReminder): PlannedReminder => (p.reminderKey === 'due' ? { ...p, reminderKey: ESTIMATED_DUE_KEY, basis: 'calendar-days' } : p);

/** The deliveries of a plan view at `now` (see `deliveriesAt`). */
export function viewDeliveriesAt(view: PlanView, now: Date, policy: EscalationPolicy = DAILY_ESCALATION): DeliveriesAt {
  const d = deliveriesAt(view.row, view.calendar, now, policy);
  return view.estimated ? { ...d, current: d.current && asEstimated(d.current), upcoming: d.upcoming.map(asEstimated) } : d;
}

/** The delivery a key stands for in a plan view, or null (see `plannedDelivery`). */
export function viewDelivery(view: PlanView, reminderKey: string, policy: EscalationPolicy = DAILY_ESCALATION): PlannedReminder | null {
  if (!view.estimated) return plannedDelivery(view.row, reminderKey, view.calendar, policy);
  if (reminderKey === 'due') return null;
  const d = plannedDelivery(view.row, reminderKey === ESTIMATED_DUE_KEY ? 'due' : reminderKey, view.calendar, policy);
  return d && asEstimated(d);
}

/** The jobs for a row's deliveries at `now`: the current one (if any) and the upcoming ones. */
export function reminderJobs(row: DeadlineEntity, calendar: BusinessCalendar, now: Date, policy: EscalationPolicy = DAILY_ESCALATION): DeadlineReminderJob[] {
  const view = planViewOf(row, calendar);
  if (!view) return [];
  const { current, upcoming } = viewDeliveriesAt(view, now, policy);
  const dueDate = view.row.dueDate;
  return [...(current ? [current] : []), ...upcoming].map((p) => ({ deadlineId: row.id, reminderKey: p.reminderKey, dueDate, at: p.at }));
}

/**
 * The processor logic of one reminder or escalation, shared by the worker (BullMQ) and the
 * embedded schedule: reload the deadline row, do nothing when the job is stale, else write one
 * notification per recipient, idempotently (unique key deadline × reminder × user), and say which
 * jobs come next. It queues nothing itself: its caller owns the queue.
 */
@Injectable()
export class DeadlineReminderService {
  private readonly logger = new Logger('DeadlineReminders');

  constructor(
    @Inject(DEADLINE_REPOSITORY) private readonly deadlines: DeadlineRepository,
    @Inject(CASE_REPOSITORY) private readonly cases: CaseRepository,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(NOTIFICATION_REPOSITORY) private readonly notifications: NotificationRepository,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
    @Inject(BUSINESS_CALENDAR) private readonly calendar: BusinessCalendar,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WEBHOOK_DELIVERY_REPOSITORY) private readonly outbox: WebhookDeliveryRepository,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
    private readonly calendarYears: CalendarYearsService,
    /** resolves WorkflowRuntime when a missed deadline sends its event (the runtime depends on the scheduler, which depends on this) */
    @Optional() private readonly moduleRef?: ModuleRef,
    @Optional() @Inject(EMAIL_DELIVERY_REPOSITORY) private readonly emails?: EmailDeliveryRepository,
  ) {}

  /** escalation cadence and step-up (DOCKET_RULES deadlines.escalation.*; default: daily until met) */
  private get policy(): EscalationPolicy {
    return escalationPolicy(this.config.rules ?? {});
  }

  /**
   * The jobs that should be queued for a row now (see `reminderJobs`), and, when its declaration
   * names an `onMissed` event, the job that sends it once the due date has passed. That job is kept
   * while the row is open (it is never superseded); once the event is in the history, a repeat of
   * it finds the event no longer accepted and does nothing.
   */
  jobsFor(row: DeadlineEntity, now: Date = this.clock.now()): DeadlineReminderJob[] {
    const jobs = reminderJobs(row, this.calendar, now, this.policy);
    if ((row.status === 'open' || row.status === 'calendar-missing') && row.type === 'due' && row.dueDate && this.declarationOf(row)?.onMissed) {
      jobs.push({ deadlineId: row.id, reminderKey: MISSED_KEY, dueDate: row.dueDate, at: missedAt(row.dueDate) });
    }
    return jobs;
  }

  private declarationOf(row: Pick<DeadlineEntity, 'workflowKind' | 'workflowVersion' | 'key'>): DeadlineDeclaration | undefined {
    try {
      return this.registry.get(row.workflowKind, row.workflowVersion).deadlines?.find((d) => d.key === row.key);
    } catch {
      return undefined;
    }
  }

  /**
   * Every open deadline's jobs at `now`, page by page: what reconciliation queues again after
   * Redis lost them (or the embedded schedule at boot). Rows whose plan fails are logged and skipped.
   */
  async *reconciliationBatches(now: Date = this.clock.now(), pageSize = 1000): AsyncGenerator<{ rows: number; jobs: DeadlineReminderJob[] }> {
    // a year loaded by another process must be known before the plans are computed
    await this.calendarYears.refresh();
    await this.warnUpcomingYearMissing(now);
    for await (const page of this.deadlines.open(pageSize, ['open', 'calendar-missing'])) {
      const jobs: DeadlineReminderJob[] = [];
      for (const row of page) {
        try {
          jobs.push(...this.jobsFor(row, now));
          const view = planViewOf(row, this.calendar);
          const missing = view && !view.estimated ? viewDeliveriesAt(view, now, this.policy).missingYears : [];
          if (missing.length) await this.keepCalendarMissing(row, missing, now);
        } catch (e) {
          this.logger.error(`deadline ${row.id}: cannot plan its reminders: ${(e as Error).message}`);
        }
      }
      yield { rows: page.length, jobs };
    }
  }

  /**
   * Handles one delivery. Stale jobs (row gone or no longer open, due date changed, state left,
   * key not in the plan) are logged no-ops; a delivery superseded by a later one that is already
   * due is skipped. Throws only on infrastructure errors (and on a job far too early), so that
   * the queue retries.
   */
  async handle(job: unknown, now: Date = this.clock.now()): Promise<ReminderOutcome> {
    if (!isDeadlineReminderJob(job)) return this.stale(job, 'malformed job payload');
    const id = reminderJobId(job);
    const row = await this.deadlines.findById(job.deadlineId);
    if (!row) return this.stale(id, 'the deadline does not exist');
    if (row.status !== 'open' && row.status !== 'calendar-missing') return this.stale(id, `the deadline is ${row.status}`);
    let view = planViewOf(row, this.calendar)!;
    if (view.row.dueDate !== job.dueDate) return this.stale(id, `the due date moved from ${job.dueDate} to ${view.row.dueDate}${view.estimated ? ' (estimated)' : ''}`);
    const found = await this.cases.findById(row.caseId);
    if (!found) return this.stale(id, 'the case does not exist');
    let def: WorkflowDefinition;
    try {
      def = this.registry.get(row.workflowKind, row.workflowVersion);
    } catch {
      return this.stale(id, `unknown workflow ${row.workflowKind} v${row.workflowVersion}`);
    }
    const declaration = def.deadlines?.find((d) => d.key === row.key);
    const stateValue = JSON.parse(found.stateValue);
    const paths = statePaths(stateValue);
    // The row is closed in the transaction that leaves the state; this guards against a row
    // left open by an older version.
    if (declaration && !declaration.states.some((s) => paths.includes(s))) return this.stale(id, `the case left ${declaration.states.join(', ')}`);
    if (job.reminderKey === MISSED_KEY) return this.sendMissedEvent(id, row, declaration, now);
    const policy = this.policy;
    let delivery = viewDelivery(view, job.reminderKey, policy);
    // planned by a process that knew a calendar year this one has not loaded yet?
    if (!delivery && (await this.calendarYears.refresh())) {
      view = planViewOf(row, this.calendar)!;
      delivery = viewDelivery(view, job.reminderKey, policy);
    }
    if (!delivery) return this.stale(id, `${job.reminderKey} is not in the deadline's plan`);
    if (Date.parse(delivery.at) - now.getTime() > EARLY_TOLERANCE_MS) {
      throw new DeliveryNotYetDueError(`job ${id} arrived at ${now.toISOString()}, planned for ${delivery.at}`);
    }

    let plan = viewDeliveriesAt(view, now, policy);
    if (!plan.complete && (await this.calendarYears.refresh())) plan = viewDeliveriesAt(view, now, policy);
    const dueDate = view.row.dueDate;
    const toJob = (p: PlannedReminder): DeadlineReminderJob => ({ deadlineId: row.id, reminderKey: p.reminderKey, dueDate, at: p.at });
    const next = plan.upcoming.map(toJob);
    // a date the plan or the lateness count needs lies in a year without data: kept as calendar-missing, the admins told
    const missingYears = view.estimated ? [this.calendarYears.missingYearOf(row)].filter((y): y is number => y !== null) : plan.missingYears;
    if (missingYears.length) await this.keepCalendarMissing(row, missingYears, now);
    if (plan.current && plan.current.at > delivery.at) {
      this.logger.log(`job ${id} skipped: superseded by ${plan.current.reminderKey}, already due`);
      return { outcome: 'superseded', next: [toJob(plan.current), ...next] };
    }

    // the party who must act is always told; an escalation adds the supervisors (and the step-up roles)
    const roles = [
      ...new Set([
        ...rolesOf(row.responsible),
        ...(delivery.audience === 'supervisor' ? rolesOf(row.supervisor) : []),
        ...(delivery.stepUp ? (declaration?.stepUpTo ?? DEFAULT_STEP_UP_ROLES) : []),
      ]),
    ];
    const everyone = await this.users.listUsers();
    const recipients = resolveRecipients(everyone, roles, found);
    // escalations name the people who must act, with their unit (never their id or username)
    const units = new Map((await this.users.listOrgUnits()).map((u) => [u.id, { zh: u.nameZh, en: u.nameEn }]));
    const responsiblePeople = resolveRecipients(everyone, rolesOf(row.responsible), found).map((u) => ({ displayName: u.displayName, unit: units.get(u.orgUnit) ?? null }));
    const step = stateMetaOf(def, stateValue)?.label ?? { zh: found.statePath, en: found.statePath };
    const sent = sentAs(delivery, row, this.calendar, now);
    const kind = notificationKind(delivery, sent);
    const message = reminderMessage(delivery, {
      caseTitle: found.title,
      deadline: { zh: row.labelZh, en: row.labelEn },
      step,
      dueDate,
      article: row.article,
      responsible: rolesOf(row.responsible).map((r) => ROLE_LABELS[r as Role] ?? { zh: r, en: r }),
      responsiblePeople,
      ...(delivery.basis === 'calendar-days' ? { missingYears, estimatedDueDate: view.estimated } : {}),
    }, sent);
    const createdAt = now.toISOString();
    const rows = recipients.map((u) =>
      Object.assign(new NotificationEntity(), {
        id: randomUUID(),
        dedupeKey: `${row.id}:${delivery.reminderKey}:${u.id}`,
        userId: u.id,
        caseId: row.caseId,
        deadlineId: row.id,
        kind,
        ...message,
        createdAt,
        readAt: null,
      } satisfies NotificationEntity),
    );
    const webhook = this.config.webhook
      ? Object.assign(new WebhookDeliveryEntity(), {
          id: id,
          event: `deadline.${kind}`,
          body: JSON.stringify({
            id,
            event: `deadline.${kind}`,
            occurredAt: createdAt,
            case: { id: found.id, title: found.title, step: { path: found.statePath, label: step } },
            deadline: { id: row.id, key: row.key, label: { zh: row.labelZh, en: row.labelEn }, type: row.type, dueDate: row.dueDate, article: row.article, articleZh: articleZh(row.article) },
            reminder: { key: delivery.reminderKey, kind, workdays: delivery.workdays, audience: delivery.audience, roles, sentOn: sent.on, ...(sent.overdue ? { workdaysLate: sent.workdays } : {}) },
            recipients: recipients.map((u) => ({ userId: u.id, username: u.username, displayName: u.displayName, orgUnit: u.orgUnit })),
            message: { title: { zh: message.titleZh, en: message.titleEn }, body: { zh: message.bodyZh, en: message.bodyEn } },
          }),
          status: 'pending',
          attempts: 0,
          lastError: null,
          createdAt,
          lastAttemptAt: null,
          sentAt: null,
        } satisfies WebhookDeliveryEntity)
      : undefined;
    const email = reminderEmail(message);
    const mails =
      this.config.smtp && this.emails
        ? recipients
            .filter((u) => !!u.email)
            .map((u) =>
              Object.assign(new EmailDeliveryEntity(), {
                id: `${id}__${u.id}`,
                userId: u.id,
                toAddress: u.email!,
                subject: email.subject,
                bodyText: email.text,
                status: 'pending',
                attempts: 0,
                lastError: null,
                createdAt,
                lastAttemptAt: null,
                sentAt: null,
              } satisfies EmailDeliveryEntity),
            )
        : [];
    // the webhook call and the e-mails are recorded with the notifications: all happen, or none
    const also =
      webhook || mails.length
        ? async (m: Parameters<NonNullable<Parameters<NotificationRepository['insertNew']>[1]>>[0]) => {
            if (webhook) await this.outbox.addIn(m, webhook);
            if (mails.length) await this.emails!.addIn(m, mails);
          }
        : undefined;
    const fresh = await this.notifications.insertNew(rows, also);
    this.logger.log(`job ${id}: ${kind}${sent.late ? ` (planned for ${delivery.date}, sent ${sent.on})` : ''} for case ${row.caseId} to ${recipients.length} user(s), ${fresh.length} new`);
    // The rest of the finite plan was queued with the deadline (and is re-created by reconciliation);
    // only an escalation has something new to queue: the next one.
    const following = delivery.kind === 'escalation' ? next : [];
    return {
      outcome: 'delivered',
      delivery,
      recipients: recipients.map((u) => u.id),
      fresh,
      next: following,
      ...(webhook ? { webhookId: webhook.id } : {}),
      ...(mails.length ? { emailIds: mails.map((m) => m.id) } : {}),
    };
  }

  /**
   * A deadline that has passed unmet, whose declaration names an `onMissed` event: sends it as the
   * `system` actor through WorkflowRuntime (the path of every user's event), with the revision just
   * read as the expected one. Idempotent: the deadline row must still be open with the same due
   * date, and the case's state must still accept the event (once it is in the history the state has
   * moved on); two deliveries racing each other meet the compare-and-swap, and the loser reads the
   * case again and finds nothing to do. Never before the due date has ended (no early tolerance).
   */
  private async sendMissedEvent(id: string, row: DeadlineEntity, declaration: DeadlineDeclaration | undefined, now: Date): Promise<ReminderOutcome> {
    const onMissed = declaration?.onMissed;
    if (!onMissed || row.type !== 'due' || !row.dueDate) return this.stale(id, 'the deadline declares no event for a missed due date');
    const at = missedAt(row.dueDate);
    if (now.toISOString() < at) throw new DeliveryNotYetDueError(`job ${id} arrived at ${now.toISOString()}, the due date ends at ${at}`);
    if (!this.moduleRef) throw new Error('cannot send a machine event: no module reference to find WorkflowRuntime');
    const runtime = this.moduleRef.get(WorkflowRuntime, { strict: false });
    for (let attempt = 1; ; attempt++) {
      const current = await this.deadlines.findById(row.id);
      if ((current?.status !== 'open' && current?.status !== 'calendar-missing') || current.dueDate !== row.dueDate) return this.stale(id, `the deadline is ${current?.status ?? 'gone'}`);
      const found = await this.cases.findById(row.caseId);
      if (!found) return this.stale(id, 'the case does not exist');
      let def: WorkflowDefinition;
      try {
        def = this.registry.get(found.kind, found.workflowVersion);
      } catch {
        return this.stale(id, `unknown workflow ${found.kind} v${found.workflowVersion}`);
      }
      if (!allowedEvents(def, JSON.parse(found.snapshot), [SYSTEM_ROLE]).some((e) => e.type === onMissed.event)) {
        return this.stale(id, `${onMissed.event} is not accepted in ${found.statePath} (sent already, or the case has moved on)`);
      }
      try {
        const { record } = await runtime.dispatch({
          caseId: found.id,
          type: onMissed.event,
          payload: { deadlineKey: row.key, dueDate: row.dueDate },
          actor: { userId: SYSTEM_USER_ID, role: SYSTEM_ROLE, orgUnit: found.orgUnit },
          expectedRevision: found.revision,
        });
        this.logger.log(`job ${id}: ${row.key} due ${row.dueDate} was missed; ${onMissed.event} sent to case ${found.id} (seq ${record.seq})`);
        return { outcome: 'event', event: onMissed.event, seq: record.seq, next: [] };
      } catch (e) {
        // someone else changed the case meanwhile (a user, or this job delivered twice): look again
        if (e instanceof DocketError && e.code === 'REVISION_CONFLICT' && attempt < 5) continue;
        if (e instanceof DocketError) throw new Error(`${onMissed.event} refused for case ${found.id}: ${e.code}${e.article ? ` (${e.article})` : ''}: ${e.en}`);
        throw e;
      }
    }
  }

  /** The ids of the deadlines kept as calendar-missing (reconciliation tells the administrators again; a repeat writes nothing). */
  async calendarMissingIds(): Promise<string[]> {
    return (await this.deadlines.list({ statuses: ['calendar-missing'], limit: 10_000 })).items.map((d) => d.id);
  }

  /**
   * Tells the administrators which year a calendar-missing deadline waits for (the notice of that
   * year, once per year and administrator: see `notifyYearMissing`). A no-op once the deadline is
   * no longer calendar-missing.
   */
  async notifyCalendarMissing(deadlineId: string, now: Date = this.clock.now()): Promise<CalendarMissingOutcome> {
    const id = `${deadlineId}__calendar-missing`;
    const row = await this.deadlines.findById(deadlineId);
    if (!row) return this.stale(id, 'the deadline does not exist');
    if (row.status !== 'calendar-missing') return this.stale(id, `the deadline is ${row.status}`);
    const years = this.missingYearsOf(row, now);
    if (!years.length) return this.stale(id, 'no year is missing any more');
    const recipients = new Set<string>();
    const fresh: string[] = [];
    for (const year of years) {
      const told = await this.notifyYearMissing(year, now);
      told.recipients.forEach((u) => recipients.add(u));
      fresh.push(...told.fresh);
    }
    return { outcome: 'notified', recipients: [...recipients], fresh };
  }

  /** The years without holiday data a running row needs now (its due date, its reminders, its lateness count). */
  private missingYearsOf(row: DeadlineEntity, now: Date): number[] {
    const view = planViewOf(row, this.calendar);
    if (!view) return [];
    if (view.estimated) return [this.calendarYears.missingYearOf(row)].filter((y): y is number => y !== null);
    return viewDeliveriesAt(view, now, this.policy).missingYears;
  }

  /**
   * An open deadline whose reminders or lateness count need a year without holiday data is kept as
   * calendar-missing (its due date stays; its deliveries are counted in calendar days meanwhile),
   * and the administrators are told about each year.
   */
  private async keepCalendarMissing(row: DeadlineEntity, years: number[], now: Date): Promise<void> {
    if (row.status === 'open' && (await this.deadlines.markCalendarMissing(row.id))) {
      row.status = 'calendar-missing';
      this.logger.warn(`deadline ${row.id} (${row.key}, case ${row.caseId}) is calendar-missing: it needs the holiday arrangement of ${years.join(', ')}`);
    }
    for (const year of years) await this.notifyYearMissing(year, now);
  }

  /** From November (Asia/Shanghai) on, the administrators are told when next year's holiday data is missing. */
  async warnUpcomingYearMissing(now: Date = this.clock.now()): Promise<void> {
    const today = shanghaiDate(now.toISOString());
    if (Number(today.slice(5, 7)) < 11) return;
    const next = Number(today.slice(0, 4)) + 1;
    if (!this.calendar.coveredYears().includes(next)) await this.notifyYearMissing(next, now);
  }

  private readonly loggedYears = new Set<number>();

  /**
   * Tells every active administrator, once per year (one notification each, whatever asks again),
   * that `year` has no holiday data and which call loads it; logged once per process.
   */
  async notifyYearMissing(year: number, now: Date = this.clock.now()): Promise<{ recipients: string[]; fresh: string[] }> {
    if (this.calendar.coveredYears().includes(year)) return { recipients: [], fresh: [] };
    const { total } = await this.deadlines.list({ statuses: ['calendar-missing'], limit: 1 });
    const message = calendarYearMissingMessage({ year, coveredTo: this.calendar.coveredYears().at(-1), deadlines: total });
    const admins = resolveRecipients(await this.users.listUsers(), ['admin'], null);
    const createdAt = now.toISOString();
    const fresh = await this.notifications.insertNew(
      admins.map((u) =>
        Object.assign(new NotificationEntity(), {
          id: randomUUID(),
          dedupeKey: `calendar-year-missing:${year}:${u.id}`,
          userId: u.id,
          caseId: null,
          deadlineId: null,
          kind: 'calendar-missing',
          ...message,
          createdAt,
          readAt: null,
        } satisfies NotificationEntity),
      ),
    );
    if (!this.loggedYears.has(year) || fresh.length) {
      this.loggedYears.add(year);
      this.logger.warn(`no holiday arrangement for ${year}: ${total} deadline(s) calendar-missing, ${admins.length} administrator(s) told (${fresh.length} new); load it with ${loadYearCall(year)}`);
    }
    return { recipients: admins.map((u) => u.id), fresh };
  }

  private stale(id: unknown, reason: string): StaleOutcome {
    this.logger.log(`job ${typeof id === 'string' ? id : JSON.stringify(id)} is stale, nothing to do: ${reason}`);
    return { outcome: 'stale', reason, next: [] };
  }
}
