import { leafPaths, shanghaiDate, stateMetaOf, statePaths } from './state-paths';
import { leaveRequest } from './testing/leave-request.fixture';

describe('statePaths / leafPaths', () => {
  it.each([
    ['draft', ['draft'], ['draft']],
    [{ review: 'pending' }, ['review', 'review.pending'], ['review.pending']],
    [{ a: { b: 'c' } }, ['a', 'a.b', 'a.b.c'], ['a.b.c']],
    [{ p: { x: 'one', y: { z: 'two' } } }, ['p', 'p.x', 'p.x.one', 'p.y', 'p.y.z', 'p.y.z.two'], ['p.x.one', 'p.y.z.two']],
    [{ p: { x: {}, y: 'b' } }, ['p', 'p.x', 'p.y', 'p.y.b'], ['p.x', 'p.y.b']],
  ])('%j', (value, all, leaves) => {
    expect(statePaths(value as any)).toEqual(all);
    expect(leafPaths(value as any)).toEqual(leaves);
  });
});

describe('stateMetaOf', () => {
  const def = leaveRequest(1);
  it('returns the labelled leaf', () => {
    expect(stateMetaOf(def, { review: 'escalated' })).toEqual({
      path: 'review.escalated',
      label: { zh: '逾期待审批', en: 'Escalated' },
      stage: 'review',
    });
  });
  it('falls back to the nearest labelled ancestor, and takes the first leaf of parallel states', () => {
    expect(stateMetaOf(def, { review: 'unlabelled' })?.path).toBe('review');
    expect(stateMetaOf(def, { review: { draft: 'x' }, other: 'y' } as any)?.path).toBe('review');
    expect(stateMetaOf(def, 'nowhere')).toBeUndefined();
  });
});

describe('shanghaiDate', () => {
  it.each([
    ['2025-03-03T15:59:59.999Z', '2025-03-03'],
    ['2025-03-03T16:00:00.000Z', '2025-03-04'],
    ['2024-12-31T16:00:00Z', '2025-01-01'],
    ['2024-02-28T20:00:00Z', '2024-02-29'],
    ['2025-03-04T00:30:00+08:00', '2025-03-04'],
    ['2025-03-03T20:00:00-05:00', '2025-03-04'],
  ])('%s → %s', (at, day) => expect(shanghaiDate(at)).toBe(day));

  it.each(['2025-03-03', '2025-03-03T10:00:00', 'yesterday', ''])('rejects %j (no offset or not an instant)', (at) => {
    expect(() => shanghaiDate(at)).toThrow(expect.objectContaining({ code: 'INVALID_INSTANT' }));
  });
});
