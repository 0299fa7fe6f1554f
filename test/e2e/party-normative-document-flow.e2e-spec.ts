/**
 * A party normative document (党内规范性文件, SPEC §5) end to end over HTTP on SQLite and
 * PostgreSQL: pre-review (INV-P1), issuance, the 30-day filing deadline (INV-P2), the filing review,
 * the justified exemption (INV-P3), key refusals with code and article, and the verified history.
 */
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { createPartyDocument, partyDocumentSteps, runStep } from '../factories/party-normative-document.factory';

const CJK = /[\u4e00-\u9fff]/;

describe.each(DRIVERS)('a party normative document end to end over HTTP on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
  });
  afterAll(async () => t?.close());

  async function refused(user: string, id: string, type: string, payload: unknown, code: string, article: string) {
    const before = (await api.get('auditor', `/cases/${id}`)).body;
    const res = await api.event(user, id, type, payload);
    expect({ type, status: res.status, code: res.body.code, article: res.body.article }).toEqual({ type, status: 422, code, article });
    expect(res.body.messageZh).toMatch(CJK);
    const after = (await api.get('auditor', `/cases/${id}`)).body;
    expect([after.revision, after.headHash]).toEqual([before.revision, before.headHash]);
  }

  it('pre-review → issuance → filing on time → filing review → in force → repealed, and the history verifies', async () => {
    const id = await createPartyDocument(api);
    const steps = partyDocumentSteps();
    let last: any;
    for (const s of steps) {
      if (s.name === 'draft') {
        // INV-P3: an exemption must be explicit and justified
        await refused('dept-head', id, s.type, { ...s.payload, filingScope: 'EXEMPT' }, 'EXEMPTION_NOT_JUSTIFIED', 'PFR 2019 Art. 2');
      }
      if (s.name === 'opinion') {
        // INV-P1: no issuance before a passing pre-review
        await refused('secretary', id, 'ISSUE_DOCUMENT', steps[4].payload, 'PRE_REVIEW_REQUIRED', '浙江乡镇合法性审查全覆盖通知');
      }
      if (s.name === 'issue') {
        await refused('secretary', id, s.type, { ...s.payload, issuedAt: '2020-06-11' }, 'ISSUE_DATE_IN_FUTURE', 'PFR 2012 Art. 4');
      }
      last = await runStep(api, id, s);
      if (s.name === 'issue') {
        expect(last.case.state.path).toBe('filing');
        const rows = (await api.get('auditor', `/deadlines?status=open&caseId=${id}`)).body.items;
        expect(rows.map((d: { key: string; dueDate: string }) => [d.key, d.dueDate])).toEqual([['partyFiling', '2020-07-10']]);
      }
      if (s.name === 'file') {
        const rows = (await api.get('auditor', `/deadlines?status=all&caseId=${id}`)).body.items;
        expect(rows.find((d: { key: string }) => d.key === 'partyFiling')).toMatchObject({ status: 'met', article: 'PFR 2012 Art. 4' });
      }
    }
    expect([last.case.state.path, last.case.status, last.case.revision]).toEqual(['repealed', 'done', steps.length + 1]);
    const verify = await api.get('auditor', `/cases/${id}/verify`);
    expect(verify.body).toMatchObject({ intact: true, events: steps.length + 1, chain: { ok: true }, replay: { ok: true } });
  });

  it('a justified exemption ends at issuance, with nothing to file', async () => {
    const id = await createPartyDocument(api, '中共掌起镇委员会会议纪要');
    let last: any;
    for (const s of partyDocumentSteps('EXEMPT')) last = await runStep(api, id, s);
    expect([last.case.state.path, last.case.status]).toEqual(['exemptFromFiling', 'done']);
    expect((await api.get('auditor', `/deadlines?status=all&caseId=${id}`)).body.items.map((d: { key: string }) => d.key)).toEqual(['preReviewOpinion']);
    expect((await api.get('auditor', `/cases/${id}/verify`)).body).toMatchObject({ intact: true });
  });
});
