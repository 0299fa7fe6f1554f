import { AddCalendarDaysOptions, AddYearsOptions, BusinessCalendar, CalendarYearEntry } from './business-calendar';

/**
 * A business calendar whose holiday data can be replaced while the process runs: a new year's
 * arrangement loaded by an administrator takes effect for every holder of the calendar (the
 * runtime, the deadline views, the reminders) without a restart. Each computation reads one
 * immutable `BusinessCalendar` snapshot, so a replacement never mixes two data sets.
 *
 * Pure apart from that reference: no clock, no I/O.
 */
export class UpdatableBusinessCalendar extends BusinessCalendar {
  private current: BusinessCalendar;

  constructor(initial: BusinessCalendar) {
    // The inherited data stays empty: every public method reads `current` instead.
    super({ years: {} });
    this.current = initial;
  }

  /** The calendar in effect now (immutable). */
  snapshot(): BusinessCalendar {
    return this.current;
  }

  /** Adds or replaces one year's arrangement. @throws CalendarDataError / InvalidDateError, leaving the calendar as it was. */
  loadYear(year: number, entry: CalendarYearEntry): void {
    this.current = this.current.withYear(year, entry);
  }

  override withYear(year: number, entry: CalendarYearEntry): BusinessCalendar {
    return this.current.withYear(year, entry);
  }

  override coveredYears(): number[] {
    return this.current.coveredYears();
  }

  override sourceOf(year: number): string | undefined {
    return this.current.sourceOf(year);
  }

  override isWorkday(date: string): boolean {
    return this.current.isWorkday(date);
  }

  override isRestDay(date: string): boolean {
    return this.current.isRestDay(date);
  }

  override nextWorkday(date: string): string {
    return this.current.nextWorkday(date);
  }

  override addWorkdays(from: string, n: number): string {
    return this.current.addWorkdays(from, n);
  }

  override workdaysBefore(date: string, n: number): string {
    return this.current.workdaysBefore(date, n);
  }

  override addCalendarDays(from: string, n: number, options: AddCalendarDaysOptions): string {
    return this.current.addCalendarDays(from, n, options);
  }

  override addYears(from: string, n: number, options: AddYearsOptions): string {
    return this.current.addYears(from, n, options);
  }

  override workdaysBetween(fromExclusive: string, toInclusive: string): number {
    return this.current.workdaysBetween(fromExclusive, toInclusive);
  }
}
