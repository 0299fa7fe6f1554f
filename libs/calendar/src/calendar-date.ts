import { InvalidDateError } from './calendar.errors';

/**
 * `YYYY-MM-DD` dates as whole days counted from 1970-01-01 (day 0). Plain integer arithmetic
 * (proleptic Gregorian calendar), no `Date`: the result cannot depend on the process time zone.
 * Algorithms: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses a `YYYY-MM-DD` string; throws `InvalidDateError` for anything else (including 2021-02-29). */
export function parseDate(value: string): CivilDate {
  const match = typeof value === 'string' ? DATE_PATTERN.exec(value) : null;
  if (!match) throw new InvalidDateError(value);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new InvalidDateError(value);
  }
  return { year, month, day };
}

/** Formats a civil date as `YYYY-MM-DD`. */
export function formatDate({ year, month, day }: CivilDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function toDayNumber({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12; // March = 0, so the leap day is the last day of the "year"
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * The day `n` years after `date`: the corresponding day of the last year, or, when that year has
 * no such day (29 February), the last day of that month (CC Art. 202). `n` may be negative.
 */
export function addYearsToDate(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`expected a whole number of years, got ${n}`);
  const { year, month, day } = parseDate(date);
  const target = year + n;
  if (target < 1 || target > 9999) throw new RangeError(`${date} + ${n} years is outside years 1–9999`);
  return formatDate({ year: target, month, day: Math.min(day, daysInMonth(target, month)) });
}

/** ISO weekday: 1 = Monday … 7 = Sunday. Day 0 (1970-01-01) was a Thursday. */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}
