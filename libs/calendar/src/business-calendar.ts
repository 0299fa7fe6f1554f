import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { version as chineseDaysVersion } from 'chinese-days/package.json';
import { addYearsToDate, formatDate, fromDayNumber, isoWeekday, parseDate, toDayNumber } from './calendar-date';
import { CalendarDataError, CalendarYearMissingError } from './calendar.errors';

/**
 * One year's holiday arrangement as published by the General Office of the State Council
 * (《国务院办公厅关于YYYY年部分节假日安排的通知》), including later ad-hoc changes (SPEC §8.2).
 */
export interface CalendarYearEntry {
  /** Statutory rest days of the arrangement (`YYYY-MM-DD`); weekend days inside a holiday block may be listed too. */
  readonly holidays: readonly string[];
  /** Make-up workdays (调休上班日): working days even on a Saturday or Sunday. */
  readonly workdays: readonly string[];
  /** Where the entry comes from (a notice number, URL or data package), kept for provenance. */
  readonly source?: string;
}

/** Holiday arrangements keyed by year. A year without an entry is not covered: computations touching it throw. */
export interface CalendarData {
  readonly years: Readonly<Record<number, CalendarYearEntry>>;
}

export interface AddCalendarDaysOptions {
  /** A period whose last day is a rest day ends on the next working day instead (CC Art. 203). */
  rollToWorkday: boolean;
}

export interface AddYearsOptions {
  /** A period whose last day is a rest day ends on the next working day instead (CC Art. 203). */
  rollToWorkday: boolean;
  /**
   * The period's first day is `from` itself (e.g. a validity that runs from the first day in force),
   * rather than the day after (CC Art. 201): the last day is then one day earlier.
   */
  startDayCounted?: boolean;
}

/** Shape of `chinese-days/dist/chinese-days.json`; the values ("English,中文,days") are not needed. */
interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

interface YearIndex {
  entry: CalendarYearEntry;
  holidays: ReadonlySet<number>;
  workdays: ReadonlySet<number>;
}

/**
 * The business calendar: which days are working days (工作日) under the published holiday
 * arrangements, and deadline arithmetic on top of it (SPEC §8.1).
 *
 * Pure and immutable: dates in, dates out. No clock, no I/O, no time zone: dates are `YYYY-MM-DD`
 * strings and all arithmetic is on whole days. Every method that needs to know whether a day is a
 * working day throws `CalendarYearMissingError` when that day's year has no data, rather than
 * guessing Mon–Fri; malformed dates throw `InvalidDateError`.
 */
export class BusinessCalendar {
  private readonly years: ReadonlyMap<number, YearIndex>;

  /** @throws CalendarDataError / InvalidDateError when the data is malformed or contradicts itself. */
  constructor(data: CalendarData) {
    const years = new Map<number, YearIndex>();
    for (const [key, entry] of Object.entries(data.years)) {
      const year = Number(key);
      years.set(year, indexYear(year, entry));
    }
    this.years = years;
  }

  /**
   * The calendar from the data bundled with the `chinese-days` package (2004–2026 in 1.5.7). Only
   * its JSON data is used: its date functions guess Mon–Fri for years without data and shift dates
   * by one day west of UTC (SPEC §8.4).
   */
  static fromChineseDays(): BusinessCalendar {
    const raw = chineseDaysData as ChineseDaysJson;
    const source = chineseDaysVersion ? `chinese-days@${chineseDaysVersion}` : 'chinese-days';
    const years: Record<number, { holidays: string[]; workdays: string[]; source: string }> = {};
    const yearOf = (date: string) => {
      const year = Number(date.slice(0, 4));
      return (years[year] ??= { holidays: [], workdays: [], source });
    };
    for (const date of Object.keys(raw.holidays)) yearOf(date).holidays.push(date);
    for (const date of Object.keys(raw.workdays)) yearOf(date).workdays.push(date);
    return new BusinessCalendar({ years });
  }

  /**
   * A new calendar with `year` added, or replaced when already present (e.g. a newly published
   * State Council notice, or an ad-hoc change such as the 2020 Spring Festival extension).
   * This calendar is not changed.
   */
  withYear(year: number, entry: CalendarYearEntry): BusinessCalendar {
    const years: Record<number, CalendarYearEntry> = {};
    for (const [y, index] of this.years) years[y] = index.entry;
    years[year] = entry;
    return new BusinessCalendar({ years });
  }

  /** The years with holiday data, ascending. */
  coveredYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  /** The provenance recorded for `year`, or undefined when not recorded or the year is not covered. */
  sourceOf(year: number): string | undefined {
    return this.years.get(year)?.entry.source;
  }

  /**
   * True when `date` is a working day: Mon–Fri and not a rest day of the holiday arrangement, or a
   * make-up workday (调休上班日) on any weekday (SPEC §8.1, engine policy).
   */
  isWorkday(date: string): boolean {
    return this.isWorkdayNumber(toDayNumber(parseDate(date)));
  }

  /** True when `date` is not a working day (weekend or statutory rest day, 法定休假日). */
  isRestDay(date: string): boolean {
    return !this.isWorkday(date);
  }

  /** The first working day strictly after `date`. */
  nextWorkday(date: string): string {
    return this.addWorkdays(date, 1);
  }

