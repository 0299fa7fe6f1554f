/**
 * /metrics (issue 14, operators' tools): Prometheus text behind METRICS_TOKEN (404 without one, 401
 * with a wrong one); transitions counted by the runtime, accepted and refused by code; HTTP latency by
 * route template; deadlines and the checkpoint read at scrape time; verification failures; the
 * worker's own metrics on its health port, with the queues' depths when Redis carries them.
 */
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { bypassingTriggers } from '../factories/history-forgery';
import { ph } from '../factories/db-fingerprint';
import { majorDecisionSteps, NO_PROCEDURES, runMajorDecision } from '../factories/major-decision.factory';
import { generateSigningKey } from '@app/audit';
import { ApiClient } from '../setup/api-client';
import { requireRedis, TEST_REDIS_URL } from '../setup/redis';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { startTestWorker, TestWorker } from '../setup/test-worker';

const TOKEN = 'metrics-scraper-token-0123456789';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition. */
function parse(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]] = l[2];
    out.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return out;
}

/** The sum of the samples of `name` whose labels include `labels` (0 when there is none). */
function total(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((a, s) => a + s.value, 0);
}

const has = (samples: Sample[], name: string) => samples.some((s) => s.name === name);

describe.each(DRIVERS)('metrics on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(driver, { METRICS_TOKEN: TOKEN, ...(driver === 'postgres' ? { DOCKET_SIGNING_KEY: generateSigningKey().base64 } : {}) });
    api = new ApiClient(t);
  });
  afterAll(() => t?.close());

  const scrape = async (): Promise<Sample[]> => {
    const res = await request(t.app.getHttpServer()).get('/api/v1/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return parse(res.text);
  };

  it('answers 401 without the token or with a wrong one, and keeps the attempt in the security log', async () => {
    const none = await request(t.app.getHttpServer()).get('/api/v1/metrics');
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ statusCode: 401, code: 'METRICS_TOKEN_INVALID', messageZh: expect.any(String) });
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(none.text).not.toMatch(/docket_/);
    for (const header of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, TOKEN, `Basic ${TOKEN}`]) {
      const res = await request(t.app.getHttpServer()).get('/api/v1/metrics').set('Authorization', header);
      expect(res.status).toBe(401);
    }
    // a user's login token is not the metrics token either
    const user = await request(t.app.getHttpServer()).get('/api/v1/metrics').set('Authorization', `Bearer ${await api.token('admin')}`);
    expect(user.status).toBe(401);
    const logged = await t.sql(`SELECT code FROM security_log WHERE path = ${ph(t, 1)}`, ['/api/v1/metrics']);
    expect(logged).toHaveLength(6);
    expect(new Set(logged.map((r) => r.code))).toEqual(new Set(['METRICS_TOKEN_INVALID']));
  });

  it('counts accepted and refused transitions by kind, event and code, and times requests by route template', async () => {
    const before = await scrape();
    const steps = majorDecisionSteps();
    const ran = steps.slice(0, steps.findIndex((s) => s.name === 'close'));
    const { id } = await runMajorDecision(api, { before: 'close' });

    // refused: the same step again (wrong state), an event the workflow does not have, a revision the case has left
    const again = await api.event('town-head', id, 'DECIDE_TO_START', ran[0].payload);
    expect(again.status).toBeGreaterThanOrEqual(400);
    const unknown = await api.event('town-head', id, 'NO_SUCH_EVENT', {});
    expect(unknown.status).toBeGreaterThanOrEqual(400);
    const stale = await api.event(ran[ran.length - 1].user, id, ran[ran.length - 1].type, ran[ran.length - 1].payload, 1);
    expect(stale.status).toBe(409);

    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) => total(after, name, labels) - total(before, name, labels);
    // the case's creation and every step run
    expect(delta('docket_transitions_accepted_total', { kind: 'major-decision' })).toBe(ran.length + 1);
    expect(delta('docket_transitions_accepted_total', { kind: 'major-decision', event: 'DECIDE_TO_START' })).toBe(1);
    expect(delta('docket_transitions_accepted_total', {})).toBe(ran.length + 1);
    expect(delta('docket_transitions_refused_total', { kind: 'major-decision', event: 'DECIDE_TO_START', code: again.body.code })).toBe(1);
    expect(delta('docket_transitions_refused_total', { kind: 'major-decision', event: 'unknown', code: unknown.body.code })).toBe(1);
    expect(delta('docket_transitions_refused_total', { kind: 'major-decision', event: ran[ran.length - 1].type, code: stale.body.code })).toBe(1);
    expect(delta('docket_transitions_refused_total', {})).toBe(3);
    // a caller's event type never becomes a label
    expect(after.some((s) => Object.values(s.labels).includes('NO_SUCH_EVENT'))).toBe(false);

    // latency by route template: the events' POSTs under one route, no case id
    const events = { method: 'POST', route: '/api/v1/cases/:id/events' };
    expect(delta('docket_http_request_duration_seconds_count', { ...events, status: '200' })).toBe(ran.length);
    for (const status of new Set([again.status, unknown.status, stale.status])) {
      const answered = [again, unknown, stale].filter((r) => r.status === status).length;
      expect(delta('docket_http_request_duration_seconds_count', { ...events, status: String(status) })).toBe(answered);
    }
    expect(delta('docket_http_request_duration_seconds_count', { method: 'POST', route: '/api/v1/cases', status: '201' })).toBe(1);
    expect(after.some((s) => Object.values(s.labels).some((v) => v.includes(id)))).toBe(false);
    // a path no route takes is counted under one label
    await request(t.app.getHttpServer()).get(`/api/v1/no-such-path/${id}`);
    expect(total(await scrape(), 'docket_http_request_duration_seconds_count', { route: 'unmatched', status: '404' })).toBeGreaterThanOrEqual(1);
  });

  it('reads open and overdue deadlines from the database at scrape time', async () => {
    // a case waiting for the legality review: its opinion is due
    await runMajorDecision(api, { before: 'accept', procedures: NO_PROCEDURES });
    const open = await t.sql(`SELECT workflow_kind AS kind, due_date AS "dueDate" FROM deadlines WHERE status = 'open' AND type = 'due'`);
    expect(open.length).toBeGreaterThan(0);
    const kind = open[0].kind as string;
    const mine = open.filter((d) => d.kind === kind);
    const latest = mine.map((d) => d.dueDate as string).sort().at(-1)!;

    await api.setClock(`${latest}T08:00:00Z`); // the last day itself: not yet overdue
    let s = await scrape();
    expect(total(s, 'docket_deadlines_open', { kind, type: 'due' })).toBe(mine.length);
    const notYet = mine.filter((d) => d.dueDate < latest).length;
    expect(total(s, 'docket_deadlines_overdue', { kind })).toBe(notYet);

    const next = new Date(Date.parse(`${latest}T08:00:00Z`) + 86_400_000).toISOString();
    await api.setClock(next);
    s = await scrape();
    expect(total(s, 'docket_deadlines_overdue', { kind })).toBe(mine.length);
    expect(total(s, 'docket_deadlines_open', {})).toBe(Number((await t.sql(`SELECT COUNT(*) AS n FROM deadlines WHERE status = 'open'`))[0].n));
  });

  it('shows the age of the last checkpoint once there is one', async () => {
    const none = (await t.sql('SELECT COUNT(*) AS n FROM checkpoints'))[0].n;
    if (Number(none) === 0) expect(has(await scrape(), 'docket_checkpoint_age_seconds')).toBe(false);
    const made = await api.post('admin', '/checkpoints');
    expect(made.status).toBe(201);
    const [last] = await t.sql('SELECT created_at AS "createdAt" FROM checkpoints ORDER BY seq DESC LIMIT 1');
    await api.setClock(new Date(Date.parse(last.createdAt) + 90_000).toISOString());
    const age = total(await scrape(), 'docket_checkpoint_age_seconds');
    expect(age).toBeGreaterThanOrEqual(90);
    expect(age).toBeLessThan(95);
  });

  it('counts verifications by verdict, and the failures', async () => {
    const before = await scrape();
    const [row] = await t.sql(`SELECT id FROM cases WHERE kind = 'major-decision' LIMIT 1`);
    expect((await api.get('auditor', `/cases/${row.id}/verify`)).body.intact).toBe(true);
    await bypassingTriggers(t, async () => {
      await t.sql(`UPDATE case_history SET payload = ${ph(t, 1)} WHERE case_id = ${ph(t, 2)} AND seq = 2`, ['{"edited":true}', row.id]);
    });
    expect((await api.get('auditor', `/cases/${row.id}/verify`)).body.verdict.status).toBe('FAIL');
    const after = await scrape();
    expect(total(after, 'docket_verify_failures_total') - total(before, 'docket_verify_failures_total')).toBe(1);
    expect(total(after, 'docket_case_verifications_total', { status: 'FAIL' }) - total(before, 'docket_case_verifications_total', { status: 'FAIL' })).toBe(1);
    expect(total(after, 'docket_case_verifications_total') - total(before, 'docket_case_verifications_total')).toBe(2);
  });

  it("holds the process's default metrics, and no queue depths on the embedded default without Redis", async () => {
    const s = await scrape();
    expect(has(s, 'process_cpu_user_seconds_total')).toBe(true);
    expect(has(s, 'nodejs_eventloop_lag_seconds')).toBe(true);
    expect(has(s, 'docket_queue_jobs')).toBe(false);
  });

  it('keeps one registry per application: a second API counts its own transitions only', async () => {
    const other = await startTestApp(driver, { METRICS_TOKEN: TOKEN });
    try {
      const res = await request(other.app.getHttpServer()).get('/api/v1/metrics').set('Authorization', `Bearer ${TOKEN}`);
      expect(res.status).toBe(200);
      const s = parse(res.text);
      expect(total(s, 'docket_transitions_accepted_total')).toBe(0);
      expect(total(await scrape(), 'docket_transitions_accepted_total')).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
  });
});

