import request from 'supertest';
import { caseFingerprint, historyCount } from '../factories/db-fingerprint';
import { createMajorDecision, majorDecisionSteps, NO_PROCEDURES, PROPOSAL, runMajorDecision, runStep } from '../factories/major-decision.factory';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

/**
 * Issue 2 §5: one transaction per accepted event with a compare-and-swap on the revision.
 * Concurrent events on one case: exactly one wins, the others get 409; the history stays a
 * verifiable chain.
 */

const N = 50;
const step = (name: string) => majorDecisionSteps().find((s) => s.name === name)!;

const tally = (responses: request.Response[]) => {
  const out: Record<string, number> = {};
  for (const r of responses) {
    const key = `${r.status} ${r.status === 200 ? 'OK' : r.body.code}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
};

describe.each(DRIVERS)('concurrency on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp(driver);
    // a listening server: the parallel requests all go to one real socket
    await t.app.listen(0, '127.0.0.1');
    const addr = t.app.getHttpServer().address() as { port: number };
    url = `http://127.0.0.1:${addr.port}`;
    api = new ApiClient(t);
    for (const u of ['dept-head', 'town-head', 'auditor']) await api.token(u);
  });
  afterAll(async () => t?.close());

  const post = async (user: string, path: string, body: unknown) =>
    request(url).post(`/api/v1${path}`).set('Authorization', `Bearer ${await api.token(user)}`).send(body as object);

  it(`${N} parallel events at one expectedRevision: exactly 1 accepted, ${N - 1}× 409 REVISION_CONFLICT, one new record, history verifies`, async () => {
    const { id, last } = await runMajorDecision(api, { before: 'expert' });
    const revision = last.case.revision;
    const countBefore = await historyCount(t, id);
    const expert = step('expert');
    const responses = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        post('dept-head', `/cases/${id}/events`, {
          type: 'RECORD_EXPERT_OPINION',
          payload: { ...expert.payload, expert: `专家 ${i}` },
          expectedRevision: revision,
        }),
      ),
    );
    expect(tally(responses)).toEqual({ '200 OK': 1, '409 REVISION_CONFLICT': N - 1 });
    for (const r of responses.filter((x) => x.status === 409)) {
      expect(r.body.messageZh).toBeTruthy();
      expect(r.body.details).toMatchObject({ caseId: id });
    }
    const winner = responses.find((r) => r.status === 200)!;
    expect(winner.body.case.revision).toBe(revision + 1);

    expect(await historyCount(t, id)).toBe(countBefore + 1);
    const history = await api.get('auditor', `/cases/${id}/history`);
    const added = history.body.records.filter((r: { type: string }) => r.type === 'RECORD_EXPERT_OPINION');
    expect(added).toHaveLength(1);
    expect(added[0].payload.expert).toBe(winner.body.event.payload.expert);
    expect(added[0].seq).toBe(revision + 1);

    const verify = await api.get('auditor', `/cases/${id}/verify`);
    expect(verify.body).toMatchObject({ intact: true, revision: revision + 1, events: revision + 1, chain: { ok: true }, replay: { ok: true } });
    const row = await api.get('auditor', `/cases/${id}`);
    expect(row.body.revision).toBe(revision + 1);
  });

  it(`${N} parallel DECIDE_TO_START without expectedRevision: exactly 1 accepted, the rest 409, history verifies`, async () => {
    const id = await createMajorDecision(api);
    const start = step('start');
    const responses = await Promise.all(Array.from({ length: N }, () => post('town-head', `/cases/${id}/events`, { type: start.type, payload: start.payload })));
    const counts = tally(responses);
    expect(counts['200 OK']).toBe(1);
    const refused = responses.filter((r) => r.status !== 200);
    expect(refused).toHaveLength(N - 1);
    for (const r of refused) {
      expect(r.status).toBe(409);
      expect(['EVENT_NOT_ALLOWED_IN_STATE', 'REVISION_CONFLICT']).toContain(r.body.code);
    }
    const history = await api.get('auditor', `/cases/${id}/history`);
    expect(history.body.records.map((r: { type: string }) => r.type)).toEqual(['CREATE_CASE', 'DECIDE_TO_START']);
    const verify = await api.get('auditor', `/cases/${id}/verify`);
    expect(verify.body).toMatchObject({ intact: true, revision: 2, events: 2 });
  });

  it('parallel events of two users at one revision on one case: one wins, the case stays consistent', async () => {
    // the town head withdraws while the department head submits the draft
    const { id, last } = await runMajorDecision(api, { before: 'draft', procedures: NO_PROCEDURES });
    const draft = step('draft');
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2
          ? post('town-head', `/cases/${id}/events`, { type: 'WITHDRAW', payload: { reason: `撤回 ${i}` }, expectedRevision: last.case.revision })
          : post('dept-head', `/cases/${id}/events`, { type: 'SUBMIT_DRAFT', payload: draft.payload, expectedRevision: last.case.revision }),
      ),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409 && r.body.code === 'REVISION_CONFLICT')).toHaveLength(19);
    const verify = await api.get('auditor', `/cases/${id}/verify`);
    expect(verify.body).toMatchObject({ intact: true, revision: last.case.revision + 1 });
  });

  it('20 different cases advanced in parallel all succeed, each with its own verifiable history', async () => {
    const created: string[] = [];
    for (let i = 0; i < 20; i++) created.push(await createMajorDecision(api, `并行事项 ${i}`));
    const steps = majorDecisionSteps(NO_PROCEDURES);
    const [start, draft] = steps;
    const r1 = await Promise.all(created.map((id) => post('town-head', `/cases/${id}/events`, { type: start.type, payload: start.payload, expectedRevision: 1 })));
    expect(tally(r1)).toEqual({ '200 OK': 20 });
    const r2 = await Promise.all(created.map((id) => post('dept-head', `/cases/${id}/events`, { type: draft.type, payload: draft.payload, expectedRevision: 2 })));
    expect(tally(r2)).toEqual({ '200 OK': 20 });
    const verifies = await Promise.all(created.map((id) => api.get('auditor', `/cases/${id}/verify`)));
    for (const v of verifies) expect(v.body).toMatchObject({ intact: true, revision: 3, events: 3 });
    // no record went to the wrong case
    for (const id of created) {
      const rows = await t.sql(`SELECT DISTINCT case_id FROM case_history WHERE case_id = ${driver === 'postgres' ? '$1' : '?'}`, [id]);
      expect(rows).toHaveLength(1);
      expect(await historyCount(t, id)).toBe(3);
    }
  });

  it('parallel creations and reads while events are written: no errors, every case intact', async () => {
    const { id, rest } = await runMajorDecision(api, { before: 'draft', procedures: NO_PROCEDURES });
    const before = await caseFingerprint(t, id);
    const work: Array<Promise<request.Response>> = [];
    for (let i = 0; i < 10; i++) {
      work.push(post('dept-head', '/cases', { kind: 'major-decision', title: `同时创建 ${i}`, proposal: PROPOSAL }));
      work.push(request(url).get(`/api/v1/cases/${id}`).set('Authorization', `Bearer ${await api.token('auditor')}`));
    }
    work.push(post('dept-head', `/cases/${id}/events`, { type: rest[0].type, payload: rest[0].payload }));
    const responses = await Promise.all(work);
    expect(responses.filter((r) => r.status >= 500)).toEqual([]);
    expect(responses.filter((r) => r.status === 201)).toHaveLength(10);
    expect(await caseFingerprint(t, id)).not.toBe(before);
    await runStep(api, id, rest[1]);
    expect((await api.get('auditor', `/cases/${id}/verify`)).body.intact).toBe(true);
  });
});
