import { BusinessCalendar, CalendarYearMissingError } from '@app/calendar';
import { type DeadlineDeclaration, shanghaiDate, type WorkflowDefinition } from '@app/engine';
import type { DeadlineChanges, DeadlineEntity } from '@app/persistence';
import { DeadlineEntity as DeadlineRow } from '@app/persistence';
import { randomUUID } from 'crypto';

export interface DeadlinePlanInput {
  def: WorkflowDefinition;
  caseId: string;
  /** active state paths before and after the event ([] before creation) */
  prevPaths: string[];
  nextPaths: string[];
  context: unknown;
  /** the history seq and type of the event */
  seq: number;
  eventType: string;
  /** the validated payload of the event (read for a declaration's `metBy` date) */
  payload?: unknown;
  at: string;
  today: string;
  orgUnits: string;
  /** the case's rows that are still running (open or calendar-missing) */
  running: DeadlineEntity[];
  calendar: BusinessCalendar;
  params: Record<string, number>;
}

const activeIn = (d: DeadlineDeclaration, paths: string[]) => d.states.some((s) => paths.includes(s));

/**
 * The day that decides whether a closing deadline was met: the legal date the closing event
 * records (`metBy`, e.g. the day of filing) when it carries one, else the day of the event.
 */
export function decidingDay(d: DeadlineDeclaration, payload: unknown, today: string): string {
  if (!d.metBy) return today;
  let v: unknown = payload;
  for (const k of d.metBy.payload.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  if (typeof v !== 'string') return today;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const t = Date.parse(v);
  return Number.isNaN(t) ? today : shanghaiDate(new Date(t).toISOString());
}

/**
 * The due date of a declaration entered today: the date the case carries (e.g. the requested
 * completion date), else `length` counted from today with the calendar. Null when the period
 * touches a year the holiday data does not cover (the row is then kept as calendar-missing).
 *
 * `days` is the period the row runs, as it is shown beside its due date: the configured length
 * when the due date is counted from it, the days from today to the case's own date when the case
 * carries one (a review requested within 5 working days runs 5, not the 15 configured as its
 * maximum). The configured length stays when that count needs a year the calendar lacks.
 */
export function dueDateOf(d: DeadlineDeclaration, context: unknown, today: string, calendar: BusinessCalendar, params: Record<string, number>) {
  const days = params[d.length.key] ?? d.length.default;
  const own = d.dueDate?.(context);
  if (own && /^\d{4}-\d{2}-\d{2}$/.test(own)) return { dueDate: own, days: periodTo(d, today, own, calendar) ?? days };
  try {
    const dueDate =
      d.unit === 'workdays' ? calendar.addWorkdays(today, days) : calendar.addCalendarDays(today, days, { rollToWorkday: !!d.rollToWorkday });
    return { dueDate, days };
  } catch (e) {
    if (e instanceof CalendarYearMissingError) return { dueDate: null, days };
    throw e;
  }
}

/** The days from `today` (excluded) to `due` (included) in the declaration's unit; null when not countable. */
function periodTo(d: DeadlineDeclaration, today: string, due: string, calendar: BusinessCalendar): number | null {
  if (due < today) return null;
  if (d.unit !== 'workdays') return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  try {
    return calendar.workdaysBetween(today, due);
  } catch (e) {
    if (e instanceof CalendarYearMissingError) return null;
    throw e;
  }
}

/**
 * Whether the reminders or the first escalation of a deadline due on `dueDate` need a year without
 * holiday data (e.g. a requested completion date in a year not yet loaded): the row is then kept as
 * calendar-missing, with its due date, and the admins are told.
 */
function planNeedsMissingYear(d: DeadlineDeclaration, dueDate: string, calendar: BusinessCalendar): boolean {
  try {
    for (const n of d.reminders ?? []) if (n > 0) calendar.workdaysBefore(dueDate, n);
    if (d.type === 'due' && d.escalate) calendar.addWorkdays(dueDate, 1);
    return false;
  } catch (e) {
    if (e instanceof CalendarYearMissingError) return true;
    throw e;
  }
}

/**
 * The deadline rows one accepted event opens and closes: a declaration opens when one of its
 * states becomes active and closes when none is any longer. A closed `due` deadline is met when
 * it was left on or before its due date, missed after it; a `minimum` one is met (the guards
 * enforce it) unless the case left before the date (cancelled).
 */
export function planDeadlines(i: DeadlinePlanInput): DeadlineChanges {
  const changes: DeadlineChanges = { open: [], close: [] };
  for (const d of i.def.deadlines ?? []) {
    const was = activeIn(d, i.prevPaths);
    const is = activeIn(d, i.nextPaths);
    if (was && !is) {
      const row = i.running.find((r) => r.key === d.key);
      if (!row) continue;
      const status = d.restartOn?.includes(i.eventType)
        ? 'restarted'
        : d.cancelOn?.includes(i.eventType)
          ? 'cancelled'
          : d.metOn?.includes(i.eventType)
          ? 'met'
          : row.dueDate === null
          ? 'cancelled'
          : d.type === 'minimum'
            ? i.today >= row.dueDate ? 'met' : 'cancelled'
            : decidingDay(d, i.payload, i.today) <= row.dueDate ? 'met' : 'missed';
      changes.close.push({ key: d.key, status, closedAt: i.at, closedSeq: i.seq });
    }
    if (!was && is) {
      const { dueDate, days } = dueDateOf(d, i.context, i.today, i.calendar, i.params);
      changes.open.push(
        Object.assign(new DeadlineRow(), {
          id: randomUUID(),
          caseId: i.caseId,
          key: d.key,
          workflowKind: i.def.kind,
          workflowVersion: i.def.version,
          labelZh: d.label.zh,
          labelEn: d.label.en,
          article: d.article,
          type: d.type,
          unit: d.unit,
          length: days,
          startsOn: i.today,
          dueDate,
          status: dueDate === null || planNeedsMissingYear(d, dueDate, i.calendar) ? 'calendar-missing' : 'open',
          responsible: JSON.stringify(d.responsible),
          supervisor: JSON.stringify(d.supervisor),
          reminders: JSON.stringify(d.reminders),
          escalate: d.escalate,
          orgUnits: i.orgUnits,
          openedAt: i.at,
          openedSeq: i.seq,
          closedAt: null,
          closedSeq: null,
        } satisfies DeadlineEntity),
      );
    }
  }
  return changes;
}
