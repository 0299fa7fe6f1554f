/**
 * Cleanup campaigns (清理, 浙江省人民政府令第372号: every two years; issue 5 §1) over HTTP on SQLite
 * and PostgreSQL: a campaign opens a cleanup review on every normative document in force, through
 * WorkflowRuntime, once; the campaign is recorded with what happened to each document; the
 * secretary's conclusion closes a document's review; the next regular campaign is due two years on.
 */
import { runNormativeDocument } from '../factories/normative-document.factory';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

const CJK = /[\u4e00-\u9fff]/;

describe.each(DRIVERS)('cleanup campaigns on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
  });
  afterAll(async () => t?.close());

  const historyTypes = async (id: string): Promise<string[]> => (await api.get('auditor', `/cases/${id}/history`)).body.records.map((r: { type: string }) => r.type);

  it('opens a cleanup review on every document in force, once, records the campaign, and the conclusion closes it', async () => {
    const inForce = [(await runNormativeDocument(api, { before: 'cleanup' })).id, (await runNormativeDocument(api, { before: 'cleanup' })).id];
    const unpublished = (await runNormativeDocument(api, { before: 'register' })).id;
    const expired = (await runNormativeDocument(api)).id;
    const before = await historyTypes(inForce[0]);

    await api.setClock('2022-06-01T02:00:00Z');
    // who may start one: the 司法所 or the 党政办; administrators never act on cases
    for (const user of ['dept-head', 'admin', 'auditor']) {
      expect([user, (await api.post(user, '/cleanup-campaigns', { name: '2022年度清理' })).status]).toEqual([user, 403]);
    }
    expect((await api.post('legal-reviewer', '/cleanup-campaigns', {})).body.code).toBe('VALIDATION_FAILED');
    expect((await api.post('legal-reviewer', '/cleanup-campaigns', { name: '2022年度清理', kind: 'YEARLY' })).body.code).toBe('VALIDATION_FAILED');

    const res = await api.post('legal-reviewer', '/cleanup-campaigns', { name: '2022年度行政规范性文件清理', basis: '每两年全面清理一次（浙江省人民政府令第372号）' });
    expect(res.status).toBe(201);
    const campaign = res.body;
    expect(campaign).toMatchObject({ name: '2022年度行政规范性文件清理', kind: 'REGULAR', startedOn: '2022-06-01', startedRole: 'legal-reviewer', opened: 2, refused: 0, concluded: 0 });
    expect(campaign.finishedAt).toBeTruthy();
    expect(campaign.cases.map((c: { caseId: string }) => c.caseId).sort()).toEqual([...inForce].sort());
    for (const c of campaign.cases) expect(c).toMatchObject({ outcome: 'opened', code: null, statePath: 'inForce.effective', reviewedOn: null });

    // each document in force got one OPEN_CLEANUP_REVIEW through the runtime, sent for the reviewer
    for (const id of inForce) {
      expect(await historyTypes(id)).toEqual([...before, 'OPEN_CLEANUP_REVIEW']);
      const detail = (await api.get('auditor', `/cases/${id}`)).body;
      expect(detail.records.cleanupCampaigns).toEqual([
        expect.objectContaining({ campaignId: campaign.id, campaign: '2022年度行政规范性文件清理', openedOn: '2022-06-01', reviewedOn: null }),
      ]);
      expect((await api.get('auditor', `/cases/${id}/verify`)).body).toMatchObject({ intact: true, replay: { ok: true } });
    }
    // documents not in force are left alone
    expect(await historyTypes(unpublished)).not.toContain('OPEN_CLEANUP_REVIEW');
    expect(await historyTypes(expired)).not.toContain('OPEN_CLEANUP_REVIEW');

    // running it again (e.g. after an interruption) opens nothing twice; the name is taken
    const again = await api.post('secretary', `/cleanup-campaigns/${campaign.id}/run`);
    expect([again.status, again.body.opened]).toEqual([201, 2]);
    expect(await historyTypes(inForce[0])).toEqual([...before, 'OPEN_CLEANUP_REVIEW']);
    const dup = await api.post('secretary', '/cleanup-campaigns', { name: '2022年度行政规范性文件清理' });
    expect([dup.status, dup.body.code]).toEqual([409, 'CLEANUP_CAMPAIGN_EXISTS']);
    // the case itself refuses a second opening by the same campaign (Decree 372)
    const twice = await api.event('legal-reviewer', inForce[0], 'OPEN_CLEANUP_REVIEW', { campaignId: campaign.id, campaign: '2022年度行政规范性文件清理' });
    expect([twice.status, twice.body.code, twice.body.article]).toEqual([409, 'CLEANUP_REVIEW_ALREADY_OPEN', '浙江省人民政府令第372号']);

    // the secretary concludes one document's review for the campaign; an unknown campaign is refused with the article
    const unknown = await api.event('secretary', inForce[0], 'RECORD_CLEANUP_REVIEW', {
      conclusion: 'KEEP',
      reasons: '与上位法一致，继续有效',
      campaignId: '0c9a3b8e-2d4f-4e61-8a1b-7d5e6f708192',
    });
    expect([unknown.status, unknown.body.code, unknown.body.article]).toEqual([422, 'CLEANUP_CAMPAIGN_NOT_OPEN', '浙江省人民政府令第372号']);
    expect(unknown.body.messageZh).toMatch(CJK);
    await api.setClock('2022-06-20T02:00:00Z');
    const concluded = await api.ok('secretary', inForce[0], 'RECORD_CLEANUP_REVIEW', { conclusion: 'KEEP', reasons: '与上位法一致，继续有效', campaignId: campaign.id });
    expect(concluded.case.records.cleanupReviews[0]).toMatchObject({ campaign: '2022年度行政规范性文件清理', campaignId: campaign.id, reviewedOn: '2022-06-20' });
    const view = (await api.get('auditor', `/cleanup-campaigns/${campaign.id}`)).body;
    expect([view.opened, view.concluded]).toEqual([2, 1]);

    // the list says when the next regular campaign is due: two years on (config normdoc.cleanup.intervalYears)
    const list = (await api.get('admin', '/cleanup-campaigns')).body;
    expect(list).toMatchObject({
      intervalYears: 2,
      article: '浙江省人民政府令第372号',
      articleZh: '《浙江省行政规范性文件管理办法》（浙江省人民政府令第372号）',
      nextRegularDue: '2024-06-01',
    });
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([campaign.id]);
    expect((await api.get('dept-head', '/cleanup-campaigns')).status).toBe(403);
    expect((await api.get('admin', '/cleanup-campaigns/0c9a3b8e-2d4f-4e61-8a1b-7d5e6f708192')).body.code).toBe('CLEANUP_CAMPAIGN_NOT_FOUND');
  });
});
