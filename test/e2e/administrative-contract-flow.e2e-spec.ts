/**
 * An administrative-organ contract (行政机关合同, SPEC §6) end to end over HTTP on SQLite and
 * PostgreSQL: review before signing (INV-C1), the guarantee clause (INV-C3), the signed written text
 * (INV-C2), a change reviewed again (INV-C4), the filing deadline, and the verified history.
 */
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { CONTRACT_HASH, contractSteps, createContract, runStep } from '../factories/administrative-contract.factory';

const CJK = /[\u4e00-\u9fff]/;

describe.each(DRIVERS)('an administrative contract end to end over HTTP on %s', (driver) => {
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

  it('due diligence → review → collective decision → signing → platform → filing → change reviewed again → closed', async () => {
    const id = await createContract(api);
    const steps = contractSteps();
    const sign = steps.find((s) => s.name === 'sign')!;
    let last: any;
    for (const s of steps) {
      if (s.name === 'opinion') {
        // INV-C1: no signing while the review runs
        await refused('town-head', id, 'SIGN_CONTRACT', sign.payload, 'LEGALITY_REVIEW_REQUIRED', 'NBR Art. 13');
        // INV-C3: a guarantee in the organ's name never passes as it stands
        await refused('legal-reviewer', id, s.type, { ...s.payload, outcome: 'LEGAL' }, 'GUARANTEE_CLAUSE_FORBIDDEN', '浙政办发〔2013〕37号');
      }
      if (s.name === 'sign') {
        // the text signed is the revised text that passed, in writing (INV-C1, INV-C2)
        await refused('town-head', id, s.type, { ...s.payload, signedDocumentHash: CONTRACT_HASH.draft }, 'SIGNED_TEXT_NOT_REVIEWED', 'NBR Art. 13');
        const { signedDocumentHash: _, ...unwritten } = s.payload;
        await refused('town-head', id, s.type, unwritten, 'WRITTEN_FORM_REQUIRED', '浙政办发〔2013〕37号');
        // the 422 says which field carries the written instrument
        const unwrittenRes = await api.event('town-head', id, s.type, unwritten);
        expect(unwrittenRes.body.details).toMatchObject({ rule: 'writtenFormRequired', field: 'signedDocumentHash', fieldLabel: { zh: '签署文本（SHA-256）', en: 'Signed document (SHA-256)' } });
        expect(unwrittenRes.body.messageZh).toMatch(/^须填写“签署文本（SHA-256）”：/);
        expect(unwrittenRes.body.message).toContain('signedDocumentHash');
      }
      if (s.name === 'submitChange') {
        // INV-C4: the change is not signed before its own review
        await refused('town-head', id, 'SIGN_CONTRACT', { ...sign.payload, signedOn: '2021-01-05', signedDocumentHash: CONTRACT_HASH.change }, 'LEGALITY_REVIEW_REQUIRED', 'NBR Art. 13');
      }
      last = await runStep(api, id, s);
      if (s.name === 'file') {
        const rows = (await api.get('auditor', `/deadlines?status=all&caseId=${id}`)).body.items;
        expect(rows.find((d: { key: string }) => d.key === 'contractFiling')).toMatchObject({ status: 'met', dueDate: '2020-07-17' });
      }
    }
    expect([last.case.state.path, last.case.status, last.case.revision]).toEqual(['closed', 'done', steps.length + 1]);
    expect(last.case.records.signings.map((x: { signedDocumentHash: string }) => x.signedDocumentHash)).toEqual([CONTRACT_HASH.revised, CONTRACT_HASH.change]);
    const verify = await api.get('auditor', `/cases/${id}/verify`);
    expect(verify.body).toMatchObject({ intact: true, events: steps.length + 1, chain: { ok: true }, replay: { ok: true } });
  });
});
