/**
 * The year's figures (GET /reports/annual) for a seeded year on SQLite and PostgreSQL, checked
 * against counts the test computes itself from the cases it created (what it did to each case),
 * not from the report's queries: cases by type and state at year end, legality-review coverage,
 * deadlines (cross-checked with GET /deadlines), filings on time, documents, catalog items.
 */
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { ITEM_PROPOSAL, publishSeedCatalog, SEED_ITEMS } from '../factories/catalog.factory';
import { createMajorDecision, majorDecisionSteps, NO_PROCEDURES, runMajorDecision, runStep as runMd } from '../factories/major-decision.factory';
import { runNormativeDocument } from '../factories/normative-document.factory';
import { createPartyDocument, partyDocumentSteps, runStep as runPd } from '../factories/party-normative-document.factory';
import { contractSteps, createContract, runStep as runAc } from '../factories/administrative-contract.factory';
import { createEnforcementCase, enforcementSteps, runStep as runEd } from '../factories/enforcement-decision.factory';

/** What the test did to a case, and so what the report must say about it for 2020. */
interface Made {
  id: string;
  kind: string;
  /** state path at the end of 2020 */
  state2020: string;
  submitted: boolean;
  reviewed: boolean;
  /** ended before ever being submitted for review */
  endedUnreviewed?: boolean;
  document?: 'inForce2020';
  repealedIn?: number;
  filings?: { met: number; missed: number };
  /** deadlines (declaration keys) left open past their due date at the end of 2020 */
  overdueAtYearEnd?: string[];
}

const sorted = (xs: string[]) => [...new Set(xs)].sort();

