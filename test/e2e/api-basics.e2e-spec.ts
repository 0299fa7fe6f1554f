import request from 'supertest';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

const proposal = {
  problem: '镇区生活垃圾分类设施不足',
  reasons: '群众反映强烈，现有设施老化',
  legalBasis: '《浙江省生活垃圾管理条例》',
  solution: '新建分类收集点并配备专职人员',
  necessity: '改善人居环境，回应群众诉求',
};

describe.each(DRIVERS)('API basics on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
  });
  afterAll(async () => t?.close());

  it('answers health without login', async () => {
    const res = await request(api.server).get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
  });

  it('serves the OpenAPI JSON document at /api/docs-json without login (the path README names)', async () => {
    const res = await request(api.server).get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toContain('/api/v1/health');
  });

  it('logs in with the demo password and refuses a wrong one (logged)', async () => {
    expect(await api.token('dept-head')).toMatch(/^ey/);
    const bad = await request(api.server).post('/api/v1/auth/login').send({ username: 'dept-head', password: 'wrong-password' });
    expect(bad.status).toBe(401);
    expect(bad.body.code).toBe('INVALID_CREDENTIALS');
    expect(bad.body.messageZh).toBeTruthy();
    const log = await api.get('auditor', '/security-log');
    expect(log.status).toBe(200);
    expect(log.body.some((e: { code: string; username: string }) => e.code === 'INVALID_CREDENTIALS' && e.username === 'dept-head')).toBe(true);
  });

  it('refuses requests without a token', async () => {
    const res = await request(api.server).get('/api/v1/cases');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('describes the major-decision workflow with labels, roles and a Mermaid diagram', async () => {
    const list = await api.get('auditor', '/workflows');
    expect(list.body).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'major-decision', version: 1 })]));
    const res = await api.get('auditor', '/workflows/major-decision/1');
    expect(res.status).toBe(200);
    expect(res.body.mermaid).toContain('stateDiagram-v2');
    expect(res.body.states.find((s: { path: string }) => s.path === 'legalityReview').label.zh).toBe('合法性审查');
    const submit = res.body.events.find((e: { type: string }) => e.type === 'SUBMIT_FOR_LEGALITY_REVIEW');
    expect(submit.roles).toEqual(['department-head']);
    // each rule gives its article by short reference and as a clerk reads it
    expect(submit.rules.find((r: { name: string }) => r.name === 'legalityReviewPeriodSufficient')).toMatchObject({
      article: 'R713 Art. 26',
      articleZh: '《重大行政决策程序暂行条例》第二十六条',
    });
    expect((await api.get('auditor', '/workflows/major-decision/9')).status).toBe(404);
  });

  it('creates a case, shows it with allowed events, and verifies its history', async () => {
    const created = await api.post('dept-head', '/cases', { kind: 'major-decision', title: '垃圾分类实施方案', proposal });
    expect(created.status).toBe(201);
    expect(created.body.state.path).toBe('initiation');
    expect(created.body.state.stageLabel.zh).toBe('决策启动');
    expect(created.body.state.label.zh).toContain('决策启动');
    expect(created.body.revision).toBe(1);
    const id = created.body.id;
    const asHead = await api.get('town-head', `/cases/${id}`);
    expect(asHead.body.allowedEvents.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['DECIDE_TO_START', 'DECLINE_TO_START']),
    );
    const asDept = await api.get('dept-head', `/cases/${id}`);
    expect(asDept.body.allowedEvents.map((e: { type: string }) => e.type)).not.toContain('DECIDE_TO_START');
    const verify = await api.get('auditor', `/cases/${id}/verify`);
    expect(verify.status).toBe(200);
    expect(verify.body.intact).toBe(true);
    const hist = await api.get('auditor', `/cases/${id}/history`);
    expect(hist.body.records).toHaveLength(1);
    expect(hist.body.records[0]).toMatchObject({ seq: 1, type: 'CREATE_CASE', actor: { role: 'department-head', orgUnit: 'jjfzb' } });
  });

  it('answers 4xx with a stable code for malformed JSON, unknown case and unknown kind', async () => {
    const token = await api.token('dept-head');
    const malformed = await request(api.server)
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send('{"kind": "major-decision",');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('MALFORMED_JSON');
    const unknown = await api.get('dept-head', '/cases/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('CASE_NOT_FOUND');
    const kind = await api.post('dept-head', '/cases', { kind: 'no-such-kind', title: 'x', proposal });
    expect(kind.status).toBe(400);
    expect(kind.body.code).toBe('UNKNOWN_WORKFLOW');
  });
});
