import type { HistoryRecord, WorkflowDefinition } from '@app/engine';
import type { CaseEntity, LiaisonFormEntity } from '@app/persistence';
import type { DeskEntry } from './review-desk.view';
import { deskEntries, formNumber, sortEntries } from './review-desk.view';

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

describe('formNumber', () => {
  const submit = (facts: Record<string, unknown>) => ({ facts }) as unknown as HistoryRecord;
  const row = (number: string | null) => ({ number }) as LiaisonFormEntity;

  it('is the submission’s own fact, whatever the form row says', () => {
    expect(formNumber(submit({ liaisonFormNumber: '联系单〔2026〕第3号' }), row(null))).toBe('联系单〔2026〕第3号');
    expect(formNumber(submit({ liaisonFormNumber: '联系单〔2026〕第3号' }), null)).toBe('联系单〔2026〕第3号');
  });

  it('is the row’s number for a submission recorded before numbers came with it, and none when it was never numbered', () => {
    expect(formNumber(submit({}), row('联系单〔2025〕第9号'))).toBe('联系单〔2025〕第9号');
    expect(formNumber(submit({ minCompletionDate: '2025-03-02' }), null)).toBeNull();
    expect(formNumber({} as HistoryRecord, null)).toBeNull();
  });
});

describe('deskEntries: the liaison form of each submission', () => {
  const row = { id: 'c1', title: 't', kind: 'administrative-contract', workflowVersion: 1, revision: 9, statePath: 'legalityReview.submitted' } as CaseEntity;
  const def = { label: { zh: '合同', en: 'Contract' }, states: {}, deadlines: [] } as unknown as WorkflowDefinition;
  const rec = (seq: number, type: string, facts: Record<string, unknown> = {}) =>
    ({ caseId: 'c1', seq, type, at: `2026-01-0${seq}T02:00:00.000Z`, actor: { userId: 'u', role: 'department-head', orgUnit: 'jjfzb' }, payload: {}, facts }) as unknown as HistoryRecord;
  const form = (submitSeq: number, number: string | null) =>
    ({ id: `f${submitSeq}`, caseId: 'c1', submitSeq, number, year: null, serial: null, orgUnit: 'jjfzb', contactName: '王某', contactPhone: '1' }) as unknown as LiaisonFormEntity;

  it('reads the number from the submission, the contact from the form row, and keeps an older row’s number', () => {
    const records = [
      rec(1, 'SUBMIT_FOR_LEGALITY_REVIEW'), // recorded before numbers came with the submission, numbered by its row
      rec(2, 'RETURN_INCOMPLETE'),
      rec(3, 'SUBMIT_FOR_LEGALITY_REVIEW'), // recorded before, never numbered
      rec(4, 'RETURN_INCOMPLETE'),
      rec(5, 'SUBMIT_FOR_LEGALITY_REVIEW', { liaisonFormNumber: '联系单〔2026〕第4号' }), // sent outside the desk
      rec(6, 'RETURN_INCOMPLETE'),
      rec(7, 'SUBMIT_FOR_LEGALITY_REVIEW', { liaisonFormNumber: '联系单〔2026〕第5号' }), // sent through the desk
    ];
    const entries = deskEntries(row, def, records, [form(1, '联系单〔2025〕第9号'), form(7, null)], [], '2026-01-08');
    expect(entries.map((e) => e.liaisonForm)).toEqual([
      { id: 'f1', number: '联系单〔2025〕第9号', contact: { name: '王某', phone: '1' } },
      null,
      { id: null, number: '联系单〔2026〕第4号', contact: { name: null, phone: null } },
      { id: 'f7', number: '联系单〔2026〕第5号', contact: { name: '王某', phone: '1' } },
    ]);
    expect(entries.map((e) => e.status)).toEqual(['RETURNED', 'RETURNED', 'RETURNED', 'PENDING']);
  });
});
