import request from 'supertest';
import { caseFingerprint, historyCount } from '../factories/db-fingerprint';
import {
  ALL_PROCEDURES,
  majorDecisionSteps,
  NO_PROCEDURES,
  PROPOSAL,
  runMajorDecision,
  runStep,
  sha,
  Step,
} from '../factories/major-decision.factory';
import { createUser, DEMO_USER_ROLES } from '../factories/users.factory';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

/**
 * Issue 2 §6–§7: who may do what. Roles per event (the role × event matrix), org units,
 * reviewers' visibility, auditors, separation of duties, the security log, tasks, the login
 * rate limit and the test clock switch.
 */

const DEMO_USERS = Object.keys(DEMO_USER_ROLES);

/** Valid payloads of the events the happy path (the factory) does not send. */
const EXTRA_PAYLOADS: Record<string, Record<string, unknown>> = {
  DECLINE_TO_START: { reason: '不属于重大行政决策事项' },
  WITHDRAW: { reason: '上级政策调整，撤回本事项' },
  EXTEND_COMMENT_PERIOD: { closesAt: '2020-09-10', reason: '意见较多，延长征求意见期限' },
  RETURN_INCOMPLETE: { missing: ['风险评估报告'] },
  CONFIRM_REVISIONS: { documentHash: sha('draft-v2'), note: '已按审查意见修改第三条' },
  START_POST_EVALUATION: { evaluatorUnit: '宁波某第三方评估机构' },
  SUBMIT_POST_EVALUATION: { report: '决策实施效果良好' },
  SUSPEND: { reason: '上位法修改' },
  RESUME: {},
  PROPOSE_ADJUSTMENT: { scope: 'MINOR', description: '调整收集点位置' },
};

const STEP_PAYLOADS: Record<string, Record<string, unknown>> = Object.fromEntries(
  majorDecisionSteps(ALL_PROCEDURES).map((s) => [s.type, s.payload]),
);
const payloadOf = (type: string) => STEP_PAYLOADS[type] ?? EXTRA_PAYLOADS[type] ?? {};

/**
 * Where on the full pipeline (before which factory step) each event is accepted. `suspended`:
 * the town head suspends the implementation first (and resumes it after the checks).
 */
const STOPS: Array<{ before: string; events: string[]; suspended?: boolean }> = [
  { before: 'start', events: ['DECIDE_TO_START', 'DECLINE_TO_START', 'WITHDRAW'] },
  { before: 'draft', events: ['SUBMIT_DRAFT'] },
  { before: 'publish', events: ['PUBLISH_FOR_COMMENT'] },
  { before: 'hearing', events: ['RECORD_HEARING', 'EXTEND_COMMENT_PERIOD'] },
  { before: 'close', events: ['CLOSE_COMMENT_PERIOD'] },
  { before: 'summary', events: ['SUBMIT_PARTICIPATION_SUMMARY'] },
  { before: 'expert', events: ['RECORD_EXPERT_OPINION'] },
  { before: 'expertSummary', events: ['SUBMIT_EXPERT_SUMMARY'] },
  { before: 'risk', events: ['SUBMIT_RISK_REPORT'] },
  { before: 'submitReview', events: ['SUBMIT_FOR_LEGALITY_REVIEW'] },
  { before: 'accept', events: ['ACCEPT_FOR_REVIEW', 'RETURN_INCOMPLETE'] },
  { before: 'opinion', events: ['ISSUE_REVIEW_OPINION'] },
  { before: 'schedule', events: ['SCHEDULE_MEETING'] },
  { before: 'meeting', events: ['RECORD_MEETING'] },
  { before: 'party', events: ['RECORD_PARTY_COMMITTEE_REPORT'] },
  { before: 'publishDecision', events: ['PUBLISH_DECISION'] },
  {
    before: 'implement',
    events: ['REPORT_IMPLEMENTATION', 'START_POST_EVALUATION', 'SUBMIT_POST_EVALUATION', 'SUSPEND', 'PROPOSE_ADJUSTMENT', 'CLOSE_CASE'],
  },
  { before: 'implement', suspended: true, events: ['RESUME'] },
  { before: 'archive', events: ['ARCHIVE'] },
];

const ids = (list: Array<{ id: string }>) => list.map((c) => c.id);
const taskFor = (body: { items: Array<{ case: { id: string }; events: Array<{ type: string }> }> }, id: string) =>
  body.items.find((i) => i.case.id === id);

