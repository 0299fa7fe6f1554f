import { BusinessCalendar, CALENDAR_DAYS, CalendarYearMissingError } from '@app/calendar';
import { shanghaiDate } from '@app/engine';
import type { DeadlineEntity } from '@app/persistence';

/** Reminders go out at 09:00 Asia/Shanghai (UTC+8, no daylight saving), the start of the office day. */
export const DELIVERY_TIME_UTC = 'T01:00:00.000Z';

export type ReminderKind = 'reminder' | 'due' | 'period-ended' | 'escalation';

/** One planned delivery of a deadline: who is told, on which day, at which instant. */
export interface PlannedReminder {
  /** deterministic within the deadline: `before-3`, `due`, `escalation-1`, `escalation-2`, … */
  reminderKey: string;
  kind: ReminderKind;
  /**
   * `responsible` before and on the due date; `supervisor` after it: the escalation goes to the
   * supervisor roles in addition to the responsible ones (it adds supervisors, never replaces the
   * party who must act)
   */
  audience: 'responsible' | 'supervisor';
  /** the day it is delivered (Asia/Shanghai), YYYY-MM-DD */
  date: string;
  /** the instant it is delivered (09:00 Asia/Shanghai), ISO 8601 */
  at: string;
  /** for `before-N`: N working days before the due date; for `escalation-N`: N working days after it */
  workdays: number;
  /** an escalation stepped up (EscalationPolicy.stepUpFrom): it also goes to the declaration's step-up roles */
  stepUp?: true;
  /**
   * Counted in calendar days (`workdays` then counts calendar days, the key ends in `d`): the
   * working-day count needs a year without holiday data, so the delivery goes out on this stated
   * conservative basis instead of not at all; planned again in working days once the year is loaded.
   */
  basis?: 'calendar-days';
}

/** The suffix of the key of a delivery counted in calendar days (`before-3d`, `escalation-84d`, `due-d`). */
export const CALENDAR_DAYS_SUFFIX = 'd';

/**
 * How escalations continue once a due date has passed (DOCKET_RULES, see `escalationPolicy`). The
 * default is the issue's: the supervisor, every working day until the deadline is met, nobody else.
 */
export interface EscalationPolicy {
  /** every working day for this many working days after the due date, then every `thenEvery`; 0 = every working day until met */
  dailyFor: number;
  /** the interval (working days) once `dailyFor` has passed, ≥ 1 */
  thenEvery: number;
  /** from this working day after the due date on, escalations also go to the step-up roles; 0 = never */
  stepUpFrom: number;
}

/** The DOCKET_RULES keys of the escalation policy. */
export const ESCALATION_RULES = {
  dailyFor: 'deadlines.escalation.dailyWorkdays',
  thenEvery: 'deadlines.escalation.thenEveryWorkdays',
  stepUpFrom: 'deadlines.escalation.stepUpAfterWorkdays',
} as const;

export const DAILY_ESCALATION: EscalationPolicy = { dailyFor: 0, thenEvery: 5, stepUpFrom: 0 };

/** The escalation policy from DOCKET_RULES (whole working days; missing keys keep the default). Pure. */
export function escalationPolicy(rules: Record<string, number>): EscalationPolicy {
  const n = (key: string, fallback: number, min: number) => (Number.isFinite(rules[key]) ? Math.max(min, Math.floor(rules[key])) : fallback);
  return {
    dailyFor: n(ESCALATION_RULES.dailyFor, DAILY_ESCALATION.dailyFor, 0),
    thenEvery: n(ESCALATION_RULES.thenEvery, DAILY_ESCALATION.thenEvery, 1),
    stepUpFrom: n(ESCALATION_RULES.stepUpFrom, DAILY_ESCALATION.stepUpFrom, 0),
  };
}

/** Whether working day `n` after the due date carries an escalation under `p`. */
const isEscalationDay = (n: number, p: EscalationPolicy) => n >= 1 && (p.dailyFor === 0 || n <= p.dailyFor || (n - p.dailyFor) % p.thenEvery === 0);

/** The last escalation day at or before working day `n` (0 when none). */
function lastEscalationDay(n: number, p: EscalationPolicy): number {
  if (n < 1) return 0;
  if (p.dailyFor === 0 || n <= p.dailyFor) return n;
  return p.dailyFor + Math.floor((n - p.dailyFor) / p.thenEvery) * p.thenEvery;
}

