/**
 * Issue 9 §13 over HTTP on SQLite and PostgreSQL: enforcement-decision v2 refuses a penalty for a
 * complex case or a serious violation recorded without collective discussion (422
 * COLLECTIVE_DISCUSSION_REQUIRED, APL Art. 57 ¶2), leaving the case as it was; other decision
 * types and ordinary penalties are recorded as before.
 */
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { ENFORCEMENT_PROPOSAL, enforcementSteps, runStep } from '../factories/enforcement-decision.factory';

describe.each(DRIVERS)('heavier penalties are decided collectively, on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
  });
  afterAll(async () => t?.close());

  /** a case with `proposal` (over the factory's) and `draft` (over its proposed decision), reviewed and awaiting the decision */
  async function atDecision(proposal: Record<string, unknown> = {}, draft: Record<string, unknown> = {}) {
    await api.setClock('2020-07-20T01:00:00Z');
    const res = await api.post('dept-head', '/cases', { kind: 'enforcement-decision', title: '某化工公司非法排污案', proposal: { ...ENFORCEMENT_PROPOSAL, ...proposal } });
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    const steps = enforcementSteps();
    for (const s of steps) {
      if (s.name === 'decide') return { id, decide: s };
      await runStep(api, id, s.name === 'draft' ? { ...s, payload: { ...s.payload, ...draft } } : s);
    }
    throw new Error('no decide step');
  }

  async function refusedWithoutDiscussion(id: string, decide: { user: string; type: string; payload: Record<string, unknown>; clock?: string }) {
    if (decide.clock) await api.setClock(decide.clock);
    const before = (await api.get('auditor', `/cases/${id}`)).body;
    const res = await api.event(decide.user, id, decide.type, { ...decide.payload, collectiveDiscussion: false });
    expect({ status: res.status, code: res.body.code, article: res.body.article }).toEqual({ status: 422, code: 'COLLECTIVE_DISCUSSION_REQUIRED', article: 'APL Art. 57 ¶2' });
    expect(res.body.messageZh).toContain('行政处罚法》第五十七条第二款');
    expect(res.body.messageZh).toContain('集体讨论');
    const after = (await api.get('auditor', `/cases/${id}`)).body;
    expect([after.revision, after.headHash, after.state.value]).toEqual([before.revision, before.headHash, 'decision']);
  }

  it('new cases start on v3, which keeps v2’s collective discussion', async () => {
    const { id } = await atDecision();
    expect((await api.get('auditor', `/cases/${id}`)).body.workflowVersion).toBe(3);
  });

  it('a complex penalty: refused without collective discussion, recorded with it', async () => {
    const { id, decide } = await atDecision({ majorGround: 'COMPLEX_OR_MULTIPLE_RELATIONS' });
    await refusedWithoutDiscussion(id, decide);
    const ok = await runStep(api, id, decide);
    // v3: the decided case goes on to its service (送达)
    expect([ok.case.state.value, ok.case.status]).toEqual(['decided', 'active']);
  });

  it('a penalty for a serious violation (stated with the proposed decision): refused without collective discussion', async () => {
    const { id, decide } = await atDecision({}, { seriousViolation: true });
    await refusedWithoutDiscussion(id, decide);
    expect((await runStep(api, id, decide)).case.state.value).toBe('decided');
  });

  it('an ordinary penalty and other decision types are recorded without collective discussion, as before', async () => {
    const plain = await atDecision();
    expect((await runStep(api, plain.id, { ...plain.decide, payload: { ...plain.decide.payload, collectiveDiscussion: false } })).case.state.value).toBe('decided');
    const licence = await atDecision({ decisionType: 'LICENSING', majorGround: 'COMPLEX_OR_MULTIPLE_RELATIONS' }, { seriousViolation: true });
    expect((await runStep(api, licence.id, { ...licence.decide, payload: { ...licence.decide.payload, collectiveDiscussion: false } })).case.state.value).toBe('decided');
  });

  it('seriousViolation must be a boolean', async () => {
    await api.setClock('2020-07-20T01:00:00Z');
    const id = (await api.post('dept-head', '/cases', { kind: 'enforcement-decision', title: '某案', proposal: ENFORCEMENT_PROPOSAL })).body.id;
    const draft = enforcementSteps()[0];
    const res = await api.event('dept-head', id, 'SUBMIT_DRAFT', { ...draft.payload, seriousViolation: 'yes' });
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
