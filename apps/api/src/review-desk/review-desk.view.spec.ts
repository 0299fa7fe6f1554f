import type { DeskEntry } from './review-desk.view';
import { sortEntries } from './review-desk.view';

const entry = (caseId: string, dueDate: string | null, submittedAt: string) => ({ caseId, dueDate, submittedAt, submittedSeq: 1 }) as DeskEntry;

describe('sortEntries', () => {
  const items = [
    entry('c', null, '2020-01-03T00:00:00Z'),
    entry('a', '2020-02-10', '2020-01-02T00:00:00Z'),
    entry('b', '2020-02-01', '2020-01-05T00:00:00Z'),
    entry('d', '2020-02-10', '2020-01-01T00:00:00Z'),
  ];

  it('puts the earliest due date first, forms without one last, ties by submission time', () => {
    expect(sortEntries(items, 'dueDate', 'asc').map((e) => e.caseId)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('reverses the order with desc, still keeping forms without a due date last', () => {
    expect(sortEntries(items, 'dueDate', 'desc').map((e) => e.caseId)).toEqual(['a', 'd', 'b', 'c']);
  });

  it('sorts by submission time on request', () => {
    expect(sortEntries(items, 'submittedAt', 'asc').map((e) => e.caseId)).toEqual(['d', 'a', 'c', 'b']);
  });
});
