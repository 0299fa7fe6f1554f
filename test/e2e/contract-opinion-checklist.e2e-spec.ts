/**
 * Issue 9 §12 over HTTP on SQLite and PostgreSQL: administrative-contract v2 refuses a review
 * opinion that contradicts its own checklist (OPINION_CONTRADICTS_CHECKLIST) and one that claims
 * legality for an unqualified counterparty (SUBJECT_NOT_QUALIFIED), 422 citing 浙政办发〔2013〕37号,
 * leaving the case as it was; the opinion the checklist supports goes through.
 */
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { contractSteps, createContract, runStep } from '../factories/administrative-contract.factory';

const CHECKLIST = { subjectQualified: true, termsLawfulAndReasonable: true, textStandard: true, disputeClauseSound: true, organGuarantee: false, exceedsAuthority: false };

describe.each(DRIVERS)('a contract opinion must agree with its checklist, on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
  });
  afterAll(async () => t?.close());

  /** a new contract (on the latest version) under review, and the factory's opinion step */
  async function underReview() {
    const id = await createContract(api);
    const steps = contractSteps();
    for (const s of steps) {
      if (s.name === 'opinion') return { id, opinion: s };
      await runStep(api, id, s);
    }
    throw new Error('no opinion step');
  }

  async function refused(id: string, payload: unknown, code: string) {
    const before = (await api.get('auditor', `/cases/${id}`)).body;
    const res = await api.event('legal-reviewer', id, 'ISSUE_REVIEW_OPINION', payload);
    expect({ status: res.status, code: res.body.code, article: res.body.article }).toEqual({ status: 422, code, article: '浙政办发〔2013〕37号' });
    expect(res.body.messageZh).toContain('浙政办发〔2013〕37号');
    const after = (await api.get('auditor', `/cases/${id}`)).body;
    expect([after.revision, after.headHash, after.state.value]).toEqual([before.revision, before.headHash, before.state.value]);
    return res.body;
  }

  it('new contracts start on v2', async () => {
    const { id } = await underReview();
    expect((await api.get('auditor', `/cases/${id}`)).body.workflowVersion).toBe(2);
  });

  it('refuses the issue’s opinion: LEGAL, while the checklist says not qualified, unlawful terms and a guarantee', async () => {
    const { id, opinion } = await underReview();
    const body = await refused(
      id,
      { ...opinion.payload, outcome: 'LEGAL', checklist: { ...CHECKLIST, subjectQualified: false, termsLawfulAndReasonable: false, organGuarantee: true } },
      'OPINION_CONTRADICTS_CHECKLIST',
    );
    expect(body.messageZh).toMatch(/审查要点/);
    // each contradiction alone
    await refused(id, { ...opinion.payload, outcome: 'LEGAL', checklist: { ...CHECKLIST, subjectQualified: false } }, 'OPINION_CONTRADICTS_CHECKLIST');
    await refused(id, { ...opinion.payload, outcome: 'LEGAL', checklist: { ...CHECKLIST, termsLawfulAndReasonable: false } }, 'OPINION_CONTRADICTS_CHECKLIST');
    await refused(id, { ...opinion.payload, outcome: 'LEGAL', checklist: { ...CHECKLIST, exceedsAuthority: true } }, 'OPINION_CONTRADICTS_CHECKLIST');
    // an unqualified counterparty is not cured by revisions
    await refused(id, { ...opinion.payload, outcome: 'LEGAL_WITH_REVISIONS', checklist: { ...CHECKLIST, subjectQualified: false } }, 'SUBJECT_NOT_QUALIFIED');
    // the factory's opinion (a guarantee found, to be removed) agrees with its checklist
    const ok = await runStep(api, id, opinion);
    expect(ok.case.state.value).toEqual({ legalityReview: 'revisionsRequired' });
  });

  it('an ILLEGAL opinion on an unqualified counterparty goes through: back to drafting', async () => {
    const { id, opinion } = await underReview();
    const res = await api.event('legal-reviewer', id, 'ISSUE_REVIEW_OPINION', {
      ...opinion.payload,
      outcome: 'ILLEGAL',
      reasons: '对方不具备相应资质',
      checklist: { ...CHECKLIST, subjectQualified: false },
    });
    expect(res.status).toBe(200);
    expect(res.body.case.state.value).toBe('drafting');
  });

  it('GET /workflows/administrative-contract/2 lists the new rules; v1 is still described', async () => {
    const v2 = (await api.get('auditor', '/workflows/administrative-contract/2')).body;
    const codes = v2.events.find((e: any) => e.type === 'ISSUE_REVIEW_OPINION').rules.map((r: any) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['OPINION_CONTRADICTS_CHECKLIST', 'SUBJECT_NOT_QUALIFIED']));
    const v1 = (await api.get('auditor', '/workflows/administrative-contract/1')).body;
    expect(v1.events.find((e: any) => e.type === 'ISSUE_REVIEW_OPINION').rules.map((r: any) => r.code)).not.toContain('OPINION_CONTRADICTS_CHECKLIST');
  });
});
