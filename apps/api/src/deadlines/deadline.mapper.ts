import type { BusinessCalendar } from '@app/calendar';
import { CalendarYearMissingError } from '@app/calendar';
import { articleZh } from '@app/engine';
import type { DeadlineEntity } from '@app/persistence';

/**
 * The statutory clock of an open `due` deadline in working days against `today`: positive = working
 * days left (the due date counted, today not), 0 = due today, negative = working days overdue.
 * null when the deadline is closed, is a minimum period (its end is not a time limit: nothing can be
 * late), has no due date, or a year it spans has no calendar yet.
 */
export function workingDaysLeft(d: Pick<DeadlineEntity, 'status' | 'dueDate' | 'type'>, today: string, calendar: BusinessCalendar): number | null {
  if (d.status !== 'open' || d.type !== 'due' || !d.dueDate) return null;
  try {
    if (d.dueDate >= today) return calendar.workdaysBetween(today, d.dueDate);
    return -calendar.workdaysBetween(d.dueDate, today);
  } catch (e) {
    if (e instanceof CalendarYearMissingError) return null;
    throw e;
  }
}

/** A deadline as clients see it; `overdue` is computed against the server's today (Asia/Shanghai). */
export function toDeadlineResponse(d: DeadlineEntity, today: string, calendar?: BusinessCalendar) {
  return {
    id: d.id,
    caseId: d.caseId,
    key: d.key,
    label: { zh: d.labelZh, en: d.labelEn },
    article: d.article,
    articleZh: articleZh(d.article),
    type: d.type,
    unit: d.unit,
    length: d.length,
    startsOn: d.startsOn,
    dueDate: d.dueDate,
    status: d.status,
    overdue: d.status === 'open' && d.type === 'due' && d.dueDate !== null && d.dueDate < today,
    /** working days left (negative: overdue by that many), as the console shows 剩余/超期 N 个工作日 */
    workingDaysLeft: calendar ? workingDaysLeft(d, today, calendar) : null,
    responsible: JSON.parse(d.responsible),
    supervisor: JSON.parse(d.supervisor),
    reminders: JSON.parse(d.reminders),
    escalate: !!d.escalate,
    openedAt: d.openedAt,
    closedAt: d.closedAt,
  };
}
