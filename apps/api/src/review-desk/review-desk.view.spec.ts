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

  it('is the submission’s own fact', () => {
    expect(formNumber(submit({ liaisonFormNumber: '联系单〔2026〕第3号' }))).toBe('联系单〔2026〕第3号');
  });

  it('is none on a submission recorded before submissions were numbered', () => {
    expect(formNumber(submit({ minCompletionDate: '2025-03-02' }))).toBeNull();
    expect(formNumber({} as HistoryRecord)).toBeNull();
  });
});

describe('deskEntries: the liaison form of each submission', () => {
  const row = { id: 'c1', title: 't', kind: 'administrative-contract', workflowVersion: 1, revision: 9, statePath: 'legalityReview.submitted' } as CaseEntity;
  const def = { label: { zh: '合同', en: 'Contract' }, states: {}, deadlines: [] } as unknown as WorkflowDefinition;
  const rec = (seq: number, type: string, facts: Record<string, unknown> = {}) =>
    ({ caseId: 'c1', seq, type, at: `2026-01-0${seq}T02:00:00.000Z`, actor: { userId: 'u', role: 'department-head', orgUnit: 'jjfzb' }, payload: {}, facts }) as unknown as HistoryRecord;
  const form = (submitSeq: number) =>
    ({ id: `f${submitSeq}`, caseId: 'c1', submitSeq, orgUnit: 'jjfzb', contactName: '王某', contactPhone: '1' }) as unknown as LiaisonFormEntity;

  it('reads the number from the submission and the contact from the form row', () => {
    const records = [
      rec(1, 'SUBMIT_FOR_LEGALITY_REVIEW'), // recorded before submissions were numbered, with a form row
      rec(2, 'RETURN_INCOMPLETE'),
      rec(3, 'SUBMIT_FOR_LEGALITY_REVIEW'), // recorded before, never numbered
      rec(4, 'RETURN_INCOMPLETE'),
      rec(5, 'SUBMIT_FOR_LEGALITY_REVIEW', { liaisonFormNumber: '联系单〔2026〕第4号' }), // sent outside the desk
      rec(6, 'RETURN_INCOMPLETE'),
      rec(7, 'SUBMIT_FOR_LEGALITY_REVIEW', { liaisonFormNumber: '联系单〔2026〕第5号' }), // sent through the desk
    ];
    const entries = deskEntries(row, def, records, [form(1), form(7)], [], '2026-01-08');
    expect(entries.map((e) => e.liaisonForm)).toEqual([
      { id: 'f1', number: null, contact: { name: '王某', phone: '1' } },
      null,
      { id: null, number: '联系单〔2026〕第4号', contact: { name: null, phone: null } },
      { id: 'f7', number: '联系单〔2026〕第5号', contact: { name: '王某', phone: '1' } },
    ]);
    expect(entries.map((e) => e.status)).toEqual(['RETURNED', 'RETURNED', 'RETURNED', 'PENDING']);
  });
});
