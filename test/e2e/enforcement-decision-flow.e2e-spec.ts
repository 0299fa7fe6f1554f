/**
 * A major enforcement decision (重大行政执法决定, SPEC §7) end to end over HTTP on SQLite and
 * PostgreSQL: the legal review before the decision and the reviewer's qualification (APL Art. 58),
 * a user attribute recorded by an administrator and checked by the guard; key refusals with code
 * and article, and the verified history.
 */
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { createEnforcementCase, ENFORCEMENT_HASH, enforcementSteps, REVIEWER_QUALIFICATION, runStep } from '../factories/enforcement-decision.factory';
import { createUser } from '../factories/users.factory';

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
      }
      if (s.name === 'decide') {
        // a decision other than the reviewed one goes back for review first
        await refused('town-head', id, s.type, { ...s.payload, decisionHash: ENFORCEMENT_HASH.other }, 'DECISION_TEXT_NOT_REVIEWED', 'APL Art. 58');
      }
      last = await runStep(api, id, s);
    }
    // on v3 the decided case goes on to its service (送达), test/e2e/enforcement-after-decision.e2e-spec.ts
    expect([last.case.state.path, last.case.status, last.case.revision]).toEqual(['decided', 'active', steps.length + 1]);
    // the demo reviewer's qualification as recorded on the user (APL Art. 58 ¶2)
    expect(last.case.records.legalityReview.opinions[0].reviewerQualification).toMatchObject({ certificateNumber: 'A20183302100456', obtainedOn: '2018-12-20' });
    const verify = await api.get('auditor', `/cases/${id}/verify`);
    expect(verify.body).toMatchObject({ intact: true, events: steps.length + 1, chain: { ok: true }, replay: { ok: true } });
  });

  it('APL Art. 58: the guard checks the qualification an administrator recorded on the user, never one the payload claims', async () => {
    const id = await createEnforcementCase(api, '某砂石场超范围开采案');
    const steps = enforcementSteps();
    for (const s of steps.slice(0, 3)) await runStep(api, id, s);
    const opinion = steps.find((s) => s.name === 'opinion')!;
    await api.setClock(opinion.clock!);
    const suffix = driver === 'sqlite' ? 's' : 'p';
    const newcomer = await createUser(api, { username: `reviewer-new-${suffix}`, orgUnit: 'sfs', roles: ['legal-reviewer'], displayName: '新任审核员 周某' });

    // a first-time reviewer without a recorded qualification: refused, whatever the payload claims
    await refused(newcomer.username, id, opinion.type, opinion.payload, 'REVIEWER_QUALIFICATION_REQUIRED', 'APL Art. 58');
    await refused(newcomer.username, id, opinion.type, { ...opinion.payload, reviewerQualification: REVIEWER_QUALIFICATION }, 'REVIEWER_QUALIFICATION_REQUIRED', 'APL Art. 58');
    const res = await api.event(newcomer.username, id, opinion.type, opinion.payload);
    expect(res.body.message).toMatch(/legal professional qualification/);
    expect(res.body.messageZh).toContain('法律职业资格');

    // only administrators record qualifications; bad input is 4xx with a stable code
    const put = (user: string, userId: string, body: unknown) => api.put(user, `/users/${userId}/qualifications`, body);
    expect((await put('legal-reviewer', newcomer.id, { legalQualificationCertificateNumber: 'A20203302001234' })).status).toBe(403);
    for (const [body, status, code] of [
      [{}, 400, 'NOTHING_TO_UPDATE'],
      [{ legalQualificationCertificateNumber: '无' }, 400, 'VALIDATION_FAILED'],
      [{ legalQualificationCertificateNumber: 'A20203302001234', legalQualificationObtainedOn: '2021-02-29' }, 400, 'VALIDATION_FAILED'],
      [{ legalQualificationObtainedOn: '2019-01-01' }, 400, 'QUALIFICATION_CERTIFICATE_REQUIRED'],
      [{ legalReviewSince: '2020-08-08' }, 400, 'DATE_IN_FUTURE'],
      [{ holderName: '周某' }, 400, 'VALIDATION_FAILED'],
    ] as const) {
      const r = await put('admin', newcomer.id, body);
      expect([JSON.stringify(body), r.status, r.body.code]).toEqual([JSON.stringify(body), status, code]);
    }
    expect((await put('admin', '00000000-0000-4000-8000-000000000000', { legalReviewSince: '2019-01-01' })).body.code).toBe('USER_NOT_FOUND');

    // the administrator records the certificate: the same reviewer is accepted
    const recorded = await put('admin', newcomer.id, { legalQualificationCertificateNumber: 'A20203302001234', legalQualificationObtainedOn: '2020-02-28' });
    expect(recorded.status).toBe(200);
    expect(recorded.body.qualifications).toMatchObject({
      legalProfessionalQualification: { certificateNumber: 'A20203302001234', obtainedOn: '2020-02-28' },
      legalReviewSince: null,
    });
    const listed = (await api.get('admin', '/users')).body.find((u: { id: string }) => u.id === newcomer.id);
    expect(listed.qualifications.legalProfessionalQualification.certificateNumber).toBe('A20203302001234');
    const accepted = await api.ok(newcomer.username, id, opinion.type, { ...opinion.payload, reviewerQualification: { holderName: '冒名者', certificateNumber: 'FAKE000001' } });
    expect(accepted.case.records.legalityReview.opinions[0].reviewerQualification).toEqual({
      holderName: '新任审核员 周某',
      certificateNumber: 'A20203302001234',
      obtainedOn: '2020-02-28',
      reviewingSince: null,
      userId: newcomer.id,
    });
    // the history keeps the record as it was when the opinion was accepted, and replays from it
    const history = (await api.get('auditor', `/cases/${id}/history`)).body.records;
    const rec = history.find((r: { type: string }) => r.type === 'ISSUE_REVIEW_OPINION');
    expect(rec.facts.reviewer).toMatchObject({ userId: newcomer.id, legalProfessionalQualification: { certificateNumber: 'A20203302001234' } });
    // clearing the certificate later changes nothing in the case, and the history still verifies
    expect((await put('admin', newcomer.id, { legalQualificationCertificateNumber: null })).body.qualifications.legalProfessionalQualification).toBeNull();
    expect((await api.get('auditor', `/cases/${id}/verify`)).body).toMatchObject({ intact: true, replay: { ok: true } });
  });
});
