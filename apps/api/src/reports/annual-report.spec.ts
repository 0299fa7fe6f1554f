import { WorkflowRegistry } from '@app/engine';
import { allWorkflows } from '@app/workflows';
import { annualReport, ReportRecord, yearBounds } from './annual-report';

const registry = new WorkflowRegistry(allWorkflows);
const rec = (caseId: string, seq: number, type: string, at: string, stateAfter: unknown, payload: unknown = null): ReportRecord => ({
  caseId,
  seq,
  type,
  at,
  stateAfter,
  payload,
  workflow: { kind: 'enforcement-decision', version: 1 },
});

describe('annual report (pure)', () => {
  it('reads the year in Asia/Shanghai', () => {
    expect(yearBounds(2020)).toEqual({ start: '2019-12-31T16:00:00.000Z', end: '2020-12-31T16:00:00.000Z' });
  });

  it('takes the state at year end and ignores what happened after it', () => {
    const cases = [
      { id: 'a', kind: 'enforcement-decision', workflowVersion: 1, title: 'A', createdAt: '2020-12-31T15:59:59.000Z' },
      { id: 'b', kind: 'enforcement-decision', workflowVersion: 1, title: 'B', createdAt: '2020-12-31T16:00:00.000Z' },
    ];
    const records = [
      rec('a', 1, 'CREATE_CASE', '2020-12-31T15:59:59.000Z', 'investigation'),
      rec('a', 2, 'SUBMIT_DRAFT', '2021-01-04T02:00:00.000Z', { legalityReview: 'awaitingSubmission' }),
      rec('b', 1, 'CREATE_CASE', '2020-12-31T16:00:00.000Z', 'investigation'),
    ];
    const { report, figures } = annualReport({ year: 2020, cases, records, deadlines: [], catalog: null, registry, generatedAt: '2021-02-25T00:00:00.000Z' });
    expect(report.cases.total.caseIds).toEqual(['a']);
    const ed = report.cases.byType.find((t) => t.kind === 'enforcement-decision')!;
    expect(ed.byOutcome.map((o) => [o.state, o.caseIds])).toEqual([['investigation', ['a']]]);
    expect(report.legalityReview).toMatchObject({ coverage: 0, notYetSubmitted: { caseIds: ['a'] } });
    expect(figures.get('review.requiring')?.drill).toBe('/api/v1/reports/annual?year=2020&drill=review.requiring');
    const next = annualReport({ year: 2021, cases, records, deadlines: [], catalog: null, registry, generatedAt: '2022-01-01T00:00:00.000Z' }).report;
    expect(next.cases.total.caseIds).toEqual(['a', 'b']);
    expect(next.cases.byType.find((t) => t.kind === 'enforcement-decision')!.byOutcome.map((o) => [o.state, o.caseIds])).toEqual([
      ['investigation', ['b']],
      ['legalityReview.awaitingSubmission', ['a']],
    ]);
  });

  describe('现行有效 at year end (issue 9 §11: one definition with cleanup campaigns)', () => {
    const nd = (caseId: string, seq: number, type: string, at: string, stateAfter: unknown, payload: unknown = null): ReportRecord => ({
      ...rec(caseId, seq, type, at, stateAfter, payload),
      workflow: { kind: 'normative-document', version: 2 },
    });
    const cases = [
      { id: 'valid-until-may', kind: 'normative-document', workflowVersion: 2, title: 'A', createdAt: '2020-03-02T01:00:00.000Z' },
      { id: 'awaiting-filing', kind: 'normative-document', workflowVersion: 2, title: 'B', createdAt: '2025-03-02T01:00:00.000Z' },
    ];
    const records = [
      nd('valid-until-may', 1, 'CREATE_CASE', '2020-03-02T01:00:00.000Z', 'drafting'),
      nd('valid-until-may', 2, 'PUBLISH_DOCUMENT', '2020-04-22T02:00:00.000Z', { filing: { government: 'pending' } }, { publishedAt: '2020-04-22', validUntil: '2025-05-21' }),
      nd('valid-until-may', 3, 'RECORD_FILING', '2020-05-06T02:00:00.000Z', { inForce: 'effective' }),
      nd('awaiting-filing', 1, 'CREATE_CASE', '2025-03-02T01:00:00.000Z', 'drafting'),
      nd('awaiting-filing', 2, 'PUBLISH_DOCUMENT', '2025-12-20T02:00:00.000Z', { filing: { government: 'pending' } }, { publishedAt: '2025-12-20', validUntil: '2030-12-31' }),
    ];
    const deadlines = [
      // the validity end nobody has to act on: not a duty, not an on-time figure
      { caseId: 'valid-until-may', workflowKind: 'normative-document', key: 'validityEnd', labelZh: '有效期届满', labelEn: 'End of validity', status: 'open', type: 'due', dueDate: '2025-05-21', openedAt: '2020-05-06T02:00:00.000Z', closedAt: null, responsible: [] },
    ];
    const report = (year: number) => annualReport({ year, cases, records, deadlines, catalog: null, registry, generatedAt: `${year + 1}-01-05T00:00:00.000Z` }).report;
    const docs = (year: number) => report(year).documents.byType.find((d) => d.kind === 'normative-document')!;

    it('does not count a document valid until 2025-05-21 as in force at the end of 2025 (it counts as expired)', () => {
      expect(docs(2025).inForce.caseIds).not.toContain('valid-until-may');
      expect(docs(2025).expired.caseIds).toContain('valid-until-may');
      expect(docs(2024).inForce.caseIds).toContain('valid-until-may');
      expect(docs(2024).expired.caseIds).not.toContain('valid-until-may');
    });
    it('counts a published document still awaiting filing as in force', () => {
      expect(docs(2025).inForce.caseIds).toContain('awaiting-filing');
    });
    it('leaves a deadline nobody must act on out of the on-time figures', () => {
      expect(report(2025).deadlines.map((d) => d.key)).not.toContain('validityEnd');
    });
  });
});
