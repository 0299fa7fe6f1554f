import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import { PLAUSIBLE_2027 } from '../../../test/factories/calendar-years.factory';
import { calendarYearProblems } from './calendar-plausibility';

describe('calendarYearProblems', () => {
  it('passes every year of the bundled data and a plausible 2027', () => {
    const raw = chineseDaysData as { holidays: Record<string, string>; workdays: Record<string, string> };
    const years = new Map<number, { holidays: string[]; workdays: string[] }>();
    const of = (d: string) => years.get(Number(d.slice(0, 4))) ?? years.set(Number(d.slice(0, 4)), { holidays: [], workdays: [] }).get(Number(d.slice(0, 4)))!;
    for (const d of Object.keys(raw.holidays)) of(d).holidays.push(d);
    for (const d of Object.keys(raw.workdays)) of(d).workdays.push(d);
    expect(years.size).toBeGreaterThanOrEqual(23);
    for (const [year, entry] of years) expect({ year, problems: calendarYearProblems(year, entry) }).toEqual({ year, problems: [] });
    expect(calendarYearProblems(2027, PLAUSIBLE_2027)).toEqual([]);
  });

  it('refuses New Year’s Day alone: the weekend days of the year are not accounted for by a State Council arrangement', () => {
    const [problem, ...rest] = calendarYearProblems(2027, { holidays: ['2027-01-01'], workdays: [] });
    expect(rest).toEqual([]);
    expect(problem.zh).toContain('在周一至周五放假1天、调休上班0天，全年工作日为260天');
    expect(problem.zh).toContain('请按国务院办公厅通知完整列出');
  });

  it('refuses a make-up workday on a weekday', () => {
    const problems = calendarYearProblems(2027, { ...PLAUSIBLE_2027, workdays: [...PLAUSIBLE_2027.workdays.slice(0, 5), '2027-10-08'] });
    expect(problems.map((p) => p.zh)).toContain('调休上班日2027-10-08不是周六或周日');
  });

  it('refuses a date listed twice', () => {
    const problems = calendarYearProblems(2027, { ...PLAUSIBLE_2027, holidays: [...PLAUSIBLE_2027.holidays, '2027-05-03'] });
    expect(problems.map((p) => p.zh)).toEqual(['放假日期2027-05-03重复列出']);
  });

  it('refuses a date of another year, an invalid date, a day both off and worked, and a missing New Year’s Day', () => {
    const problems = calendarYearProblems(2027, {
      holidays: [...PLAUSIBLE_2027.holidays.slice(1), '2028-01-01', '2027-02-30', '2027-02-20'],
      workdays: PLAUSIBLE_2027.workdays,
    });
    expect(problems.map((p) => p.zh)).toEqual([
      '放假日期2028-01-01不属于2027年',
      '放假日期2027-02-30不是有效日期',
      '2027-02-20同时被列为放假日和调休上班日',
      '未将元旦（2027-01-01）列为放假日',
    ]);
    for (const p of problems) expect(p.zh).not.toMatch(/[A-Za-z]/);
  });
});
