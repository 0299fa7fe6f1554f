import { BusinessCalendar, CalendarDataError, CalendarYearMissingError, UpdatableBusinessCalendar } from './index';

const YEAR_2027 = { holidays: ['2027-01-01'], workdays: [], source: 'https://www.gov.cn/example-2027-notice' };

describe('UpdatableBusinessCalendar', () => {
  it('delegates every public method of BusinessCalendar (none reads the empty inherited data)', () => {
    const own = Object.getOwnPropertyNames(BusinessCalendar.prototype).filter((m) => m !== 'constructor' && !m.startsWith('isWorkdayNumber'));
    const overridden = Object.getOwnPropertyNames(UpdatableBusinessCalendar.prototype);
    expect(own.filter((m) => !overridden.includes(m))).toEqual([]);
  });

  it('answers like the calendar it holds, and takes a newly loaded year at once', () => {
    const sut = new UpdatableBusinessCalendar(BusinessCalendar.fromChineseDays());
    expect(sut.addWorkdays('2020-09-29', 7)).toBe('2020-10-15');
    expect(sut.workdaysBefore('2020-10-16', 3)).toBe('2020-10-13');
    expect(() => sut.addWorkdays('2026-12-28', 7)).toThrow(CalendarYearMissingError);
    const before = sut.snapshot();
    sut.loadYear(2027, YEAR_2027);
    expect(sut.addWorkdays('2026-12-28', 7)).toBe('2027-01-07');
    expect(sut.coveredYears().at(-1)).toBe(2027);
    expect(sut.sourceOf(2027)).toBe(YEAR_2027.source);
    // the previous snapshot is unchanged
    expect(() => before.addWorkdays('2026-12-28', 7)).toThrow(CalendarYearMissingError);
  });

  it('keeps its data when a year is refused', () => {
    const sut = new UpdatableBusinessCalendar(BusinessCalendar.fromChineseDays());
    expect(() => sut.loadYear(2027, { holidays: ['2028-01-01'], workdays: [] })).toThrow(CalendarDataError);
    expect(() => sut.isWorkday('2027-01-04')).toThrow(CalendarYearMissingError);
  });
});
