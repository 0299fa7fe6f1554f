/**
 * Issue 9 §10: a party document whose filing exemption stood the pre-review (a leadership speech,
 * PFR 2019 Art. 2) is not a party normative document. The year's figures count it apart
 * (`issuedNotADocument`), neither as issued nor as in force; an exemption the reviewer rejected
 * leaves a normative document, counted as one. SQLite and PostgreSQL.
 */
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { createPartyDocument, partyDocumentSteps, runStep, Step } from '../factories/party-normative-document.factory';

const SPEECH = { category: 'LEADERSHIP_SPEECH', justification: '本件为镇党委书记在全镇干部大会上的讲话，印发供学习，不具有普遍约束力' };

/** The exempt path of the factory, with the draft declaring a leadership speech and the opinion as given. */
const speechSteps = (opinion: Record<string, unknown> = {}): Step[] =>
  partyDocumentSteps('EXEMPT').map((s) =>
    s.name === 'draft' ? { ...s, payload: { ...s.payload, exemption: SPEECH } } : s.name === 'opinion' ? { ...s, payload: { ...s.payload, ...opinion } } : s,
  );

const sorted = (xs: string[]) => [...xs].sort();

describe.each(DRIVERS)('the annual report counts a document found not to be a party normative document apart, on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  let speech = '';
  let rejected = '';
  let regular = '';

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
    // a leadership speech: the exemption is upheld, the case ends at issuance (exemptFromFiling)
    speech = await createPartyDocument(api, '中共掌起镇委员会书记在全镇干部大会上的讲话');
    for (const s of speechSteps()) await runStep(api, speech, s);
    // a declared exemption the reviewer rejected: a party normative document, to be filed
    rejected = await createPartyDocument(api, '中共掌起镇委员会关于村级工程项目管理的意见');
    for (const s of speechSteps({ exemptionRejected: true })) await runStep(api, rejected, s);
    // an ordinary party normative document, filed in time
    regular = await createPartyDocument(api, '中共掌起镇委员会关于规范村级重大事项决策程序的规定');
    for (const s of partyDocumentSteps()) if (s.name !== 'repeal') await runStep(api, regular, s);
  }, 120_000);
  afterAll(async () => t?.close());

  it('ends the upheld exemption at issuance and the rejected one in filing', async () => {
    expect((await api.get('auditor', `/cases/${speech}`)).body.state.value).toBe('exemptFromFiling');
    expect((await api.get('auditor', `/cases/${rejected}`)).body.state.value).not.toBe('exemptFromFiling');
  });

  it('neither counts the speech as issued nor as in force, and names it in a figure of its own', async () => {
    const r = (await api.get('secretary', '/reports/annual?year=2020')).body;
    const party = r.documents.byType.find((d: any) => d.kind === 'party-normative-document');
    expect(party.issuedInYear.caseIds).toEqual(sorted([rejected, regular]));
    expect(party.inForce.caseIds).toEqual(sorted([rejected, regular]));
    expect(party.issuedNotADocument).toMatchObject({ value: 1, caseIds: [speech] });
    expect(r.documents.inForce.caseIds).not.toContain(speech);
    expect(r.documents.issuedNotADocument).toMatchObject({ value: 1, caseIds: [speech], drill: '/api/v1/reports/annual?year=2020&drill=documents.issuedNotADocument' });
    // the administrative documents have none
    expect(r.documents.byType.find((d: any) => d.kind === 'normative-document').issuedNotADocument.value).toBe(0);
    // it is still a matter handled and reviewed (the pre-review is where the exemption was checked)
    expect(r.cases.total.caseIds).toContain(speech);
    expect(r.legalityReview.reviewed.caseIds).toContain(speech);

    const drill = await api.get('secretary', '/reports/annual?year=2020&drill=documents.issuedNotADocument');
    expect(drill.status).toBe(200);
    expect(drill.body.cases.map((c: any) => c.id)).toEqual([speech]);
  });

  it('says so in the zh-CN report', async () => {
    const html = await api.get('town-head', '/reports/annual.html?year=2020');
    expect(html.status).toBe(200);
    expect(html.text).toMatch(/党内规范性文件(<[^>]+>)*2(<[^>]+>)*件/);
    expect(html.text).toContain('经审查不属于规范性文件的文件（领导讲话、会议纪要等，不列入备案范围）');
    expect(html.text).toContain('drill=documents.issuedNotADocument');
    expect(html.text).toContain('未计入制定和现行有效件数');
    // a year without such a document says nothing of it
    const r2021 = await api.get('town-head', '/reports/annual.html?year=2021');
    expect(r2021.text).not.toContain('不属于规范性文件的文件');
  });
});
