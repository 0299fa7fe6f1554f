import {
  BusinessCalendar,
  CalendarDataError,
  CalendarYearEntry,
  CalendarYearMissingError,
  InvalidDateError,
} from './index';

const sut = BusinessCalendar.fromChineseDays();

// A made-up 2027 arrangement for the "load a new year" tests; not the official notice.
const FIXTURE_2027: CalendarYearEntry = {
  holidays: ['2027-01-01'],
  workdays: [],
  source: 'test fixture',
};

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('BusinessCalendar (chinese-days data)', () => {
  describe('SPEC §8.3 worked examples', () => {
    it.each([
      // legality review sent Tue 2020-09-29: 09-30, 10-09, Sat 10-10 (make-up), 10-12 … 10-15
      { from: '2020-09-29', n: 7, expected: '2020-10-15' },
      // Spring Festival 2021: Sun 02-07 and Sat 02-20 are make-up workdays
      { from: '2021-02-05', n: 7, expected: '2021-02-20' },
    ])('addWorkdays($from, $n) = $expected', ({ from, n, expected }) => {
      expect(sut.addWorkdays(from, n)).toBe(expected);
    });

    it.each([
      // nominal end 10-01 is National Day; rolls past the holiday to Fri 10-09 (CC Art. 203)
      { from: '2020-09-01', n: 30, roll: true, expected: '2020-10-09' },
      { from: '2020-09-01', n: 30, roll: false, expected: '2020-10-01' },
      // comment period published 2020-09-28 ends on a working day: no roll
      { from: '2020-09-28', n: 30, roll: true, expected: '2020-10-28' },
      { from: '2020-09-28', n: 30, roll: false, expected: '2020-10-28' },
    ])('addCalendarDays($from, $n, roll=$roll) = $expected', ({ from, n, roll, expected }) => {
      expect(sut.addCalendarDays(from, n, { rollToWorkday: roll })).toBe(expected);
    });

    it('the earliest collective discussion after a 7-working-day minimum is the next working day', () => {
      expect(sut.nextWorkday(sut.addWorkdays('2020-09-29', 7))).toBe('2020-10-16');
    });
  });

  describe('day status', () => {
    it.each([
      // 2020 Spring Festival, extended to 02-02 (gov.cn 2020-01-27), which cancelled Sat 02-01's make-up day
      { date: '2020-01-19', workday: true, why: 'Sun make-up workday' },
      { date: '2020-01-24', workday: false, why: 'Spring Festival' },
      { date: '2020-01-31', workday: false, why: 'Spring Festival (extension)' },
      { date: '2020-02-01', workday: false, why: 'Sat, make-up day cancelled by the extension' },
      { date: '2020-02-02', workday: false, why: 'Sun, end of the extension' },
      { date: '2020-02-03', workday: true, why: 'first day back' },
      { date: '2020-09-27', workday: true, why: 'Sun make-up workday' },
      { date: '2020-10-08', workday: false, why: 'National Day + Mid-Autumn' },
      { date: '2020-10-10', workday: true, why: 'Sat make-up workday' },
      { date: '2020-10-11', workday: false, why: 'ordinary Sunday' },
      { date: '2020-10-12', workday: true, why: 'ordinary Monday' },
      { date: '2015-09-03', workday: false, why: 'one-off 70th anniversary holiday' },
      { date: '2015-09-06', workday: true, why: 'Sun make-up workday for 09-03/04' },
      { date: '2026-12-31', workday: true, why: 'last covered day, ordinary Thursday' },
    ])('$date is a working day: $workday ($why)', ({ date, workday }) => {
      expect(sut.isWorkday(date)).toBe(workday);
      expect(sut.isRestDay(date)).toBe(!workday);
    });

    it('2020 differs from plain Mon–Fri exactly on the days of the SPEC §8.3 table', () => {
      const restWeekdays: string[] = [];
      const weekendWorkdays: string[] = [];
      for (let d = Date.UTC(2020, 0, 1); d <= Date.UTC(2020, 11, 31); d += 86_400_000) {
        const date = new Date(d).toISOString().slice(0, 10);
        const weekend = [0, 6].includes(new Date(d).getUTCDay());
        if (!weekend && sut.isRestDay(date)) restWeekdays.push(date);
        if (weekend && sut.isWorkday(date)) weekendWorkdays.push(date);
      }
      expect(restWeekdays).toEqual([
        '2020-01-01',
        '2020-01-24', '2020-01-27', '2020-01-28', '2020-01-29', '2020-01-30', '2020-01-31',
        '2020-04-06',
        '2020-05-01', '2020-05-04', '2020-05-05',
        '2020-06-25', '2020-06-26',
        '2020-10-01', '2020-10-02', '2020-10-05', '2020-10-06', '2020-10-07', '2020-10-08',
      ]);
      expect(weekendWorkdays).toEqual([
        '2020-01-19', '2020-04-26', '2020-05-09', '2020-06-28', '2020-09-27', '2020-10-10',
      ]);
    });
  });

  describe('nextWorkday / addWorkdays / workdaysBetween', () => {
    it.each([
      // chinese-days' findWorkday returns the holiday 10-08 here west of UTC (SPEC §8.4)
      { date: '2020-09-30', expected: '2020-10-09' },
      { date: '2020-10-09', expected: '2020-10-10' },
      { date: '2020-01-23', expected: '2020-02-03' },
      { date: '2020-01-18', expected: '2020-01-19' },
    ])('nextWorkday($date) = $expected', ({ date, expected }) => {
      expect(sut.nextWorkday(date)).toBe(expected);
    });

    it('does not count the start day, even when it is a working day (CC Art. 201)', () => {
      expect(sut.addWorkdays('2020-10-12', 1)).toBe('2020-10-13');
      expect(sut.addWorkdays('2020-10-12', 0)).toBe('2020-10-12');
      expect(sut.addCalendarDays('2020-10-12', 0, { rollToWorkday: false })).toBe('2020-10-12');
    });

    it.each([
      { from: '2020-09-29', to: '2020-10-15', expected: 7 },
      { from: '2021-02-05', to: '2021-02-20', expected: 7 },
      { from: '2020-09-30', to: '2020-10-08', expected: 0 },
      { from: '2020-10-12', to: '2020-10-12', expected: 0 },
      { from: '2019-12-31', to: '2020-12-31', expected: 249 },
    ])('workdaysBetween($from, $to) = $expected', ({ from, to, expected }) => {
      expect(sut.workdaysBetween(from, to)).toBe(expected);
    });

    it('workdaysBetween is the inverse of addWorkdays', () => {
      for (const n of [1, 5, 20, 60, 250]) {
        const end = sut.addWorkdays('2020-01-10', n);
        expect(sut.workdaysBetween('2020-01-10', end)).toBe(n);
      }
    });

    it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects a day count of %p', (n) => {
      expect(() => sut.addWorkdays('2020-01-10', n)).toThrow(RangeError);
      expect(() => sut.addCalendarDays('2020-01-10', n, { rollToWorkday: false })).toThrow(RangeError);
    });

    it('rejects an end before the start', () => {
      expect(() => sut.workdaysBetween('2020-10-12', '2020-10-11')).toThrow(RangeError);
    });
  });

  describe('coverage and provenance', () => {
    it('covers 2004–2026, derived from the data', () => {
      expect(sut.coveredYears()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    });

    it('records the data package as the source', () => {
      expect(sut.sourceOf(2020)).toMatch(/^chinese-days@\d+\.\d+\.\d+$/);
      expect(sut.sourceOf(2027)).toBeUndefined();
    });
  });

  describe('refuses to guess for a year without data', () => {
    it.each([
      { what: "addWorkdays('2026-12-28', 7)", call: () => sut.addWorkdays('2026-12-28', 7), year: 2027 },
      { what: "isWorkday('2027-10-01')", call: () => sut.isWorkday('2027-10-01'), year: 2027 },
      { what: "isRestDay('2027-10-01')", call: () => sut.isRestDay('2027-10-01'), year: 2027 },
      { what: "nextWorkday('2026-12-31')", call: () => sut.nextWorkday('2026-12-31'), year: 2027 },
      {
        what: 'addCalendarDays with roll into 2027',
        call: () => sut.addCalendarDays('2026-12-20', 30, { rollToWorkday: true }),
        year: 2027,
      },
      {
        what: "workdaysBetween('2026-12-01', '2027-01-05')",
        call: () => sut.workdaysBetween('2026-12-01', '2027-01-05'),
        year: 2027,
      },
      { what: "isWorkday('2003-12-31')", call: () => sut.isWorkday('2003-12-31'), year: 2003 },
    ])('$what throws CALENDAR_YEAR_MISSING for $year', ({ call, year }) => {
      const error = thrown(call);
      expect(error).toBeInstanceOf(CalendarYearMissingError);
      expect(error).toMatchObject({ code: 'CALENDAR_YEAR_MISSING', year });
      expect((error as CalendarYearMissingError).zh).toBe(
        `缺少${year}年节假日安排数据，无法计算工作日期限；请管理员导入国务院办公厅公布的该年度节假日安排`,
      );
      expect((error as CalendarYearMissingError).message).toContain(`No holiday arrangement data for ${year}`);
    });

    it('does not need holiday data for a calendar-day period without roll', () => {
      expect(sut.addCalendarDays('2026-12-20', 30, { rollToWorkday: false })).toBe('2027-01-19');
    });

    it('computes once the year is loaded with withYear, leaving the original calendar unchanged', () => {
      const with2027 = sut.withYear(2027, FIXTURE_2027);
      // 12-29, 12-30, 12-31, (01-01 holiday, weekend) 01-04 … 01-07
      expect(with2027.addWorkdays('2026-12-28', 7)).toBe('2027-01-07');
      expect(with2027.isWorkday('2027-10-01')).toBe(true);
      expect(with2027.coveredYears().at(-1)).toBe(2027);
      expect(with2027.sourceOf(2027)).toBe('test fixture');
      expect(() => sut.isWorkday('2027-10-01')).toThrow(CalendarYearMissingError);
    });

    it('withYear replaces an existing year (ad-hoc change of an arrangement)', () => {
      const without2020Extension = sut.withYear(2020, {
        holidays: ['2020-01-01', '2020-01-24', '2020-01-27', '2020-01-28', '2020-01-29', '2020-01-30'],
        workdays: ['2020-01-19', '2020-02-01'],
      });
      expect(without2020Extension.isWorkday('2020-02-01')).toBe(true);
      expect(without2020Extension.isWorkday('2020-01-31')).toBe(true);
      expect(without2020Extension.sourceOf(2020)).toBeUndefined();
      expect(sut.isWorkday('2020-02-01')).toBe(false);
    });
  });

  describe('invalid input', () => {
    it.each(['2020-9-1', '2021-02-29', '2020-02-30', '2020-13-01', '2020-00-10', '20200901', '2020-09-01T00:00:00Z', ''])(
      'rejects the date %p',
      (date) => {
        const error = thrown(() => sut.isWorkday(date));
        expect(error).toBeInstanceOf(InvalidDateError);
        expect(error).toMatchObject({ code: 'INVALID_DATE', value: date });
        expect(() => sut.addWorkdays(date, 1)).toThrow(InvalidDateError);
        expect(() => sut.addCalendarDays(date, 1, { rollToWorkday: false })).toThrow(InvalidDateError);
      },
    );

    it('accepts 29 February of a leap year', () => {
      expect(sut.isWorkday('2024-02-29')).toBe(true);
    });

    it.each([
      { what: 'a date outside its year', entry: { holidays: ['2028-01-01'], workdays: [] } },
      { what: 'a date both rest day and workday', entry: { holidays: ['2027-01-01'], workdays: ['2027-01-01'] } },
      { what: 'no rest days at all', entry: { holidays: [], workdays: [] } },
    ])('rejects year data with $what', ({ entry }) => {
      const error = thrown(() => sut.withYear(2027, entry));
      expect(error).toBeInstanceOf(CalendarDataError);
      expect(error).toMatchObject({ code: 'CALENDAR_DATA_INVALID', year: 2027 });
    });

    it('rejects a malformed date in year data', () => {
      expect(() => sut.withYear(2027, { holidays: ['2027-1-1'], workdays: [] })).toThrow(InvalidDateError);
    });
  });

  it('gives the same results whatever the process time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'America/New_York', 'UTC', 'Asia/Shanghai', 'Pacific/Auckland']) {
        process.env.TZ = tz;
        const calendar = BusinessCalendar.fromChineseDays();
        expect(calendar.addWorkdays('2020-09-29', 7)).toBe('2020-10-15');
        expect(calendar.nextWorkday('2020-09-30')).toBe('2020-10-09');
        expect(calendar.isWorkday('2020-10-10')).toBe(true);
        expect(calendar.addCalendarDays('2020-09-01', 30, { rollToWorkday: true })).toBe('2020-10-09');
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