describe.each(DRIVERS)('the annual report for a seeded year on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  const made: Made[] = [];
  let catalogCaseA = '';

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
    await publishSeedCatalog(api, 2020);

    // A: the catalog's first item, decided and published in 2020 (implementation reported in 2021)
    await api.setClock('2020-08-03T01:00:00Z');
    const a = (await api.post('dept-head', '/catalogs/2020/items/1/case', { proposal: ITEM_PROPOSAL })).body.case.id as string;
    catalogCaseA = a;
    expect((await api.post('town-head', '/catalogs/2020/items/1/start', {})).status).toBe(200);
    for (const s of majorDecisionSteps(SEED_ITEMS()[0].procedures)) {
      if (s.name === 'start') continue;
      await runMd(api, a, s);
      if (s.name === 'publishDecision') break;
    }
    await api.setClock('2021-03-01T02:00:00Z');
    await api.ok('dept-head', a, 'REPORT_IMPLEMENTATION', { report: '一期工程已完工' });
    made.push({ id: a, kind: 'major-decision', state2020: 'implementation.inProgress', submitted: true, reviewed: true });

    // B: submitted for review on 2020-09-29, not yet accepted at year end
    const b = await runMajorDecision(api, { procedures: NO_PROCEDURES, before: 'accept' });
    // its opinion was requested by 2020-10-16: open and overdue at year end
    made.push({ id: b.id, kind: 'major-decision', state2020: 'legalityReview.submitted', submitted: true, reviewed: false, overdueAtYearEnd: ['legalityReviewOpinion'] });

    // C: not started
    const c = await createMajorDecision(api, '镇区农贸市场迁建');
    await api.ok('town-head', c, 'DECLINE_TO_START', { reason: '不属于年度目录事项，暂不启动' });
    made.push({ id: c, kind: 'major-decision', state2020: 'notStarted', submitted: false, reviewed: false, endedUnreviewed: true });

    // a normative document published 2020-04-22 and filed on both lines in time
    const nd = await runNormativeDocument(api, { before: 'cleanup' });
    made.push({ id: nd.id, kind: 'normative-document', state2020: 'inForce.effective', submitted: true, reviewed: true, document: 'inForce2020', filings: { met: 2, missed: 0 } });

    // two party documents: one filed in time (repealed in 2022), one filed late (due 07-10, filed 07-20)
    const pd1 = await createPartyDocument(api);
    for (const s of partyDocumentSteps()) if (s.name !== 'repeal') await runPd(api, pd1, s);
    made.push({ id: pd1, kind: 'party-normative-document', state2020: 'inForce', submitted: true, reviewed: true, document: 'inForce2020', repealedIn: 2022, filings: { met: 1, missed: 0 } });
    const pd2 = await createPartyDocument(api, '中共掌起镇委员会关于加强村级财务管理的规定');
    for (const s of partyDocumentSteps()) {
      if (s.name === 'review') break;
      await runPd(api, pd2, s.name === 'file' ? { ...s, clock: '2020-07-20T02:00:00Z', payload: { ...s.payload, filedOn: '2020-07-20' } } : s);
    }
    made.push({ id: pd2, kind: 'party-normative-document', state2020: 'filingReview', submitted: true, reviewed: true, document: 'inForce2020', filings: { met: 0, missed: 1 } });

    // a contract signed and filed in 2020, being performed
    const ac = await createContract(api);
    for (const s of contractSteps()) {
      if (s.name === 'report') break;
      await runAc(api, ac, s);
    }
    made.push({ id: ac, kind: 'administrative-contract', state2020: 'performance', submitted: true, reviewed: true, filings: { met: 1, missed: 0 } });

    // an enforcement decision made in 2020
    const ed = await createEnforcementCase(api);
    for (const s of enforcementSteps()) await runEd(api, ed, s);
    // on v3 the decision is then served (APL Art. 61): not served by the year end, that deadline is overdue
    made.push({ id: ed, kind: 'enforcement-decision', state2020: 'decided', submitted: true, reviewed: true, overdueAtYearEnd: ['decisionService'] });

    // PD1 is repealed in 2022: the 2020 report must not change
    await runPd(api, pd1, partyDocumentSteps().find((s) => s.name === 'repeal')!);
  }, 180_000);
  afterAll(async () => t?.close());

  it('counts cases by type and by their state at year end', async () => {
    const res = await api.get('town-head', '/reports/annual?year=2020');
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.cases.total.value).toBe(made.length);
    expect(r.cases.total.caseIds).toEqual(sorted(made.map((m) => m.id)));
    for (const type of r.cases.byType) {
      const ofKind = made.filter((m) => m.kind === type.kind);
      expect({ kind: type.kind, n: type.handled.value }).toEqual({ kind: type.kind, n: ofKind.length });
      const expected: Record<string, string[]> = {};
      for (const m of ofKind) (expected[m.state2020] ??= []).push(m.id);
      const actual = Object.fromEntries(type.byOutcome.map((o: any) => [o.state, o.caseIds]));
      expect(actual).toEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, sorted(v)])));
    }
    // the catalog case itself is not a "matter"
    const catalog = (await api.get('secretary', '/catalogs/2020')).body.catalogCaseId;
    expect(r.cases.total.caseIds).not.toContain(catalog);
  });

  it('computes legality-review coverage as reviewed ÷ requiring review', async () => {
    const r = (await api.get('legal-reviewer', '/reports/annual?year=2020')).body.legalityReview;
    const requiring = made.filter((m) => !m.endedUnreviewed);
    const reviewed = requiring.filter((m) => m.reviewed);
    expect(r.requiring.caseIds).toEqual(sorted(requiring.map((m) => m.id)));
    expect(r.reviewed.caseIds).toEqual(sorted(reviewed.map((m) => m.id)));
    expect(r.underReview.caseIds).toEqual(sorted(requiring.filter((m) => m.submitted && !m.reviewed).map((m) => m.id)));
    expect(r.notYetSubmitted.value).toBe(requiring.filter((m) => !m.submitted).length);
    expect(r.coverage).toBeCloseTo(reviewed.length / requiring.length, 4);
    for (const t of r.byType) {
      expect({ kind: t.kind, req: t.requiring.value, rev: t.reviewed.value }).toEqual({
        kind: t.kind,
        req: requiring.filter((m) => m.kind === t.kind).length,
        rev: reviewed.filter((m) => m.kind === t.kind).length,
      });
    }
  });

  it('reports on-time rates per deadline (as GET /deadlines shows them) and filings on time', async () => {
    const r = (await api.get('auditor', '/reports/annual?year=2020')).body;
    // independent source: the deadline rows of each case through the deadlines API
    const expected: Record<string, { met: number; missed: number; openOverdue: number }> = {};
    const end = '2020-12-31T16:00:00.000Z';
    for (const m of made) {
      const rows = (await api.get('auditor', `/deadlines?status=all&caseId=${m.id}&limit=1000`)).body;
      const items = Array.isArray(rows) ? rows : rows.items;
      for (const d of items) {
        const k = `${m.kind}.${d.key}`;
        if (['met', 'missed'].includes(d.status) && d.closedAt && d.closedAt >= '2019-12-31T16:00:00.000Z' && d.closedAt < end) {
          expected[k] ??= { met: 0, missed: 0, openOverdue: 0 };
          expected[k][d.status as 'met' | 'missed']++;
        } else if (d.type === 'due' && d.openedAt < end && (!d.closedAt || d.closedAt >= end) && d.dueDate && d.dueDate <= '2020-12-31') {
          expected[k] ??= { met: 0, missed: 0, openOverdue: 0 };
          expected[k].openOverdue++;
        }
      }
    }
    const actual = Object.fromEntries(r.deadlines.map((d: any) => [`${d.kind}.${d.key}`, { met: d.metCount, missed: d.missedCount, openOverdue: d.openOverdueCount }]));
    expect(actual).toEqual(expected);
    expect(Object.keys(actual).length).toBeGreaterThan(3);
    // what the test did: each deadline it left open past its due date is reported as such
    for (const m of made) {
      for (const key of m.overdueAtYearEnd ?? []) expect(r.deadlines.find((d: any) => d.kind === m.kind && d.key === key).openOverdue.caseIds).toContain(m.id);
    }
    const review = r.deadlines.find((d: any) => d.kind === 'major-decision' && d.key === 'legalityReviewOpinion');
    expect(review.openOverdue.caseIds).toEqual(sorted(made.filter((m) => m.kind === 'major-decision' && m.overdueAtYearEnd?.includes('legalityReviewOpinion')).map((m) => m.id)));
    // a deadline overdue at year end is not on time
    for (const d of r.deadlines) expect(d.onTimeRate).toBeCloseTo(d.metCount / (d.metCount + d.missedCount + d.openOverdueCount), 4);
    expect(review.onTimeRate).toBeLessThan(1);

    const met = made.reduce((s, m) => s + (m.filings?.met ?? 0), 0);
    const missed = made.reduce((s, m) => s + (m.filings?.missed ?? 0), 0);
    expect({ met: r.filings.metCount, missed: r.filings.missedCount }).toEqual({ met, missed });
    expect(r.filings.onTimeRate).toBeCloseTo(met / (met + missed), 4);
    expect(r.filings.missed.caseIds).toEqual(sorted(made.filter((m) => m.filings?.missed).map((m) => m.id)));
  });

  it('counts documents in force, expired and repealed at year end, and catalog items completed', async () => {
    const r2020 = (await api.get('secretary', '/reports/annual?year=2020')).body;
    const docs = made.filter((m) => m.document);
    expect(r2020.documents.inForce.caseIds).toEqual(sorted(docs.map((m) => m.id)));
    expect([r2020.documents.expired.value, r2020.documents.repealed.value]).toEqual([0, 0]);
    const party = r2020.documents.byType.find((d: any) => d.kind === 'party-normative-document');
    expect(party.issuedInYear.value).toBe(made.filter((m) => m.kind === 'party-normative-document').length);

    const r2022 = (await api.get('secretary', '/reports/annual?year=2022')).body;
    expect(r2022.documents.repealed.caseIds).toEqual(sorted(made.filter((m) => m.repealedIn && m.repealedIn <= 2022).map((m) => m.id)));
    expect(r2022.documents.inForce.value).toBe(docs.length - 1);

    const c = r2020.catalog;
    expect(c).toMatchObject({ itemCount: SEED_ITEMS().length, notStarted: 1, published: { publishedAt: '2020-02-21' } });
    expect(c.completed.caseIds).toEqual([catalogCaseA]);
    expect(c.linked.caseIds).toEqual([catalogCaseA]);
    expect(c.items.map((i: any) => i.status)).toEqual(['completed', 'notStarted']);
    // a year without anything
    const empty = (await api.get('secretary', '/reports/annual?year=2019')).body;
    expect([empty.cases.total.value, empty.legalityReview.coverage, empty.catalog]).toEqual([0, null, null]);
  });

  it('traces each figure to its cases and renders the zh-CN report', async () => {
    const r = (await api.get('town-head', '/reports/annual?year=2020')).body;
    const drill = await api.get('town-head', r.legalityReview.reviewed.drill.replace('/api/v1', ''));
    expect(drill.status).toBe(200);
    expect(drill.body.cases.map((c: any) => c.id).sort()).toEqual(r.legalityReview.reviewed.caseIds);
    expect(drill.body.cases[0]).toMatchObject({ title: expect.any(String), stateAtYearEnd: { zh: expect.any(String) } });

    for (const url of ['/reports/annual.html?year=2020', '/reports/annual?year=2020&format=html']) {
      const html = await api.get('town-head', url);
      expect(html.status).toBe(200);
      expect(html.headers['content-type']).toContain('text/html');
      expect(html.text).toContain('掌起镇2020年法治政府建设工作情况');
      expect(html.text).toContain('省“工业特色型”美丽城镇样板镇创建');
      expect(html.text).toContain(`审查覆盖率${(Math.round((6 / 7) * 10000) / 100).toFixed(2)}%`);
      expect(html.text).toContain('drill=review.reviewed');
      // the review left unanswered past its due date (case B) is named as overdue at year end, not on time
      expect(html.text).toContain(`截至年底已逾期仍未办结${made.flatMap((m) => m.overdueAtYearEnd ?? []).length}个`);
      expect(html.text).toContain('drill=deadlines.major-decision.legalityReviewOpinion.openOverdue');
      expect(html.text).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  it('is for the decision body, the reviewers, auditors and the office; bad input is a 4xx', async () => {
    expect((await api.get('dept-head', '/reports/annual?year=2020')).status).toBe(403);
    expect((await api.get('admin', '/reports/annual?year=2020')).status).toBe(200);
    for (const [url, status, code] of [
      ['/reports/annual', 400, 'VALIDATION_FAILED'],
      ['/reports/annual?year=abc', 400, 'VALIDATION_FAILED'],
      ['/reports/annual?year=1800', 400, 'VALIDATION_FAILED'],
      ['/reports/annual?year=2020&format=pdf', 400, 'VALIDATION_FAILED'],
      ['/reports/annual?year=2020&drill=no.such.figure', 404, 'UNKNOWN_FIGURE'],
      ['/reports/annual?year=2020&drill=%27%3B--', 400, 'VALIDATION_FAILED'],
    ] as const) {
      const res = await api.get('auditor', url);
      expect({ url, status: res.status, code: res.body.code }).toEqual({ url, status, code });
    }
  });
});
