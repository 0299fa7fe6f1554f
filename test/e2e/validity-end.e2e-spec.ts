/**
 * Issue 9 §11: normative-document v2. At the end of its validity a document moves to `expired`
 * by itself: the `validityEnd` deadline's due event EXPIRE is sent by Docket (the system actor,
 * through the runtime) the day after the last day; nobody else may send it. The annual report and
 * cleanup campaigns read one definition of 现行有效 (workflows/common/in-force.ts): a document valid
 * until 2025-05-21 is not in force at the end of 2025; a published document awaiting filing is in
 * force, and a campaign reviews it.
 */
import { EmbeddedDeadlineScheduler } from '@app/deadlines';
import { SYSTEM_ROLE, SYSTEM_USER_ID } from '@app/engine';
import { WorkflowRuntime } from '@app/runtime';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { NORMATIVE_DOCUMENT_PROPOSAL, NORMATIVE_DRAFT_HASH, runNormativeDocument } from '../factories/normative-document.factory';

describe.each(DRIVERS)('normative-document v2: validity end and 现行有效 on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
  });
  afterAll(async () => t?.close());

  async function runScheduler(at: string) {
    const scheduler = t.app.get(EmbeddedDeadlineScheduler, { strict: false });
    await api.setClock(at);
    await scheduler.reconcile(new Date(at));
    await scheduler.tick(new Date(at));
  }

  it('expires the document the day after its validity ended, attributed to the system; figures and campaigns agree', async () => {
    // published 2020-04-22, valid until 2025-05-21 (the factory's document), evaluated in 2025
    const doc = await runNormativeDocument(api, { before: 'expire' });
    const created = (await api.get('auditor', `/cases/${doc.id}`)).body;
    // the system expiry came with v2; new cases start on the newest version, which keeps it
    expect(created.workflowVersion).toBe(3);
    const open = (await api.get('auditor', `/deadlines?status=open&caseId=${doc.id}`)).body.items;
    expect(open.map((d: any) => [d.key, d.dueDate])).toContainEqual(['validityEnd', '2025-05-21']);

    // nobody but Docket may expire it
    const byHand = await api.event('secretary', doc.id, 'EXPIRE', { deadlineKey: 'validityEnd', dueDate: '2025-05-21' });
    expect(byHand.status).toBe(403);

    // a second document published in 2025, still awaiting its filings at the campaign
    await runScheduler('2025-05-21T12:00:00Z');
    expect((await api.get('auditor', `/cases/${doc.id}`)).body.state.path).toBe('inForce.evaluated');
    // on the last day of validity (it runs to 24:00) the system's EXPIRE itself is refused
    const runtime = t.app.get(WorkflowRuntime, { strict: false });
    const early = await runtime
      .dispatch({ caseId: doc.id, type: 'EXPIRE', payload: { deadlineKey: 'validityEnd', dueDate: '2025-05-21' }, actor: { userId: SYSTEM_USER_ID, role: SYSTEM_ROLE, orgUnit: created.orgUnit } })
      .then(() => null, (e) => e);
    expect([early?.code, early?.article]).toEqual(['VALIDITY_END_NOT_REACHED', 'CC Art. 203']);
    await runScheduler('2025-05-22T01:00:00Z');
    const after = (await api.get('auditor', `/cases/${doc.id}`)).body;
    expect([after.state.path, after.status]).toEqual(['expired', 'done']);
    const history = (await api.get('auditor', `/cases/${doc.id}/history`)).body.records;
    const expire = history[history.length - 1];
    expect([expire.type, expire.actor.role, expire.actor.userId, expire.payload]).toEqual(['EXPIRE', 'system', 'system:deadlines', { deadlineKey: 'validityEnd', dueDate: '2025-05-21' }]);
    const rows = (await api.get('auditor', `/deadlines?status=all&caseId=${doc.id}`)).body.items;
    expect(rows.find((d: any) => d.key === 'validityEnd')).toMatchObject({ status: 'met' });
    expect((await api.get('auditor', `/cases/${doc.id}/verify`)).body).toMatchObject({ intact: true, replay: { ok: true } });

    const r2025 = (await api.get('auditor', '/reports/annual?year=2025')).body;
    const nd = r2025.documents.byType.find((d: any) => d.kind === 'normative-document');
    expect(nd.inForce.caseIds).not.toContain(doc.id);
    expect(nd.expired.caseIds).toContain(doc.id);
    const r2024 = (await api.get('auditor', '/reports/annual?year=2024')).body;
    expect(r2024.documents.byType.find((d: any) => d.kind === 'normative-document').inForce.caseIds).toContain(doc.id);
  });

  it('a published document awaiting filing is in force: counted at year end and reviewed by a campaign', async () => {
    const pending = await runNormativeDocument(api, { before: 'fileGovernment' });
    expect((await api.get('auditor', `/cases/${pending.id}`)).body.state.path).toMatch(/^filing/);
    const r2020 = (await api.get('auditor', '/reports/annual?year=2020')).body;
    expect(r2020.documents.byType.find((d: any) => d.kind === 'normative-document').inForce.caseIds).toContain(pending.id);

    await api.setClock('2020-05-04T02:00:00Z');
    const campaign = (await api.post('legal-reviewer', '/cleanup-campaigns', { name: '2020年专项清理（待备案文件）', kind: 'SPECIAL', basis: '专项清理' })).body;
    const mine = campaign.cases.find((c: any) => c.caseId === pending.id);
    expect(mine).toMatchObject({ outcome: 'opened' });
  });

  it('issue 9 §14a: a market-related consultation may be shorter than 30 days with a reason stated in the notice', async () => {
    await api.setClock('2026-03-02T02:00:00Z');
    const res = await api.post('dept-head', '/cases', { kind: 'normative-document', title: '掌起镇农贸市场摊位管理办法', proposal: NORMATIVE_DOCUMENT_PROPOSAL });
    const id = res.body.id as string;
    await api.ok('dept-head', id, 'SUBMIT_DRAFT', { title: '掌起镇农贸市场摊位管理办法', documentHash: NORMATIVE_DRAFT_HASH, marketRelated: true, explanation: '起草说明' });
    const short = { opensAt: '2026-03-02', closesAt: '2026-03-16', channels: ['掌起镇人民政府网站'] };
    const refused = await api.event('dept-head', id, 'PUBLISH_FOR_COMMENT', short);
    expect([refused.status, refused.body.code, refused.body.article]).toEqual([422, 'MARKET_CONSULTATION_TOO_SHORT', 'OBE Art. 62']);
    expect(refused.body.messageZh).toContain('一般不少于30日');
    const ok = await api.ok('dept-head', id, 'PUBLISH_FOR_COMMENT', { ...short, shortenedReason: '上级部署限期出台，征求意见期限缩短为14日' });
    expect(ok.case.state.path).toBe('publicConsultation.commentOpen');
  });
});
