import { EmbeddedDeadlineScheduler } from '@app/deadlines';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { DemoSeedService } from '../../apps/api/src/seed/demo-seed.service';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { runNormativeDocument } from '../factories/normative-document.factory';
import { citizenComment, submitComment } from '../factories/participation.factory';

type Schema = Record<string, any>;

/**
 * The documented response schemas, made strict for the check: a field the document does not name
 * fails (`additionalProperties: false` where the schema lists properties and says nothing else),
 * and OpenAPI's `nullable` becomes JSON Schema's `null` alternative.
 */
function strict(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(strict);
  if (!s || typeof s !== 'object') return s;
  const { nullable, ...rest } = s as Schema;
  const out: Schema = {};
  for (const [k, v] of Object.entries(rest)) out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v as Schema).map(([p, x]) => [p, strict(x)])) : strict(v);
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return nullable ? { anyOf: [out, { type: 'null' }] } : out;
}

/** Real answers of the API validate against the schema the OpenAPI document gives for their status. */
describe.each(DRIVERS)('responses match the OpenAPI document on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  let doc: { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>; components: Schema };
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('sha256', /^[0-9a-f]{64}$/);
  const compiled = new Map<string, ValidateFunction>();

  beforeAll(async () => {
    // the portal's challenge kept cheap and its rate limit out of the way of the participation check
    t = await startTestApp(driver, { COMMENT_POW_BITS: '4', COMMENT_RATE_LIMIT: '1000' });
    api = new ApiClient(t);
    // the demo year: cases in every stage, a published catalog, deadlines
    await t.app.get(DemoSeedService).seedSampleCases();
    doc = (await request(api.server).get('/api/docs-json')).body;
  });
  afterAll(async () => t?.close());

  /** The problems of a response against the document (none: it conforms). */
  function problems(res: request.Response, method: string, path: string): string[] {
    const op = doc.paths[`/api/v1${path}`]?.[method];
    if (!op) return [`${method} ${path} is not documented`];
    const documented = op.responses[String(res.status)] ?? (res.status >= 400 && res.status < 500 ? op.responses['4XX'] : undefined);
    if (!documented) return [`${method} ${path}: status ${res.status} is not documented (${JSON.stringify(res.body).slice(0, 300)})`];
    const schema = documented.content?.['application/json']?.schema;
    if (!schema) return [`${method} ${path}: ${res.status} has no JSON schema`];
    const key = `${method} ${path} ${res.status}`;
    let validate = compiled.get(key);
    if (!validate) compiled.set(key, (validate = ajv.compile({ ...(strict(schema) as Schema), components: strict(doc.components) })));
    return validate(res.body) ? [] : (validate.errors ?? []).map((e) => `${key}: ${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  }

  it('GET /cases, GET /cases/:id, POST /cases, GET /workflows/:kind/:version, GET /notifications', async () => {
    const list = await api.get('auditor', '/cases');
    expect(list.status).toBe(200);
    expect(list.body.items.length).toBeGreaterThan(3);
    const out = [...problems(list, 'get', '/cases')];
    for (const c of list.body.items.slice(0, 8)) out.push(...problems(await api.get('auditor', `/cases/${c.id}`), 'get', '/cases/{id}'));
    const created = await api.post('dept-head', '/cases', { kind: 'major-decision', title: '掌起镇农村生活垃圾分类处理实施方案', proposal: { problem: '镇区生活垃圾分类设施不足', reasons: '群众反映强烈', legalBasis: '《浙江省生活垃圾管理条例》', solution: '新建分类收集点', necessity: '改善人居环境' } });
    expect(created.status).toBe(201);
    out.push(...problems(created, 'post', '/cases'));
    // the case as the town head sees it: an event it may send now
    const forHead = await api.get('town-head', `/cases/${created.body.id}`);
    expect(forHead.body.allowedEvents.map((e: { type: string }) => e.type)).toContain('DECIDE_TO_START');
    out.push(...problems(forHead, 'get', '/cases/{id}'));
    for (const w of (await api.get('auditor', '/workflows')).body as Array<{ kind: string; version: number }>) {
      out.push(...problems(await api.get('auditor', `/workflows/${w.kind}/${w.version}`), 'get', '/workflows/{kind}/{version}'));
    }
    // overdue deadlines of the demo year page the reviewer once
    const scheduler = t.app.get(EmbeddedDeadlineScheduler, { strict: false });
    const now = new Date();
    await scheduler.reconcile(now);
    await scheduler.tick(now);
    const inbox = await api.get('legal-reviewer', '/notifications');
    expect(inbox.body.items.length).toBeGreaterThan(0);
    out.push(...problems(inbox, 'get', '/notifications'));
    // a refusal carries the error body
    out.push(...problems(await api.get('auditor', '/cases/0b6f6b1e-3c5a-4d7e-9f10-2a3b4c5d6e7f'), 'get', '/cases/{id}'));
    expect(out).toEqual([]);
  });

  it('the check fails on a field the document does not name', () => {
    const list = { status: 200, body: { total: 0, items: [], extra: true } } as unknown as request.Response;
    expect(problems(list, 'get', '/cases')).toEqual([expect.stringContaining('must NOT have additional properties')]);
  });

  it('the other reading endpoints and an event answer as documented', async () => {
    const cases = (await api.get('auditor', '/cases')).body.items as Array<{ id: string }>;
    const id = cases[0].id;
    const out: string[] = [];
    const check = async (user: string, url: string, template: string, method: 'get' | 'post' = 'get', body?: unknown) =>
      out.push(...problems(method === 'get' ? await api.get(user, url) : await api.post(user, url, body), method, template));
    await check('admin', '/checkpoints', '/checkpoints', 'post');
    await check('auditor', '/auth/me', '/auth/me');
    await check('auditor', `/cases/${id}/history`, '/cases/{id}/history');
    await check('auditor', `/cases/${id}/verify`, '/cases/{id}/verify');
    await check('auditor', `/cases/${id}/audit/history`, '/cases/{id}/audit/history');
    await check('auditor', `/cases/${id}/audit/replay`, '/cases/{id}/audit/replay');
    await check('auditor', `/cases/${id}/state?at=2020-10-20T04:00:00Z`, '/cases/{id}/state');
    await check('auditor', `/cases/${id}/inclusion-proof`, '/cases/{id}/inclusion-proof');
    await check('auditor', `/cases/${id}/dossier`, '/cases/{id}/dossier');
    await check('legal-reviewer', '/tasks', '/tasks');
    await check('legal-reviewer', '/deadlines', '/deadlines');
    await check('legal-reviewer', '/review-desk/queue', '/review-desk/queue');
    await check('auditor', '/checkpoints', '/checkpoints');
    await check('auditor', '/checkpoints/keys', '/checkpoints/keys');
    await check('auditor', '/checkpoints/1', '/checkpoints/{seq}');
    await check('auditor', '/catalogs', '/catalogs');
    await check('auditor', '/catalogs/2020', '/catalogs/{year}');
    await check('dept-head', '/catalogs/2020', '/catalogs/{year}');
    await check('auditor', '/catalogs/2020/changes', '/catalogs/{year}/changes');
    await check('auditor', '/reports/annual?year=2020', '/reports/annual');
    await check('admin', '/users', '/users');
    await check('admin', '/org-units', '/org-units');
    await check('auditor', '/security-log', '/security-log');
    await check('admin', '/admin/calendar-years', '/admin/calendar-years');
    await check('admin', '/admin/queue-session', '/admin/queue-session');
    await check('admin', '/cleanup-campaigns', '/cleanup-campaigns');
    await check('auditor', '/health', '/health');
    const created = await api.post('dept-head', '/cases', { kind: 'major-decision', title: '镇区道路改造', proposal: { problem: '道路老化', reasons: '群众反映', legalBasis: '《公路法》', solution: '分期改造', necessity: '保障出行' } });
    const sent = await api.event('town-head', created.body.id, 'DECIDE_TO_START', {
      undertakingUnit: 'jjfzb',
      procedures: { publicParticipation: false, hearing: false, expertReview: false, riskAssessment: false, fairCompetitionReview: false },
    });
    expect(sent.status).toBe(200);
    out.push(...problems(sent, 'post', '/cases/{id}/events'));
    // refused: the error body
    out.push(...problems(await api.event('town-head', created.body.id, 'DECIDE_TO_START', {}), 'post', '/cases/{id}/events'));
    expect(out).toEqual([]);
  });

  it('the participation endpoints answer as documented: the public side, the docket, moderation, answers, the summary and the log', async () => {
    // the draft is published for comment 2020-03-02 → 2020-04-01 (the factory's notice)
    const { id } = await runNormativeDocument(api, { before: 'close' });
    await api.setClock('2020-03-12T02:00:00Z');
    const pub = () => request(api.server);
    const out: string[] = [];
    const check = (res: request.Response, status: number, method: string, template: string) => {
      if (res.status !== status) out.push(`${method} ${template}: ${res.status}, expected ${status} (${JSON.stringify(res.body).slice(0, 300)})`);
      out.push(...problems(res, method, template));
      return res.body;
    };
    check(await pub().get('/api/v1/public/consultations'), 200, 'get', '/public/consultations');
    check(await pub().get('/api/v1/public/challenge'), 200, 'get', '/public/challenge');
    let receipt: { trackingNumber: string; queryCode: string } | undefined;
    let first: { trackingNumber: string; queryCode: string } | undefined;
    for (const text of ['经营时间应延长至晚上十点。', '建议延长经营时间。', '欢迎选购本店商品，电话 138…']) {
      receipt = check(await submitComment(t, id, citizenComment({ text })), 201, 'post', '/public/consultations/{caseId}/comments');
      first ??= { trackingNumber: receipt!.trackingNumber, queryCode: receipt!.queryCode };
    }
    check(await pub().post('/api/v1/public/comments/lookup').send({ trackingNumber: receipt!.trackingNumber, queryCode: receipt!.queryCode }), 200, 'post', '/public/comments/lookup');
    const letter = { ...citizenComment({ displayName: '李四', contact: 'lisi@example.cn', text: '建议明确摊点的卫生责任。' }), source: 'LETTER', receivedOn: '2020-03-09' };
    check(await api.post('dept-head', `/cases/${id}/comments`, letter), 201, 'post', '/cases/{id}/comments');

    const ids = (check(await api.get('auditor', `/cases/${id}/comments`), 200, 'get', '/cases/{id}/comments').items as Array<{ id: string }>).map((c) => c.id);
    expect(ids).toHaveLength(4);
    check(await api.post('dept-head', `/cases/${id}/comments/${ids[2]}/hide`, { reason: 'ADVERTISING', note: '商品推销' }), 200, 'post', '/cases/{id}/comments/{commentId}/hide');
    const group = check(await api.post('dept-head', `/cases/${id}/comment-groups`, { title: '关于经营时间的意见', commentIds: ids.slice(0, 2) }), 201, 'post', '/cases/{id}/comment-groups');
    const answer = { disposition: 'PARTIALLY_ADOPTED', reason: '延长至晚上九点，兼顾周边居民休息。', clauseChanged: '第三条' };
    check(await api.post('dept-head', `/cases/${id}/comment-groups/${group.id}/disposition`, answer), 200, 'post', '/cases/{id}/comment-groups/{groupId}/disposition');
    check(await api.post('dept-head', `/cases/${id}/comments/${ids[3]}/disposition`, { disposition: 'ADOPTED', clauseChanged: '第二条' }), 200, 'post', '/cases/{id}/comments/{commentId}/disposition');
    check(await pub().get(`/api/v1/public/consultations/${id}`), 200, 'get', '/public/consultations/{caseId}');
    // the receipt of the hidden one, and of an answered one
    const hidden = check(await pub().post('/api/v1/public/comments/lookup').send({ trackingNumber: receipt!.trackingNumber, queryCode: receipt!.queryCode }), 200, 'post', '/public/comments/lookup');
    expect(hidden).toMatchObject({ status: 'HIDDEN', hiddenReasonLabel: { zh: '广告' } });
    const answered = check(await pub().post('/api/v1/public/comments/lookup').send(first!), 200, 'post', '/public/comments/lookup');
    expect(answered).toMatchObject({ status: 'ANSWERED', dispositionLabel: { zh: '部分采纳' }, clauseChanged: '第三条' });

    // after the last day: a call entered late (tagged 逾期), then the docket, the summary and the log
    await api.setClock('2020-04-02T02:00:00Z');
    const late = check(await api.post('dept-head', `/cases/${id}/comments`, { ...citizenComment({ contact: '0574-63201234' }), source: 'PHONE' }), 201, 'post', '/cases/{id}/comments');
    expect(late.lateLabel).toEqual({ zh: '逾期', en: 'Late' });
    const docket = check(await api.get('auditor', `/cases/${id}/comments`), 200, 'get', '/cases/{id}/comments');
    expect(docket).toMatchObject({ total: 5, late: 1, hidden: 1, undisposed: 1, groups: [expect.objectContaining({ dispositionLabel: expect.anything() })] });
    check(await api.get('auditor', `/cases/${id}/participation-summary`), 200, 'get', '/cases/{id}/participation-summary');
    const log = check(await api.get('auditor', `/cases/${id}/comment-actions`), 200, 'get', '/cases/{id}/comment-actions');
    expect(log.items.map((a: { action: string }) => a.action)).toEqual(['HIDE', 'GROUP', 'DISPOSE', 'DISPOSE']);

    // refusals carry the error body
    check(await submitComment(t, id, citizenComment()), 422, 'post', '/public/consultations/{caseId}/comments');
    check(await pub().get('/api/v1/public/consultations/00000000-0000-4000-8000-000000000000'), 404, 'get', '/public/consultations/{caseId}');
    check(await pub().post('/api/v1/public/comments/lookup').send({ trackingNumber: receipt!.trackingNumber, queryCode: 'AAAAAAAA' }), 404, 'post', '/public/comments/lookup');
    check(await api.post('dept-head', `/cases/${id}/comments/${ids[0]}/disposition`, answer), 422, 'post', '/cases/{id}/comments/{commentId}/disposition');
    expect(out).toEqual([]);
  });
});
