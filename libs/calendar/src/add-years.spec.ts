import { addYearsToDate, BusinessCalendar, CalendarYearMissingError, InvalidDateError, UpdatableBusinessCalendar } from './index';

const sut = BusinessCalendar.fromChineseDays();

describe('periods in years (CC Arts. 200–203)', () => {
  it.each([
    // corresponding day of the last year (Art. 202)
    ['2020-05-22', 5, '2025-05-22'],
    ['2023-12-31', 1, '2024-12-31'],
    // no 29 February in the last year: the last day of that month
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2024-02-29', 100, '2124-02-29'],
    ['2100-02-28', 0, '2100-02-28'],
    ['2026-03-01', -2, '2024-03-01'],
  ])('addYearsToDate(%s, %i) = %s', (from, n, expected) => {
    expect(addYearsToDate(from, n)).toBe(expected);
  });

  it('refuses a date that is not a calendar date, or years out of range', () => {
    expect(() => addYearsToDate('2023-02-29', 1)).toThrow(InvalidDateError);
    expect(() => addYearsToDate('2023-01-01', 1.5)).toThrow(RangeError);
    expect(() => addYearsToDate('9999-01-01', 1)).toThrow(RangeError);
  });

  it.each([
    // start day excluded (Art. 201): a 5-year period counted from 2020-05-22 ends on 2025-05-22
    { from: '2020-05-22', n: 5, counted: false, expected: '2025-05-22' },
    // a validity whose first day is 2020-05-22: its last day is 2025-05-21
    { from: '2020-05-22', n: 5, counted: true, expected: '2025-05-21' },
    { from: '2020-01-01', n: 2, counted: true, expected: '2021-12-31' },
    // first day 1 March of a leap year: the day before is 29 February, whose corresponding day is 28 February
    { from: '2024-03-01', n: 1, counted: true, expected: '2025-02-28' },
    // first day 29 February: the day before is 28 February, so the period runs to 28 February
    { from: '2024-02-29', n: 2, counted: true, expected: '2026-02-28' },
    { from: '2024-02-28', n: 2, counted: true, expected: '2026-02-27' },
    { from: '2024-02-29', n: 2, counted: false, expected: '2026-02-28' },
    { from: '2020-05-22', n: 0, counted: false, expected: '2020-05-22' },
  ])('addYears($from, $n, startDayCounted=$counted) = $expected', ({ from, n, counted, expected }) => {
    expect(sut.addYears(from, n, { rollToWorkday: false, startDayCounted: counted })).toBe(expected);
  });

  it('without rolling reads no holiday data (years far beyond the data are fine)', () => {
    expect(sut.addYears('2026-05-01', 5, { rollToWorkday: false })).toBe('2031-05-01');
  });

  it('rolls a last day on a rest day to the next working day (Art. 203), and refuses to guess an uncovered year', () => {
    // 2021-10-01 (National Day) + 1 year = 2022-10-01, a holiday until 10-07; 10-08 and 10-09 are make-up workdays
    expect(sut.addYears('2021-10-01', 1, { rollToWorkday: true })).toBe('2022-10-08');
    expect(sut.addYears('2021-10-01', 1, { rollToWorkday: false })).toBe('2022-10-01');
    expect(() => sut.addYears('2026-05-01', 2, { rollToWorkday: true })).toThrow(CalendarYearMissingError);
  });

  it('refuses a negative or fractional number of years', () => {
    expect(() => sut.addYears('2020-01-01', -1, { rollToWorkday: false })).toThrow(RangeError);
    expect(() => sut.addYears('2020-01-01', 0.5, { rollToWorkday: false })).toThrow(RangeError);
  });

  it('the updatable calendar answers the same', () => {
    const u = new UpdatableBusinessCalendar(sut);
    expect(u.addYears('2020-05-22', 5, { rollToWorkday: false, startDayCounted: true })).toBe('2025-05-21');
  });
});