/** The first escalation day after working day `n`. */
function nextEscalationDay(n: number, p: EscalationPolicy): number {
  if (n < 0) return 1;
  if (p.dailyFor === 0 || n + 1 <= p.dailyFor) return n + 1;
  return p.dailyFor + (Math.floor((n - p.dailyFor) / p.thenEvery) + 1) * p.thenEvery;
}

/** The columns of a deadline row the plan is computed from. */
export type ReminderPlanRow = Pick<DeadlineEntity, 'type' | 'dueDate' | 'reminders' | 'escalate' | 'openedAt'>;

const at = (date: string) => `${date}${DELIVERY_TIME_UTC}`;

/**
 * A delivery that needs a year without holiday data is left out of the plan rather than guessed;
 * it is planned again by reconciliation once the year's arrangement is loaded.
 */
function orGap<T>(compute: () => T, gaps?: Set<number>): T | null {
  try {
    return compute();
  } catch (e) {
    if (e instanceof CalendarYearMissingError) {
      gaps?.add(e.year);
      return null;
    }
    throw e;
  }
}

/** Escalation `n` counted in calendar days after the due date (every calendar day, weekends included). */
function calendarDayEscalation(dueDate: string, n: number, p: EscalationPolicy): PlannedReminder {
  return { ...escalation(dueDate, n, CALENDAR_DAYS, p), reminderKey: `escalation-${n}${CALENDAR_DAYS_SUFFIX}`, basis: 'calendar-days' };
}

function reminderDays(row: ReminderPlanRow): number[] {
  try {
    const parsed = JSON.parse(row.reminders);
    return Array.isArray(parsed) ? [...new Set(parsed.filter((n): n is number => Number.isSafeInteger(n) && n >= 0))].sort((a, b) => b - a) : [];
  } catch {
    return [];
  }
}

function escalation(dueDate: string, n: number, calendar: BusinessCalendar, p: EscalationPolicy): PlannedReminder {
  const date = calendar.addWorkdays(dueDate, n);
  return {
    reminderKey: `escalation-${n}`,
    kind: 'escalation',
    audience: 'supervisor',
    date,
    at: at(date),
    workdays: n,
    ...(p.stepUpFrom > 0 && n >= p.stepUpFrom ? { stepUp: true as const } : {}),
  };
}

const escalates = (row: ReminderPlanRow): row is ReminderPlanRow & { dueDate: string } => !!row.dueDate && row.type === 'due' && !!row.escalate;

/** How many escalations of a deadline due on `dueDate` fall at or before `instant` (one per working day after it, at 09:00). */
function escalationsDueBy(dueDate: string, instant: string, calendar: BusinessCalendar): number {
  const today = shanghaiDate(instant);
  if (today <= dueDate) return 0;
  let n = calendar.workdaysBetween(dueDate, today);
  if (calendar.isWorkday(today) && at(today) > instant) n -= 1;
  return n;
}

/** The first escalation after the deadline was opened (normally `escalation-1`). */
function firstEscalation(row: ReminderPlanRow & { dueDate: string }, calendar: BusinessCalendar, p: EscalationPolicy): PlannedReminder {
  return escalation(row.dueDate, nextEscalationDay(escalationsDueBy(row.dueDate, row.openedAt, calendar), p), calendar, p);
}

