import type { DeadlineDeclaration } from '@app/engine';
import { decidingDay } from './deadline-planner';

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
