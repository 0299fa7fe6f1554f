import { BusinessCalendar, CalendarYearMissingError, InvalidDateError } from '@app/calendar';
import { FactDeclaration, shanghaiDate } from '@app/engine';
import { DocketError } from './runtime.errors';

function get(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

/** A date-only value stays as it is; an instant becomes its Asia/Shanghai date. */
function toDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  if (Number.isNaN(Date.parse(value))) return undefined;
  return shanghaiDate(new Date(value).toISOString());
}

/**
 * Computes the facts an event declares (working-day and calendar-day periods) with the business
 * calendar, before the event reaches the machine. A period that touches a year without holiday
 * data is refused (CALENDAR_YEAR_MISSING), never guessed.
 */
export function resolveFacts(
  decls: Record<string, FactDeclaration> | undefined,
  payload: unknown,
  today: string,
  calendar: BusinessCalendar,
  params: Record<string, number>,
): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  if (!decls) return facts;
  for (const [name, d] of Object.entries(decls)) {
    const from = d.from === 'today' ? today : toDate(get(payload, d.from.payload));
    if (!from) continue; // the payload check reports the missing field
    const days = params[d.days.key] ?? d.days.default;
    try {
      facts[name] =
        d.kind === 'workdaysAfter'
          ? calendar.addWorkdays(from, days)
          : calendar.addCalendarDays(from, days, { rollToWorkday: d.rollToWorkday });
    } catch (e) {
      if (e instanceof CalendarYearMissingError) {
        throw new DocketError(422, e.code, e.zh, e.en, 'SPEC §8', { year: e.year, fact: name });
      }
      if (e instanceof InvalidDateError) {
        throw new DocketError(400, e.code, e.zh, e.en, undefined, { fact: name });
      }
      throw e;
    }
  }
  return facts;
}
