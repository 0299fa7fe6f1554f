import type { CalendarYearEntry } from './business-calendar';
import { formatDate, fromDayNumber, isoWeekday, parseDate, toDayNumber } from './calendar-date';

/** One reason a year's arrangement does not look like a State Council notice. */
export interface CalendarYearProblem {
  readonly zh: string;
  readonly en: string;
}

/**
 * Rest days on weekdays, less the make-up workdays, that a year's arrangement can plausibly give:
 * the statutory holidays (10 days before 2008, 11 from 2008, 13 from 2025) that fall on weekdays,
 * plus a few days moved by 调休 or an ad-hoc change (2004–2026: 9 to 13).
 */
export const PLAUSIBLE_NET_REST_DAYS = { min: 8, max: 16 } as const;

/**
 * Whether one year's arrangement is plausible before it is put into effect: every date valid and
 * in the year, none listed twice, none both a rest day and a make-up workday, New Year's Day a
 * rest day, every make-up workday (调休上班日) a Saturday or Sunday, and the weekend days of the
 * year accounted for — so that the year's working days are the weekdays less a plausible number of
 * holidays (`PLAUSIBLE_NET_REST_DAYS`). Returns the problems found (empty = plausible). Pure.
 */
export function calendarYearProblems(year: number, entry: CalendarYearEntry): CalendarYearProblem[] {
  const problems: CalendarYearProblem[] = [];
  const days = (dates: readonly string[], what: { zh: string; en: string }) => {
    const seen = new Set<number>();
    for (const date of dates) {
      let day: number;
      try {
        const parsed = parseDate(date);
        if (parsed.year !== year) {
          problems.push({ zh: `${what.zh}${date}不属于${year}年`, en: `${what.en} ${date} is not in ${year}` });
          continue;
        }
        day = toDayNumber(parsed);
      } catch {
        problems.push({ zh: `${what.zh}${String(date)}不是有效日期`, en: `${what.en} ${String(date)} is not a valid date` });
        continue;
      }
      if (seen.has(day)) problems.push({ zh: `${what.zh}${date}重复列出`, en: `${what.en} ${date} is listed twice` });
      seen.add(day);
    }
    return seen;
  };
  const holidays = days(entry.holidays ?? [], { zh: '放假日期', en: 'rest day' });
  const workdays = days(entry.workdays ?? [], { zh: '调休上班日期', en: 'make-up workday' });
  for (const day of workdays) {
    const date = formatDate(fromDayNumber(day));
    if (holidays.has(day)) problems.push({ zh: `${date}同时被列为放假日和调休上班日`, en: `${date} is listed both as a rest day and as a make-up workday` });
    if (isoWeekday(day) <= 5) problems.push({ zh: `调休上班日${date}不是周六或周日`, en: `make-up workday ${date} is not a Saturday or Sunday` });
  }
  if (!holidays.has(toDayNumber({ year, month: 1, day: 1 }))) {
    problems.push({ zh: `未将元旦（${year}-01-01）列为放假日`, en: `New Year's Day (${year}-01-01) is not listed as a rest day` });
  }
  // every weekend day is a rest day unless it is a make-up workday; what is left beyond the weekends
  // must be about the statutory holidays
  const weekdayRest = [...holidays].filter((d) => isoWeekday(d) <= 5).length;
  const madeUp = [...workdays].filter((d) => isoWeekday(d) > 5 && !holidays.has(d)).length;
  const net = weekdayRest - madeUp;
  if (net < PLAUSIBLE_NET_REST_DAYS.min || net > PLAUSIBLE_NET_REST_DAYS.max) {
    const first = toDayNumber({ year, month: 1, day: 1 });
    const last = toDayNumber({ year, month: 12, day: 31 });
    let weekdays = 0;
    for (let d = first; d <= last; d++) if (isoWeekday(d) <= 5) weekdays++;
    const working = weekdays - net;
    problems.push({
      zh:
        `按所列日期，${year}年在周一至周五放假${weekdayRest}天、调休上班${madeUp}天，全年工作日为${working}天；` +
        `法定节假日在工作日放假的天数扣除调休后一般为${PLAUSIBLE_NET_REST_DAYS.min}至${PLAUSIBLE_NET_REST_DAYS.max}天，请按国务院办公厅通知完整列出全部放假日期和调休上班日期`,
      en:
        `the listed dates give ${weekdayRest} rest day(s) on weekdays and ${madeUp} make-up workday(s), ${working} working days in ${year}; ` +
        `a State Council arrangement leaves ${PLAUSIBLE_NET_REST_DAYS.min}–${PLAUSIBLE_NET_REST_DAYS.max} weekday rest days net of make-up workdays: list every rest day and make-up workday of the notice`,
    });
  }
  return problems;
}
