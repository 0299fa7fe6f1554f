/**
 * A computation needed the holiday arrangement of a year the calendar has no data for.
 * The arrangement (including make-up workdays) is published every year by the General Office
 * of the State Council (SPEC §8.2), so a plain Mon–Fri guess would be wrong around holidays.
 */
export class CalendarYearMissingError extends Error {
  readonly code = 'CALENDAR_YEAR_MISSING';
  readonly zh: string;
  readonly en: string;

  constructor(readonly year: number) {
    const en =
      `No holiday arrangement data for ${year}: cannot compute a working-day period. ` +
      `An administrator must import the ${year} holiday arrangement published by the General Office of the State Council.`;
    super(en);
    this.name = 'CalendarYearMissingError';
    this.en = en;
    this.zh = `缺少${year}年节假日安排数据，无法计算工作日期限；请管理员导入国务院办公厅公布的该年度节假日安排`;
  }
}

/** A date argument or a date in calendar data is not a valid `YYYY-MM-DD` Gregorian date. */
export class InvalidDateError extends Error {
  readonly code = 'INVALID_DATE';
  readonly zh: string;
  readonly en: string;

  constructor(readonly value: unknown) {
    const shown = typeof value === 'string' ? `"${value}"` : String(value);
    const en = `Invalid date ${shown}: expected a calendar date written YYYY-MM-DD.`;
    super(en);
    this.name = 'InvalidDateError';
    this.en = en;
    this.zh = `日期${shown}无效：应为YYYY-MM-DD格式的公历日期`;
  }
}

/**
 * Holiday data that contradicts itself or its year key, rejected when a calendar is built, so a
 * bad import fails at load time and not in the middle of a deadline computation.
 */
export class CalendarDataError extends Error {
  readonly code = 'CALENDAR_DATA_INVALID';
  readonly zh: string;
  readonly en: string;

  constructor(
    readonly year: number,
    reason: { zh: string; en: string },
  ) {
    const en = `Invalid holiday arrangement data for ${year}: ${reason.en}`;
    super(en);
    this.name = 'CalendarDataError';
    this.en = en;
    this.zh = `${year}年节假日安排数据无效：${reason.zh}`;
  }
}

/**
 * Holiday data that is well formed but does not look like a State Council arrangement (a date
 * listed twice, a make-up workday on a weekday, New Year's Day missing, far too few or too many
 * rest days), refused when an administrator loads it.
 */
export class CalendarDataImplausibleError extends Error {
  readonly code = 'CALENDAR_DATA_IMPLAUSIBLE';
  readonly zh: string;
  readonly en: string;

  constructor(
    readonly year: number,
    readonly problems: readonly { zh: string; en: string }[],
  ) {
    const en = `The holiday arrangement for ${year} is not plausible: ${problems.map((p) => p.en).join('; ')}.`;
    super(en);
    this.name = 'CalendarDataImplausibleError';
    this.en = en;
    this.zh = `${year}年节假日安排数据不合理，未导入：${problems.map((p) => p.zh).join('；')}。请核对国务院办公厅通知后重新提交`;
  }
}
