/**
 * A major enforcement decision (重大行政执法决定, SPEC §7) end to end over HTTP on SQLite and
 * PostgreSQL: the legal review before the decision and the reviewer's qualification (APL Art. 58),
 * key refusals with code and article, and the verified history.
 */
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { createEnforcementCase, ENFORCEMENT_HASH, enforcementSteps, runStep } from '../factories/enforcement-decision.factory';

const CJK = /[\u4e00-\u9fff]/;

describe.each(DRIVERS)('a major enforcement decision end to end over HTTP on %s', (driver) => {
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
    expect(res.body.messageZh).toContain('第五十八条');
    const after = (await api.get('auditor', `/cases/${id}`)).body;
    expect([after.revision, after.headHash]).toEqual([before.revision, before.headHash]);
  }

  it('investigation → legal review by a qualified reviewer → the decision as reviewed, and the history verifies', async () => {
    const id = await createEnforcementCase(api);
    const steps = enforcementSteps();
    const decide = steps.find((s) => s.name === 'decide')!;
    let last: any;
    for (const s of steps) {
      if (s.name === 'opinion') {
        // no decision before the legal review has passed
        await refused('town-head', id, decide.type, decide.payload, 'LEGAL_REVIEW_REQUIRED', 'APL Art. 58');
        // the reviewer's legal professional qualification (a payload field until it is a user attribute)
        const { reviewerQualification: _, ...unqualified } = s.payload;
        await refused('legal-reviewer', id, s.type, unqualified, 'REVIEWER_QUALIFICATION_REQUIRED', 'APL Art. 58');
        await refused('legal-reviewer', id, s.type, { ...s.payload, reviewerQualification: { holderName: '新任审核员' } }, 'REVIEWER_QUALIFICATION_REQUIRED', 'APL Art. 58');
      }
      if (s.name === 'decide') {
        // a decision other than the reviewed one goes back for review first
        await refused('town-head', id, s.type, { ...s.payload, decisionHash: ENFORCEMENT_HASH.other }, 'DECISION_TEXT_NOT_REVIEWED', 'APL Art. 58');
      }
      last = await runStep(api, id, s);
    }
    expect([last.case.state.path, last.case.status, last.case.revision]).toEqual(['decided', 'done', steps.length + 1]);
    expect(last.case.records.legalityReview.opinions[0].reviewerQualification).toMatchObject({ certificateNumber: 'A20183302100456' });
    const verify = await api.get('auditor', `/cases/${id}/verify`);
    expect(verify.body).toMatchObject({ intact: true, events: steps.length + 1, chain: { ok: true }, replay: { ok: true } });
  });
});
