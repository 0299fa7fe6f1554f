import type { DeadlineDeclaration } from '@app/engine';
import { BusinessCalendar } from '@app/calendar';
import { decidingDay, dueDateOf } from './deadline-planner';

const decl = (metBy?: { payload: string }) => ({ key: 'filing', metBy }) as unknown as DeadlineDeclaration;

describe('decidingDay (issue 9 §8: the legal date decides met / missed)', () => {
  it('is the legal date the closing event carries', () => {
    expect(decidingDay(decl({ payload: 'filedOn' }), { filedOn: '2025-12-03' }, '2025-12-04')).toBe('2025-12-03');
    expect(decidingDay(decl({ payload: 'filing.on' }), { filing: { on: '2025-12-03' } }, '2025-12-04')).toBe('2025-12-03');
  });
  it('reads an ISO time as its Asia/Shanghai day', () => {
    expect(decidingDay(decl({ payload: 'at' }), { at: '2025-12-03T17:00:00Z' }, '2025-12-05')).toBe('2025-12-04');
  });
  it('is the day of the event without a declaration or without the date in the payload', () => {
    expect(decidingDay(decl(), { filedOn: '2025-12-03' }, '2025-12-04')).toBe('2025-12-04');
    expect(decidingDay(decl({ payload: 'filedOn' }), { reason: 'x' }, '2025-12-04')).toBe('2025-12-04');
    expect(decidingDay(decl({ payload: 'filedOn' }), undefined, '2025-12-04')).toBe('2025-12-04');
    expect(decidingDay(decl({ payload: 'filedOn' }), { filedOn: 'not a date' }, '2025-12-04')).toBe('2025-12-04');
  });
});

describe('dueDateOf: the period shown beside the due date is the one the due date ends', () => {
  const calendar = BusinessCalendar.fromChineseDays();
  const review = {
    key: 'legalityReviewOpinion',
    unit: 'workdays',
    length: { key: 'normdoc.legalityReview.maxWorkdays', default: 15 },
    dueDate: (ctx: { requested?: string }) => ctx.requested,
  } as unknown as DeadlineDeclaration;

  it('counts the days to the date the case carries (requested within 5 working days: 5, not the 15 configured)', () => {
    expect(dueDateOf(review, { requested: '2020-04-14' }, '2020-04-07', calendar, {})).toEqual({ dueDate: '2020-04-14', days: 5 });
  });
  it('keeps the configured length when the due date is counted from it', () => {
    const got = dueDateOf(review, {}, '2020-04-07', calendar, {});
    expect(got).toEqual({ dueDate: calendar.addWorkdays('2020-04-07', 15), days: 15 });
    expect(dueDateOf(review, {}, '2020-04-07', calendar, { 'normdoc.legalityReview.maxWorkdays': 10 }).days).toBe(10);
  });
  it('counts calendar days for a calendar-day period', () => {
    const d = { ...review, unit: 'days' } as unknown as DeadlineDeclaration;
    expect(dueDateOf(d, { requested: '2020-05-06' }, '2020-04-21', calendar, {}).days).toBe(15);
  });
});
