/**
 * Issue 9 §8: a filing is judged by the day it was filed (the record's own legal date), not by the
 * day it was typed in. A party document issued 2025-11-03 is due for filing on 2025-12-03; filed
 * that day and recorded on 2025-12-04, the filing is met — in GET /deadlines and in the 2025 annual
 * report — while the history keeps the recording time. The same for normative-document and
 * contract filings.
 */
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { PARTY_DOCUMENT_PROPOSAL, PARTY_DRAFT_HASH } from '../factories/party-normative-document.factory';
import { runNormativeDocument } from '../factories/normative-document.factory';
import { contractSteps, createContract, runStep as runAc } from '../factories/administrative-contract.factory';

describe.each(DRIVERS)('a filing is judged by its filing date on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
  });
  afterAll(async () => t?.close());

  async function issuedPartyDocument(title: string) {
    await api.setClock('2025-10-20T02:00:00Z');
    const res = await api.post('dept-head', '/cases', { kind: 'party-normative-document', title, proposal: PARTY_DOCUMENT_PROPOSAL });
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    await api.ok('dept-head', id, 'SUBMIT_DRAFT', { title, documentHash: PARTY_DRAFT_HASH, filingScope: 'REQUIRED' });
    await api.ok('dept-head', id, 'SUBMIT_FOR_LEGALITY_REVIEW', {
      materials: { draftHash: PARTY_DRAFT_HASH, legalBasis: ['《中国共产党农村基层组织工作条例》'], procedureStatement: '已征求各村党组织意见' },
      requestedCompletionDate: '2025-10-28',
    });
    await api.ok('legal-reviewer', id, 'ACCEPT_FOR_REVIEW', {});
    await api.setClock('2025-10-27T02:00:00Z');
    await api.ok('legal-reviewer', id, 'ISSUE_REVIEW_OPINION', { outcome: 'LEGAL', reasons: '未发现明显不当', legalBasis: ['《中国共产党农村基层组织工作条例》'] });
    await api.setClock('2025-11-03T02:00:00Z');
    await api.ok('secretary', id, 'ISSUE_DOCUMENT', { issuedAt: '2025-11-03', documentNumber: `掌党发〔2025〕${title.length}号` });
    const rows = (await api.get('auditor', `/deadlines?status=open&caseId=${id}`)).body.items;
    expect(rows.map((d: { key: string; dueDate: string }) => [d.key, d.dueDate])).toEqual([['partyFiling', '2025-12-03']]);
    return id;
  }

  const filing = async (id: string) => (await api.get('auditor', `/deadlines?status=all&caseId=${id}`)).body.items.find((d: { key: string }) => d.key === 'partyFiling');

  it('filed on its due day, recorded the day after: met, in the deadlines and in the annual report', async () => {
    const onTime = await issuedPartyDocument('中共掌起镇委员会关于村级工程项目管理的规定');
    const late = await issuedPartyDocument('中共掌起镇委员会关于村级财务公开的规定');

    // recorded on 2025-12-04 (the filing itself was made on 12-03, its due day)
    await api.setClock('2025-12-04T02:00:00Z');
    // a filing day before the recording day is a 补录 (issue 9 §9): recorded with its reason
    const res = await api.post('secretary', `/cases/${onTime}/events`, {
      type: 'RECORD_FILING',
      payload: { filedOn: '2025-12-03', filedWith: '中共慈溪市委办公室' },
      backfill: { reason: '备案回执为纸质件，次日录入' },
    });
    expect(res.status).toBe(200);
    const rec = res.body;
    expect(rec.event.facts.backfill).toMatchObject({ reason: '备案回执为纸质件，次日录入', recordedOn: '2025-12-04' });
    // the recording time stays in the history
    expect(rec.event.at).toMatch(/^2025-12-04T02:00/);
    // filed on 12-04, a day after its due day: missed
    await api.ok('secretary', late, 'RECORD_FILING', { filedOn: '2025-12-04', filedWith: '中共慈溪市委办公室' });

    const met = await filing(onTime);
    expect(met).toMatchObject({ status: 'met', dueDate: '2025-12-03' });
    expect(met.closedAt).toMatch(/^2025-12-04T02:00/);
    expect(await filing(late)).toMatchObject({ status: 'missed', dueDate: '2025-12-03' });

    const r = (await api.get('auditor', '/reports/annual?year=2025')).body;
    expect(r.filings.met.caseIds).toContain(onTime);
    expect(r.filings.missed.caseIds).not.toContain(onTime);
    expect(r.filings.missed.caseIds).toContain(late);
    const party = r.deadlines.find((d: any) => d.kind === 'party-normative-document' && d.key === 'partyFiling');
    expect(party.met.caseIds).toEqual([onTime]);
    expect(party.missed.caseIds).toEqual([late]);
  });

  const backfilled = async (user: string, id: string, type: string, payload: Record<string, unknown>) => {
    const res = await api.post(user, `/cases/${id}/events`, { type, payload, backfill: { reason: '纸质回执，事后录入' } });
    expect([type, res.status]).toEqual([type, 200]);
    return res.body;
  };
  const rowOf = async (id: string, key: string) => (await api.get('auditor', `/deadlines?status=all&caseId=${id}`)).body.items.find((d: { key: string }) => d.key === key);

  it('the same for a normative document filing and a contract filing', async () => {
    // published 2020-04-22: the government filing is due 2020-05-22 (30 days), the presidium's 05-07
    const nd = await runNormativeDocument(api, { before: 'fileGovernment' });
    await api.setClock('2020-05-06T02:00:00Z');
    await api.ok('secretary', nd.id, 'RECORD_FILING', { line: 'TOWNSHIP_PRESIDIUM', filedOn: '2020-05-06', filedWith: '掌起镇人大主席团' });
    await api.setClock('2020-05-25T02:00:00Z');
    await backfilled('secretary', nd.id, 'RECORD_FILING', { line: 'GOVERNMENT', filedOn: '2020-05-22', filedWith: '慈溪市司法局' });
    expect(await rowOf(nd.id, 'governmentFiling')).toMatchObject({ status: 'met', dueDate: '2020-05-22' });

    // signed Fri 2020-07-10: entered and filed within 5 working days, due 07-17; recorded on Mon 07-20
    const ac = await createContract(api, '掌起镇农贸市场摊位租赁合同');
    for (const s of contractSteps()) {
      if (s.name === 'file') break;
      await runAc(api, ac, s);
    }
    await api.setClock('2020-07-20T02:00:00Z');
    await backfilled('dept-head', ac, 'RECORD_FILING', { filedOn: '2020-07-17', filedWith: '慈溪市司法局' });
    expect(await rowOf(ac, 'contractFiling')).toMatchObject({ status: 'met', dueDate: '2020-07-17' });
  });
});