  /**
   * The `n`-th working day after `from`: `from` itself is not counted (CC Art. 201), day 1 is the
   * first working day after it (SPEC §8.1 "N个工作日"). The period ends at the end of that day.
   * `n = 0` returns `from`.
   */
  addWorkdays(from: string, n: number): string {
    assertCount(n);
    let day = toDayNumber(parseDate(from));
    for (let counted = 0; counted < n; ) {
      day += 1;
      if (this.isWorkdayNumber(day)) counted += 1;
    }
    return formatDate(fromDayNumber(day));
  }

  /**
   * `from` plus `n` calendar days, `from` not counted (CC Art. 201). With `rollToWorkday`, a last
   * day that is a rest day moves to the next working day (CC Art. 203; CPL Art. 85 ¶3).
   * Without rolling no holiday data is read, so no year needs to be covered.
   */
  addCalendarDays(from: string, n: number, options: AddCalendarDaysOptions): string {
    assertCount(n);
    let day = toDayNumber(parseDate(from)) + n;
    if (options.rollToWorkday) {
      while (!this.isWorkdayNumber(day)) day += 1;
    }
    return formatDate(fromDayNumber(day));
  }

  /**
   * The last day of a period of `n` years counted from `from` (CC Arts. 200–202): `from` itself is
   * not counted, the period ends on the corresponding day `n` years later, or on the last day of
   * that month when it has no such day (29 February → 28 February). With `startDayCounted` the
   * period begins on `from` (2020-05-22 + 5 years → 2025-05-21). With `rollToWorkday`, a last day
   * that is a rest day moves to the next working day (CC Art. 203); without it no holiday data is
   * read, so no year needs to be covered.
   */
  addYears(from: string, n: number, options: AddYearsOptions): string {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`expected a whole number of years >= 0, got ${n}`);
    const start = options.startDayCounted ? formatDate(fromDayNumber(toDayNumber(parseDate(from)) - 1)) : from;
    let day = toDayNumber(parseDate(addYearsToDate(start, n)));
    if (options.rollToWorkday) {
      while (!this.isWorkdayNumber(day)) day += 1;
    }
    return formatDate(fromDayNumber(day));
  }

  /**
   * The `n`-th working day before `date`: `date` itself is not counted, day 1 is the last working
   * day before it (e.g. "3 working days before the due date" for a reminder). `n = 0` returns `date`.
   */
  workdaysBefore(date: string, n: number): string {
    assertCount(n);
    let day = toDayNumber(parseDate(date));
    for (let counted = 0; counted < n; ) {
      day -= 1;
      if (this.isWorkdayNumber(day)) counted += 1;
    }
    return formatDate(fromDayNumber(day));
  }

  /**
   * The number of working days `d` with `fromExclusive < d <= toInclusive` (0 when the dates are
   * equal), so that `addWorkdays(from, workdaysBetween(from, to)) <= to`.
   * @throws RangeError when `toInclusive` is before `fromExclusive`.
   */
  workdaysBetween(fromExclusive: string, toInclusive: string): number {
    const start = toDayNumber(parseDate(fromExclusive));
    const end = toDayNumber(parseDate(toInclusive));
    if (end < start) {
      throw new RangeError(`workdaysBetween: ${toInclusive} is before ${fromExclusive}`);
    }
    let count = 0;
    for (let day = start + 1; day <= end; day += 1) {
      if (this.isWorkdayNumber(day)) count += 1;
    }
    return count;
  }

  private isWorkdayNumber(day: number): boolean {
    const { year } = fromDayNumber(day);
    const index = this.years.get(year);
    if (!index) throw new CalendarYearMissingError(year);
    if (index.workdays.has(day)) return true;
    if (index.holidays.has(day)) return false;
    return isoWeekday(day) <= 5;
  }
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`expected a whole number of days >= 0, got ${n}`);
  }
}

function indexYear(year: number, entry: CalendarYearEntry): YearIndex {
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new CalendarDataError(year, { zh: '年份无效', en: 'the year is not a valid year number' });
  }
  if (!entry || !Array.isArray(entry.holidays) || !Array.isArray(entry.workdays)) {
    throw new CalendarDataError(year, {
      zh: '应包含放假日期（holidays）和调休上班日期（workdays）列表',
      en: 'expected lists of holidays and workdays',
    });
  }
  // Every arrangement has at least New Year's Day; an empty entry would silently mean Mon–Fri.
  if (entry.holidays.length === 0) {
    throw new CalendarDataError(year, { zh: '未列出任何放假日期', en: 'no rest days listed' });
  }
  const toDays = (dates: readonly string[]) =>
    new Set(
      dates.map((date) => {
        const parsed = parseDate(date);
        if (parsed.year !== year) {
          throw new CalendarDataError(year, {
            zh: `日期${date}不属于该年度`,
            en: `${date} is not in that year`,
          });
        }
        return toDayNumber(parsed);
      }),
    );
  const holidays = toDays(entry.holidays);
  const workdays = toDays(entry.workdays);
  for (const day of workdays) {
    if (holidays.has(day)) {
      const date = formatDate(fromDayNumber(day));
      throw new CalendarDataError(year, {
        zh: `${date}同时被列为放假日和调休上班日`,
        en: `${date} is listed both as a rest day and as a make-up workday`,
      });
    }
  }
  const copy: CalendarYearEntry = Object.freeze({
    holidays: Object.freeze([...entry.holidays]),
    workdays: Object.freeze([...entry.workdays]),
    ...(entry.source !== undefined ? { source: entry.source } : {}),
  });
  return { entry: copy, holidays, workdays };
}
