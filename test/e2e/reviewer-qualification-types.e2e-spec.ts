/**
 * Issue 9 §14 b over HTTP on SQLite and PostgreSQL: the APL Art. 58 ¶2 qualification of a
 * first-time reviewer applies to the decision types configured in
 * `enforcement.reviewerQualification.decisionTypes` (default ["PENALTY"], 行政处罚决定). The value in
 * force is kept in the opinion's history record; a value naming an unknown type stops the start.
 */
import { DocketConfigModule, loadConfig } from '@app/config';
import { PersistenceModule } from '@app/persistence';
import { RuntimeModule } from '@app/runtime';
import { Test } from '@nestjs/testing';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { createUser } from '../factories/users.factory';
import { ENFORCEMENT_PROPOSAL, enforcementSteps, runStep } from '../factories/enforcement-decision.factory';

const KEY = 'enforcement.reviewerQualification.decisionTypes';

describe.each(DRIVERS)('the reviewer qualification by decision type, on %s', (driver) => {
  /** a case of `decisionType` under review, and the factory's opinion step */
  async function underReview(api: ApiClient, decisionType: string) {
    await api.setClock('2020-07-20T01:00:00Z');
    const res = await api.post('dept-head', '/cases', { kind: 'enforcement-decision', title: `某${decisionType}案`, proposal: { ...ENFORCEMENT_PROPOSAL, decisionType } });
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    const steps = enforcementSteps();
    for (const s of steps.slice(0, 3)) await runStep(api, id, s);
    const opinion = steps.find((s) => s.name === 'opinion')!;
    await api.setClock(opinion.clock!);
    return { id, opinion };
  }

  const opinionRecord = async (api: ApiClient, id: string) =>
    ((await api.get('auditor', `/cases/${id}/history`)).body.records as any[]).find((r) => r.type === 'ISSUE_REVIEW_OPINION');

  describe('with the default configuration', () => {
    let t: TestApp;
    let api: ApiClient;
    let newcomer = '';
    beforeAll(async () => {
      t = await startTestApp(driver);
      api = new ApiClient(t);
      newcomer = (await createUser(api, { username: 'reviewer-first-time', orgUnit: 'sfs', roles: ['legal-reviewer'], displayName: '新任审核员 周某' })).username;
    });
    afterAll(async () => t?.close());

    it('refuses a first-time reviewer without the qualification on a penalty', async () => {
      const { id, opinion } = await underReview(api, 'PENALTY');
      const res = await api.event(newcomer, id, opinion.type, opinion.payload);
      expect([res.status, res.body.code, res.body.article]).toEqual([422, 'REVIEWER_QUALIFICATION_REQUIRED', 'APL Art. 58']);
      expect(res.body.messageZh).toContain('行政处罚决定');
    });

    it('lets them review the other decision types, and keeps the configuration in the history', async () => {
      for (const type of ['LICENSING', 'COMPULSORY_MEASURE', 'OTHER']) {
        const { id, opinion } = await underReview(api, type);
        const res = await api.event(newcomer, id, opinion.type, opinion.payload);
        expect({ type, status: res.status, state: res.body.case?.state?.value }).toEqual({ type, status: 200, state: 'decision' });
        expect((await opinionRecord(api, id)).facts.qualificationDecisionTypes).toEqual(['PENALTY']);
      }
      const verify = await api.get('auditor', `/cases/${(await underReview(api, 'OTHER')).id}/verify`);
      expect([verify.status, verify.body.ok]).toEqual([200, true]);
    });
  });

  describe(`with ${KEY} = ["PENALTY","COMPULSORY_MEASURE"]`, () => {
    let t: TestApp;
    let api: ApiClient;
    let newcomer = '';
    beforeAll(async () => {
      t = await startTestApp(driver, { DOCKET_RULES: JSON.stringify({ [KEY]: ['PENALTY', 'COMPULSORY_MEASURE'] }) });
      api = new ApiClient(t);
      newcomer = (await createUser(api, { username: 'reviewer-first-time', orgUnit: 'sfs', roles: ['legal-reviewer'] })).username;
    });
    afterAll(async () => t?.close());

    it('requires the qualification for the configured types only', async () => {
      const measure = await underReview(api, 'COMPULSORY_MEASURE');
      const refused = await api.event(newcomer, measure.id, measure.opinion.type, measure.opinion.payload);
      expect([refused.status, refused.body.code]).toEqual([422, 'REVIEWER_QUALIFICATION_REQUIRED']);
      const licence = await underReview(api, 'LICENSING');
      expect((await api.event(newcomer, licence.id, licence.opinion.type, licence.opinion.payload)).status).toBe(200);
      expect((await opinionRecord(api, licence.id)).facts.qualificationDecisionTypes).toEqual(['PENALTY', 'COMPULSORY_MEASURE']);
      // the qualified demo reviewer reviews any of them
      expect((await api.event('legal-reviewer', measure.id, measure.opinion.type, measure.opinion.payload)).status).toBe(200);
    });
  });
});

describe('a decision type the workflow does not know', () => {
  it('stops the start of the runtime module, naming the key', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-types-'));
    const config = loadConfig({ DATA_DIR: dir, DOCKET_RULES: JSON.stringify({ [KEY]: ['PENALTIES'] }) });
    try {
      await expect(Test.createTestingModule({ imports: [DocketConfigModule.forRoot(config), PersistenceModule, RuntimeModule] }).compile()).rejects.toThrow(
        /DOCKET_RULES: enforcement.reviewerQualification.decisionTypes: PENALTIES is not one of PENALTY, LICENSING, COMPULSORY_MEASURE, OTHER/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