function finitePlan(row: ReminderPlanRow, calendar: BusinessCalendar, gaps?: Set<number>): PlannedReminder[] {
  if (!row.dueDate) return [];
  const dueDate = row.dueDate;
  const plan: PlannedReminder[] = [];
  if (row.type === 'minimum') {
    plan.push({ reminderKey: 'due', kind: 'period-ended', audience: 'responsible', date: dueDate, at: at(dueDate), workdays: 0 });
  } else {
    for (const n of reminderDays(row)) {
      if (n === 0) {
        plan.push({ reminderKey: 'due', kind: 'due', audience: 'responsible', date: dueDate, at: at(dueDate), workdays: 0 });
      } else {
        const date = orGap(() => calendar.workdaysBefore(dueDate, n), gaps);
        if (date) plan.push({ reminderKey: `before-${n}`, kind: 'reminder', audience: 'responsible', date, at: at(date), workdays: n });
        else if (gaps) {
          // a year without data: N calendar days before, said so
          const day = CALENDAR_DAYS.workdaysBefore(dueDate, n);
          plan.push({ reminderKey: `before-${n}${CALENDAR_DAYS_SUFFIX}`, kind: 'reminder', audience: 'responsible', date: day, at: at(day), workdays: n, basis: 'calendar-days' });
        }
      }
    }
  }
  return plan.filter((p) => p.at >= row.openedAt).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/**
 * A deadline's reminder plan up to its first escalation, in delivery order: `before-N` for each
 * N > 0 of the declared reminders (N working days before the due date), `due` on the day when 0
 * is declared, and `escalation-1` on the first working day after the due date when the deadline
 * escalates (later escalations follow one per working day, see `escalationAfter`). A `minimum`
 * period gets only a `period-ended` notice (key `due`) on its last day: nothing is late, the step
 * may happen once it has ended. Deliveries that fall before the deadline was opened are not
 * planned. All deliveries are at 09:00 Asia/Shanghai.
 *
 * Pure: no clock, no I/O. A delivery whose working-day count needs a year the calendar has no
 * data for is left out (never guessed). A row without a due date (calendar-missing) has an empty plan.
 */
export function reminderPlan(row: ReminderPlanRow, calendar: BusinessCalendar, p: EscalationPolicy = DAILY_ESCALATION): PlannedReminder[] {
  const plan = finitePlan(row, calendar);
  const first = escalates(row) ? orGap(() => firstEscalation(row, calendar, p)) : null;
  if (first) plan.push(first);
  return plan;
}

/** The escalation after `escalation-N` (by default every working day until the deadline is met), or null when it does not escalate. */
export function escalationAfter(row: ReminderPlanRow, n: number, calendar: BusinessCalendar, p: EscalationPolicy = DAILY_ESCALATION): PlannedReminder | null {
  return escalates(row) ? orGap(() => escalation(row.dueDate, nextEscalationDay(n, p), calendar, p)) : null;
}

/**
 * The delivery a reminder key stands for in this row's plan, or null when the plan has no such
 * delivery (a job for a changed or foreign plan is stale). Pure.
 */
export function plannedDelivery(row: ReminderPlanRow, reminderKey: string, calendar: BusinessCalendar, p: EscalationPolicy = DAILY_ESCALATION): PlannedReminder | null {
  const d = /^escalation-([1-9]\d{0,4})d$/.exec(reminderKey);
  if (d) {
    // only while the working-day count at that moment needs a year without data
    if (!escalates(row)) return null;
    const delivery = calendarDayEscalation(row.dueDate, Number(d[1]), p);
    const dueDate = row.dueDate;
    const gaps = new Set<number>();
    orGap(() => escalationsDueBy(dueDate, delivery.at, calendar), gaps);
    return gaps.size && delivery.at > row.openedAt ? delivery : null;
  }
  const m = /^escalation-([1-9]\d{0,4})$/.exec(reminderKey);
  if (m) {
    if (!escalates(row) || !isEscalationDay(Number(m[1]), p)) return null;
    const d = orGap(() => escalation(row.dueDate, Number(m[1]), calendar, p));
    return d && d.at > row.openedAt ? d : null;
  }
  return finitePlan(row, calendar, new Set()).find((p) => p.reminderKey === reminderKey) ?? null;
}

/** What should be queued for a row at `now`: the latest delivery already due (if any), and those still to come. */
export interface DeliveriesAt {
  /** the most recent delivery whose time has come; earlier ones are superseded by it */
  current: PlannedReminder | null;
  /** deliveries after `now`: the rest of the plan up to and including the next escalation */
  upcoming: PlannedReminder[];
  /** false when a working-day count needed a year without holiday data (those deliveries are counted in calendar days) */
  complete: boolean;
  /** the years without holiday data the plan needed, ascending */
  missingYears: number[];
}

/** How many escalations in calendar days fall at or before `instant` (one per calendar day after the due date, at 09:00). */
function calendarDaysDueBy(dueDate: string, instant: string): number {
  return escalationsDueBy(dueDate, instant, CALENDAR_DAYS);
}

/**
 * The deliveries of a row as seen at `now`. Reconciliation queues `current` (delivered late if it
 * never was; a repeat is a no-op thanks to the dedupe key) and every `upcoming` one. An earlier
 * delivery whose time has passed is not queued again once a later one is due: "3 working days
 * remain" is wrong on the due date.
 *
 * Pure. A delivery whose working-day count needs a year without holiday data is not dropped: it
 * is counted in calendar days instead (`basis: 'calendar-days'`, escalations every calendar day),
 * and `missingYears` names the years (`complete: false`).
 */
export function deliveriesAt(row: ReminderPlanRow, calendar: BusinessCalendar, now: Date, p: EscalationPolicy = DAILY_ESCALATION): DeliveriesAt {
  const nowIso = now.toISOString();
  const gaps = new Set<number>();
  let current: PlannedReminder | null = null;
  const upcoming: PlannedReminder[] = [];
  for (const p of finitePlan(row, calendar, gaps)) {
    if (p.at <= nowIso) current = p;
    else upcoming.push(p);
  }
  if (escalates(row)) {
    const dueDate = row.dueDate;
    const before = orGap(() => escalationsDueBy(dueDate, row.openedAt, calendar), gaps);
    const dueNow = orGap(() => escalationsDueBy(dueDate, nowIso, calendar), gaps);
    if (before !== null && dueNow !== null) {
      const n = lastEscalationDay(dueNow, p);
      const cur = orGap(() => (n > before ? escalation(dueDate, n, calendar, p) : null), gaps);
      current = cur ?? current;
    } else {
      // the lateness now needs a year without data: say it in calendar days
      const n = calendarDaysDueBy(dueDate, nowIso);
      if (n > calendarDaysDueBy(dueDate, row.openedAt)) current = calendarDayEscalation(dueDate, n, p);
    }
    const next =
      before !== null && dueNow !== null ? orGap(() => escalation(dueDate, nextEscalationDay(Math.max(dueNow, before), p), calendar, p), gaps) : null;
    upcoming.push(next ?? calendarDayEscalation(dueDate, Math.max(calendarDaysDueBy(dueDate, nowIso), calendarDaysDueBy(dueDate, row.openedAt)) + 1, p));
  }
  const missingYears = [...gaps].sort((a, b) => a - b);
  return { current, upcoming, complete: missingYears.length === 0, missingYears };
}

/**
 * The key of a deadline's missed-deadline job: the machine event its declaration names in
 * `onMissed`, sent once the due date has passed unmet. It is never superseded by a reminder.
 */
export const MISSED_KEY = 'missed';

/**
 * When a deadline due on `dueDate` has passed: 24:00 Asia/Shanghai at the end of the due date
 * (00:00 of the next day, 16:00 UTC on the due date), the instant the runtime would close it as
 * missed (`today > dueDate`). Pure.
 */
export function missedAt(dueDate: string): string {
  return `${dueDate}T16:00:00.000Z`;
}

/**
 * What a delivery says about its deadline on the day it actually goes out, which after downtime
 * may be later than the day it was planned for. Pure.
 */
export interface SentAs {
  /** the day it goes out (Asia/Shanghai), YYYY-MM-DD */
  on: string;
  /** the day it was planned for is past: it is a catch-up after downtime */
  late: boolean;
  /**
   * the delivery is sent after the due date of a `due` deadline: a reminder or due-day notice
   * becomes an overdue notice, an escalation states how late it is now
   */
  overdue: boolean;
  /** working days after the due date up to `on` (overdue), else working days from `on` to the due date; null when a calendar year is missing */
  workdays: number | null;
}

/** How `delivery` of a deadline due on `dueDate` reads when it goes out at `now` (see `SentAs`). */
export function sentAs(delivery: PlannedReminder, row: Pick<ReminderPlanRow, 'type' | 'dueDate'>, calendar: BusinessCalendar, now: Date): SentAs {
  const on = shanghaiDate(now.toISOString());
  const late = on > delivery.date;
  const dueDate = row.dueDate ?? delivery.date;
  const overdue = row.type === 'due' && on > dueDate;
  const workdays = overdue
    ? orGap(() => calendar.workdaysBetween(dueDate, on))
    : on <= dueDate
      ? orGap(() => calendar.workdaysBetween(on, dueDate))
      : null;
  return { on, late, overdue, workdays };
}

/** Whether `delivery` has been superseded at `now` by a later delivery of the same plan. */
export function isSuperseded(row: ReminderPlanRow, delivery: PlannedReminder, calendar: BusinessCalendar, now: Date, p: EscalationPolicy = DAILY_ESCALATION): boolean {
  const { current } = deliveriesAt(row, calendar, now, p);
  return !!current && current.at > delivery.at;
}
