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
});