describe.each(DRIVERS)('access control on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  /** event type → roles, as the API describes the workflow */
  let roles: Record<string, string[]>;
  const covered = new Set<string>();
  const refusedBy = new Map<string, Set<string>>();

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
    const wf = await api.get('auditor', '/workflows/major-decision/1');
    roles = Object.fromEntries(wf.body.events.map((e: { type: string; roles: string[] }) => [e.type, e.roles]));
    await createUser(api, { username: 'dept-head-2', orgUnit: 'dzb', roles: ['department-head'] });
    await createUser(api, { username: 'dual-head', orgUnit: 'jjfzb', roles: ['department-head', 'legal-reviewer'] });
    for (const u of DEMO_USERS) await api.token(u);
  });
  afterAll(async () => t?.close());

  /**
   * Every demo user whose role may not send `type` sends it (with a valid payload) and gets
   * 403 ROLE_NOT_ALLOWED (NOT_YOUR_ORG_UNIT when the user's role sees cases but not this one); the
   * case does not move. Returns the problems found.
   */
  async function refuseOthers(caseId: string, type: string): Promise<string[]> {
    const problems: string[] = [];
    const allowed = roles[type];
    if (!allowed) return [`${type}: not described by GET /workflows/major-decision/1`];
    // the state accepts the event: a user holding an allowed role is offered it
    const holder = DEMO_USERS.find((u) => allowed.includes(DEMO_USER_ROLES[u]))!;
    const offered = (await api.get(holder, `/cases/${caseId}`)).body.allowedEvents?.map((e: { type: string }) => e.type) ?? [];
    if (!offered.includes(type)) problems.push(`${type}: not offered to ${holder} here (${offered.join(',')})`);
    for (const user of DEMO_USERS.filter((u) => !allowed.includes(DEMO_USER_ROLES[u]))) {
      // a user who may not see this case (a reviewer before submission) is refused as such;
      // everyone else, the admin whose role sees no case at all included, for the role
      const sees = (await api.get(user, `/cases/${caseId}`)).status === 200;
      const code = sees || user === 'admin' ? 'ROLE_NOT_ALLOWED' : 'NOT_YOUR_ORG_UNIT';
      const res = await api.event(user, caseId, type, payloadOf(type));
      if (res.status !== 403 || res.body.code !== code || !res.body.messageZh || !res.body.message) {
        problems.push(`${type} by ${user}: ${res.status} ${res.body.code}, expected 403 ${code}`);
      } else {
        if (!refusedBy.has(type)) refusedBy.set(type, new Set());
        refusedBy.get(type)!.add(user);
      }
    }
    covered.add(type);
    return problems;
  }

  describe('the role × event matrix', () => {
    let caseId: string;
    let pending: Step[];

    beforeAll(async () => {
      const run = await runMajorDecision(api, { before: 'start' });
      caseId = run.id;
      pending = run.rest;
    });

    async function advanceTo(before: string) {
      while (pending.length && pending[0].name !== before) await runStep(api, caseId, pending.shift()!);
      expect(pending[0]?.name).toBe(before);
    }

    it.each(STOPS.map((s) => [s.before + (s.suspended ? ' (suspended)' : ''), s.events.join(', '), s] as const))(
      'before step %s: users without an allowed role get 403 for %s, nothing changes',
      async (_before, _events, stop) => {
        await advanceTo(stop.before);
        if (stop.suspended) await api.ok('town-head', caseId, 'SUSPEND', EXTRA_PAYLOADS.SUSPEND);
        const before = await caseFingerprint(t, caseId);
        const problems: string[] = [];
        for (const type of stop.events) problems.push(...(await refuseOthers(caseId, type)));
        expect(problems).toEqual([]);
        expect(await caseFingerprint(t, caseId)).toBe(before);
        if (stop.suspended) await api.ok('town-head', caseId, 'RESUME', {});
      },
    );

    it('revisions required: other roles than the department head get 403 for CONFIRM_REVISIONS', async () => {
      const { id, rest } = await runMajorDecision(api, { before: 'opinion', procedures: NO_PROCEDURES });
      const opinion = rest[0];
      await api.setClock(opinion.clock!);
      await api.ok('legal-reviewer', id, 'ISSUE_REVIEW_OPINION', {
        ...opinion.payload,
        outcome: 'LEGAL_WITH_REVISIONS',
        suggestions: '第三条表述不准确',
      });
      const before = await caseFingerprint(t, id);
      expect(await refuseOthers(id, 'CONFIRM_REVISIONS')).toEqual([]);
      expect(await caseFingerprint(t, id)).toBe(before);
      const history = await api.get('auditor', `/cases/${id}/history`);
      expect(history.body.records.map((r: { type: string }) => r.type)).not.toContain('CONFIRM_REVISIONS');
    });

    it('covered every event of the definition, and the auditor and the admin were refused every one', async () => {
      expect([...covered].sort()).toEqual(Object.keys(roles).sort());
      for (const type of Object.keys(roles)) {
        expect({ type, refused: [...(refusedBy.get(type) ?? [])].filter((u) => u === 'auditor' || u === 'admin').sort() }).toEqual({
          type,
          refused: ['admin', 'auditor'],
        });
      }
      // and the walked case still verifies: no refused attempt entered its history
      const verify = await api.get('auditor', `/cases/${caseId}/verify`);
      expect(verify.body.intact).toBe(true);
    });

    it('the auditor and the admin cannot create cases either', async () => {
      for (const user of ['auditor', 'admin', 'legal-reviewer', 'town-head', 'secretary']) {
        const res = await api.post(user, '/cases', { kind: 'major-decision', title: '越权创建', proposal: PROPOSAL });
        expect({ user, status: res.status, code: res.body.code }).toEqual({ user, status: 403, code: 'ROLE_NOT_ALLOWED' });
      }
    });
  });

  describe('org units', () => {
    it("a department head of another unit can neither see, list nor act on the case", async () => {
      const { id } = await runMajorDecision(api, { before: 'draft' });
      const before = await caseFingerprint(t, id);
      for (const url of [`/cases/${id}`, `/cases/${id}/history`, `/cases/${id}/verify`]) {
        const res = await api.get('dept-head-2', url);
        expect({ url, status: res.status, code: res.body.code }).toEqual({ url, status: 403, code: 'NOT_YOUR_ORG_UNIT' });
      }
      const list = await api.get('dept-head-2', '/cases');
      expect(list.status).toBe(200);
      expect(ids(list.body.items)).not.toContain(id);
      const tasks = await api.get('dept-head-2', '/tasks');
      expect(taskFor(tasks.body, id)).toBeUndefined();
      const send = await api.event('dept-head-2', id, 'SUBMIT_DRAFT', payloadOf('SUBMIT_DRAFT'));
      expect(send.status).toBe(403);
      expect(send.body.code).toBe('NOT_YOUR_ORG_UNIT');
      expect(send.body.messageZh).toBeTruthy();
      expect(await caseFingerprint(t, id)).toBe(before);
      // the own unit's head still can
      expect((await api.event('dept-head', id, 'SUBMIT_DRAFT', payloadOf('SUBMIT_DRAFT'))).status).toBe(200);
    });

    it('a case of another unit becomes visible to the unit the start decision makes the undertaking unit', async () => {
      await api.setClock('2020-08-03T01:00:00Z');
      const created = await api.post('dept-head-2', '/cases', { kind: 'major-decision', title: '党政办提出的事项', proposal: PROPOSAL });
      expect(created.status).toBe(201);
      const id = created.body.id;
      expect((await api.get('dept-head', `/cases/${id}`)).status).toBe(403);
      expect(ids((await api.get('dept-head', '/cases')).body.items)).not.toContain(id);
      await api.ok('town-head', id, 'DECIDE_TO_START', { undertakingUnit: 'jjfzb', procedures: NO_PROCEDURES });
      expect((await api.get('dept-head', `/cases/${id}`)).status).toBe(200);
      expect(ids((await api.get('dept-head', '/cases')).body.items)).toContain(id);
      const tasks = await api.get('dept-head', '/tasks');
      expect(taskFor(tasks.body, id)?.events.map((e) => e.type)).toContain('SUBMIT_DRAFT');
    });
  });

  describe('reviewers and auditors', () => {
    it('the admin, whose role sees no case, is refused for the role (ROLE_NOT_ALLOWED), not for the unit', async () => {
      const { id } = await runMajorDecision(api, { before: 'draft', procedures: NO_PROCEDURES });
      for (const url of [`/cases/${id}`, `/cases/${id}/history`, `/cases/${id}/verify`]) {
        const res = await api.get('admin', url);
        expect({ url, status: res.status, code: res.body.code }).toEqual({ url, status: 403, code: 'ROLE_NOT_ALLOWED' });
        expect(res.body.messageZh).toBe('“系统管理员”不办理案件，无权查看或办理案件');
        expect(res.body.messageZh).not.toContain('单位');
        expect(res.body.message).toContain('Administrator');
      }
      // a role that sees cases keeps the unit's refusal
      expect((await api.get('dept-head-2', `/cases/${id}`)).body.code).toBe('NOT_YOUR_ORG_UNIT');
    });

    it('the legal reviewer sees a case only once it was sent to legality review', async () => {
      const { id, rest } = await runMajorDecision(api, { before: 'submitReview', procedures: NO_PROCEDURES });
      const get = await api.get('legal-reviewer', `/cases/${id}`);
      expect(get.status).toBe(403);
      expect(get.body.code).toBe('NOT_YOUR_ORG_UNIT');
      expect((await api.get('legal-reviewer', `/cases/${id}/history`)).status).toBe(403);
      expect(ids((await api.get('legal-reviewer', '/cases')).body.items)).not.toContain(id);
      expect(taskFor((await api.get('legal-reviewer', '/tasks')).body, id)).toBeUndefined();

      await runStep(api, id, rest[0]); // SUBMIT_FOR_LEGALITY_REVIEW
      const after = await api.get('legal-reviewer', `/cases/${id}`);
      expect(after.status).toBe(200);
      expect(after.body.state.path).toBe('legalityReview.submitted');
      expect(ids((await api.get('legal-reviewer', '/cases')).body.items)).toContain(id);
      expect((await api.get('legal-reviewer', `/cases/${id}/history`)).status).toBe(200);
    });

    it('the auditor sees every case, reads history and verification, and has no tasks', async () => {
      const own = await runMajorDecision(api, { before: 'draft', procedures: NO_PROCEDURES });
      await api.setClock('2020-08-03T01:00:00Z');
      const other = await api.post('dept-head-2', '/cases', { kind: 'major-decision', title: '党政办事项', proposal: PROPOSAL });
      const list = await api.get('auditor', '/cases?limit=500');
      expect(ids(list.body.items)).toEqual(expect.arrayContaining([own.id, other.body.id]));
      const total = await t.sql('SELECT count(*) AS n FROM cases');
      expect(list.body.total).toBe(Number(total[0].n));
      for (const id of [own.id, other.body.id]) {
        const res = await api.get('auditor', `/cases/${id}`);
        expect(res.status).toBe(200);
        expect(res.body.allowedEvents).toEqual([]);
        expect((await api.get('auditor', `/cases/${id}/history`)).status).toBe(200);
        expect((await api.get('auditor', `/cases/${id}/verify`)).body.intact).toBe(true);
      }
      const tasks = await api.get('auditor', '/tasks');
      expect(tasks.status).toBe(200);
      expect(tasks.body.items).toEqual([]);
      expect((await api.get('admin', '/tasks')).body.items).toEqual([]);
    });
  });

  describe('separation of duties', () => {
    let id: string;
    let rest: Step[];

    beforeAll(async () => {
      ({ id, rest } = await runMajorDecision(api, { before: 'submitReview', procedures: NO_PROCEDURES }));
    });

    it('whoever submitted the case for legality review may not issue its opinion (403 SEPARATION_OF_DUTIES)', async () => {
      const [submit, accept, opinion] = rest;
      await api.setClock(submit.clock!);
      const sent = await api.event('dual-head', id, submit.type, submit.payload);
      expect(sent.status).toBe(200);
      expect(sent.body.event.actor).toMatchObject({ role: 'department-head', orgUnit: 'jjfzb' });

      // accepting the materials is not reviewing them: the rule names the opinion only
      const accepted = await api.event('dual-head', id, accept.type, accept.payload);
      expect(accepted.status).toBe(200);
      expect(accepted.body.event.actor).toMatchObject({ role: 'legal-reviewer' });

      await api.setClock(opinion.clock!);
      const before = await caseFingerprint(t, id);
      const refused = await api.event('dual-head', id, opinion.type, opinion.payload);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('SEPARATION_OF_DUTIES');
      expect(refused.body.article).toMatch(/Art\. 25/);
      expect(refused.body.messageZh).toContain('第二十五条');
      expect(refused.body.message).toBeTruthy();
      expect(await caseFingerprint(t, id)).toBe(before);

      const log = await api.get('auditor', '/security-log');
      expect(log.body).toEqual(
        expect.arrayContaining([expect.objectContaining({ code: 'SEPARATION_OF_DUTIES', username: 'dual-head', caseId: id, status: 403 })]),
      );

      const issued = await api.event('legal-reviewer', id, opinion.type, opinion.payload);
      expect(issued.status).toBe(200);
      expect(issued.body.case.state.path).toBe('collectiveDecision.preparing');
    });

    it("the submitter's case detail and tasks do not offer the opinion as doable", async () => {
      const { id: other, rest: r } = await runMajorDecision(api, { before: 'submitReview', procedures: NO_PROCEDURES });
      await api.setClock(r[0].clock!);
      await api.ok('dual-head', other, r[0].type, r[0].payload);
      await api.ok('legal-reviewer', other, r[1].type, r[1].payload);
      const detail = await api.get('dual-head', `/cases/${other}`);
      const offer = detail.body.allowedEvents.find((e: { type: string }) => e.type === 'ISSUE_REVIEW_OPINION');
      if (offer) expect(offer.blockedBy.map((b: { code: string }) => b.code)).toContain('SEPARATION_OF_DUTIES');
      const tasks = await api.get('dual-head', '/tasks');
      expect(taskFor(tasks.body, other)?.events.map((e) => e.type) ?? []).not.toContain('ISSUE_REVIEW_OPINION');
      // the other reviewer is offered it
      expect(taskFor((await api.get('legal-reviewer', '/tasks')).body, other)?.events.map((e) => e.type)).toContain('ISSUE_REVIEW_OPINION');
    });
  });

  describe('the security log', () => {
    it('keeps refused attempts (401, 403, 422) with code, user and case, and the case history does not', async () => {
      const { id, rest } = await runMajorDecision(api, { before: 'publish' });
      const historyBefore = await historyCount(t, id);
      const before = await caseFingerprint(t, id);

      const noToken = await request(api.server).get(`/api/v1/cases/${id}`).set('Authorization', 'Bearer not.a.token');
      expect(noToken.status).toBe(401);
      expect(noToken.body.code).toBe('UNAUTHENTICATED');
      const wrongRole = await api.event('secretary', id, 'PUBLISH_FOR_COMMENT', rest[0].payload);
      expect(wrongRole.status).toBe(403);
      const otherUnit = await api.event('dept-head-2', id, 'PUBLISH_FOR_COMMENT', rest[0].payload);
      expect(otherUnit.status).toBe(403);
      const tooShort = await api.event('dept-head', id, 'PUBLISH_FOR_COMMENT', { ...rest[0].payload, closesAt: '2020-08-14' });
      expect(tooShort.status).toBe(422);
      expect(tooShort.body.article).toMatch(/Art\. 15/);
      const badLogin = await request(api.server).post('/api/v1/auth/login').send({ username: 'secretary', password: 'guess-guess' });
      expect(badLogin.status).toBe(401);

      const log = await api.get('auditor', '/security-log');
      expect(log.status).toBe(200);
      const entries = log.body as Array<{ code: string; username: string | null; caseId: string | null; status: number }>;
      const find = (code: string, username: string | null, caseId: string | null) =>
        entries.find((e) => e.code === code && e.username === username && e.caseId === caseId);
      expect(find('UNAUTHENTICATED', null, id)).toMatchObject({ status: 401 });
      expect(find('ROLE_NOT_ALLOWED', 'secretary', id)).toMatchObject({ status: 403 });
      expect(find('NOT_YOUR_ORG_UNIT', 'dept-head-2', id)).toMatchObject({ status: 403 });
      expect(find(tooShort.body.code, 'dept-head', id)).toMatchObject({ status: 422 });
      expect(find('INVALID_CREDENTIALS', 'secretary', null)).toMatchObject({ status: 401 });

      expect(await historyCount(t, id)).toBe(historyBefore);
      expect(await caseFingerprint(t, id)).toBe(before);
      const history = await api.get('auditor', `/cases/${id}/history`);
      expect(history.body.records.map((r: { type: string }) => r.type)).toEqual(['CREATE_CASE', 'DECIDE_TO_START', 'SUBMIT_DRAFT']);
    });

    it('is for auditors and admins only', async () => {
      for (const user of ['dept-head', 'legal-reviewer', 'town-head', 'secretary']) {
        const res = await api.get(user, '/security-log');
        expect({ user, status: res.status, code: res.body.code }).toEqual({ user, status: 403, code: 'ROLE_NOT_ALLOWED' });
      }
      expect((await api.get('admin', '/security-log')).status).toBe(200);
      expect((await request(api.server).get('/api/v1/security-log')).status).toBe(401);
    });
  });

  describe('tasks', () => {
    it("lists the case for the role whose turn it is, and only then", async () => {
      const steps = majorDecisionSteps(NO_PROCEDURES);
      const { id } = await runMajorDecision(api, { before: 'start', procedures: NO_PROCEDURES });
      const taskTypes = async (user: string) => taskFor((await api.get(user, '/tasks')).body, id)?.events.map((e) => e.type) ?? [];
      const byName = (name: string) => steps.find((s) => s.name === name)!;

      expect(await taskTypes('town-head')).toEqual(expect.arrayContaining(['DECIDE_TO_START']));
      for (const u of ['dept-head', 'legal-reviewer', 'secretary', 'auditor']) expect({ u, t: await taskTypes(u) }).toEqual({ u, t: [] });

      await runStep(api, id, byName('start'));
      expect(await taskTypes('dept-head')).toEqual(['SUBMIT_DRAFT']);
      expect(await taskTypes('town-head')).not.toContain('DECIDE_TO_START');
      for (const u of ['legal-reviewer', 'secretary', 'auditor']) expect({ u, t: await taskTypes(u) }).toEqual({ u, t: [] });

      await runStep(api, id, byName('draft'));
      await runStep(api, id, byName('submitReview'));
      expect(await taskTypes('legal-reviewer')).toEqual(expect.arrayContaining(['ACCEPT_FOR_REVIEW']));
      for (const u of ['dept-head', 'secretary', 'auditor']) expect({ u, t: await taskTypes(u) }).toEqual({ u, t: [] });

      await runStep(api, id, byName('accept'));
      expect(await taskTypes('legal-reviewer')).toEqual(expect.arrayContaining(['ISSUE_REVIEW_OPINION']));
      await runStep(api, id, byName('opinion'));
      expect(await taskTypes('secretary')).toEqual(['SCHEDULE_MEETING']);
      for (const u of ['dept-head', 'legal-reviewer', 'auditor']) expect({ u, t: await taskTypes(u) }).toEqual({ u, t: [] });
    });
  });

  describe('with a login rate limit of 3 and the test clock off', () => {
    let t2: TestApp;

    beforeAll(async () => {
      t2 = await startTestApp(driver, { LOGIN_RATE_LIMIT: '3', DOCKET_TEST_CLOCK: '0' });
    });
    afterAll(async () => t2?.close());

    it('answers 429 TOO_MANY_REQUESTS to the 4th login attempt within a minute, even with the right password', async () => {
      const login = (password: string) => request(t2.app.getHttpServer()).post('/api/v1/auth/login').send({ username: 'dept-head', password });
      for (let i = 0; i < 3; i++) {
        const res = await login(`wrong-${i}`);
        expect({ i, status: res.status, code: res.body.code }).toEqual({ i, status: 401, code: 'INVALID_CREDENTIALS' });
      }
      const fourth = await login('wrong-3');
      expect(fourth.status).toBe(429);
      expect(fourth.body.code).toBe('TOO_MANY_REQUESTS');
      expect(fourth.body.messageZh).toBeTruthy();
      const right = await login('docket-demo');
      expect(right.status).toBe(429);
      expect(right.body.accessToken).toBeUndefined();
    });

    it('has no test clock: PUT /api/v1/test/clock answers 404', async () => {
      const res = await request(t2.app.getHttpServer()).put('/api/v1/test/clock').send({ now: '2020-01-01T00:00:00Z' });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
      expect((await request(t2.app.getHttpServer()).get('/api/v1/test/clock')).status).toBe(404);
    });
  });
});
