import { BusinessCalendar } from './business-calendar';
import { formatDate, fromDayNumber, parseDate, toDayNumber } from './calendar-date';

const shift = (date: string, n: number) => formatDate(fromDayNumber(toDayNumber(parseDate(date)) + n));

/**
 * Counting in calendar days, every day a working day: the stated conservative basis on which
 * reminders and escalations go on while a year they need has no holiday data (never a Mon–Fri
 * guess passed off as working days). Pure, needs no data.
 */
class CalendarDaysBasis extends BusinessCalendar {
  constructor() {
    super({ years: {} });
  }

  override coveredYears(): number[] {
    return [];
  }

  override isWorkday(date: string): boolean {
    parseDate(date);
    return true;
  }

  override isRestDay(date: string): boolean {
    return !this.isWorkday(date);
  }

  override nextWorkday(date: string): string {
    return shift(date, 1);
  }

  override addWorkdays(from: string, n: number): string {
    return shift(from, n);
  }

  override workdaysBefore(date: string, n: number): string {
    return shift(date, -n);
  }

  override addCalendarDays(from: string, n: number): string {
    return shift(from, n);
  }

  override workdaysBetween(fromExclusive: string, toInclusive: string): number {
    const n = toDayNumber(parseDate(toInclusive)) - toDayNumber(parseDate(fromExclusive));
    if (n < 0) throw new RangeError(`workdaysBetween: ${toInclusive} is before ${fromExclusive}`);
    return n;
  }
}

export const CALENDAR_DAYS: BusinessCalendar = new CalendarDaysBasis();
