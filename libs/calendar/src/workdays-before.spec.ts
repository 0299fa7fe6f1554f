import { BusinessCalendar, CalendarYearMissingError } from './index';

const sut = BusinessCalendar.fromChineseDays();

describe('BusinessCalendar.workdaysBefore', () => {
  it.each([
    // review due Fri 2020-10-16: 3 working days before is Tue 10-13 (Sat 10-10 is a make-up workday, not counted here)
    { date: '2020-10-16', n: 3, expected: '2020-10-13' },
    { date: '2020-10-16', n: 0, expected: '2020-10-16' },
    { date: '2020-10-16', n: 1, expected: '2020-10-15' },
    // Mon 10-12: the make-up Saturday 10-10 counts as a working day
    { date: '2020-10-12', n: 1, expected: '2020-10-10' },
    // across National Day: 10-09, 10-10 are workdays, 10-01 … 10-08 are not, Sun 09-27 is a make-up day
    { date: '2020-10-12', n: 3, expected: '2020-09-30' },
    { date: '2020-10-12', n: 6, expected: '2020-09-27' },
    // a due date on a rest day: counting starts from the day itself, not from a working day
    { date: '2020-10-11', n: 1, expected: '2020-10-10' },
    { date: '2020-10-04', n: 1, expected: '2020-09-30' },
    // Spring Festival 2021: Sun 02-07 is a make-up workday
    { date: '2021-02-18', n: 1, expected: '2021-02-10' },
    { date: '2021-02-18', n: 3, expected: '2021-02-08' },
    { date: '2021-02-18', n: 4, expected: '2021-02-07' },
  ])('workdaysBefore($date, $n) = $expected', ({ date, n, expected }) => {
    expect(sut.workdaysBefore(date, n)).toBe(expected);
  });

  it('is the inverse of addWorkdays when the start is a working day', () => {
    for (const from of ['2020-01-10', '2020-09-29', '2021-02-05']) {
      for (const n of [1, 3, 7, 20]) expect(sut.workdaysBefore(sut.addWorkdays(from, n), n)).toBe(from);
    }
  });

  it('refuses to count into a year without data', () => {
    expect(() => sut.workdaysBefore('2004-01-05', 5)).toThrow(CalendarYearMissingError);
  });

  it.each([-1, 0.5, Number.NaN])('rejects a day count of %p', (n) => {
    expect(() => sut.workdaysBefore('2020-10-16', n)).toThrow(RangeError);
  });
});