describe('metrics without METRICS_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(() => t?.close());

  it('answers 404 exactly as a path that does not exist, with or without a token', async () => {
    const server = t.app.getHttpServer();
    const unknown = await request(server).get('/api/v1/metricz');
    for (const auth of [undefined, `Bearer ${TOKEN}`]) {
      const req = request(server).get('/api/v1/metrics');
      const res = await (auth ? req.set('Authorization', auth) : req);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ ...unknown.body, message: unknown.body.message.replace('metricz', 'metrics') });
      expect(res.text).not.toMatch(/docket_|METRICS/);
    }
  });

  it('answers 404 on the worker too', async () => {
    const worker = await startTestWorker(t, '2020-08-03T01:00:00Z');
    try {
      const res = await request((worker.app as INestApplication).getHttpServer()).get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
      expect(res.status).toBe(404);
      expect(res.text).not.toMatch(/docket_/);
    } finally {
      await worker.close();
    }
  });
});

describe('the worker’s metrics on its health port', () => {
  let t: TestApp;
  let worker: TestWorker;
  const prefix = `metrics-${process.pid}`;

  beforeAll(async () => {
    await requireRedis();
    t = await startTestApp('sqlite', { METRICS_TOKEN: TOKEN, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix });
    worker = await startTestWorker(t, '2020-08-03T01:00:00Z');
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('serves /metrics behind the same token, with the queues’ depths when Redis carries them', async () => {
    const server = (worker.app as INestApplication).getHttpServer();
    expect((await request(server).get('/metrics')).status).toBe(401);
    expect((await request(server).get('/metrics').set('Authorization', 'Bearer wrong-token-wrong-token')).status).toBe(401);
    const res = await request(server).get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    const s = parse(res.text);
    for (const queue of ['deadlines', 'webhooks', 'emails', 'checkpoints']) {
      for (const state of ['waiting', 'active', 'delayed', 'failed']) {
        expect(s.some((x) => x.name === 'docket_queue_jobs' && x.labels.queue === queue && x.labels.state === state)).toBe(true);
      }
    }
    expect(has(s, 'process_cpu_user_seconds_total')).toBe(true);
    expect(res.text).toMatch(/^# TYPE docket_transitions_accepted_total counter$/m);
    // the API with Redis shows the same depths
    const api = await request(t.app.getHttpServer()).get('/api/v1/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(parse(api.text).filter((x) => x.name === 'docket_queue_jobs')).toHaveLength(16);
  });
});
