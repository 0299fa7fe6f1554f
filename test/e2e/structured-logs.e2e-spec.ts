/**
 * Structured logs (issue 14, operators' tools): JSON lines through pino; every line of a request
 * carries its id (X-Request-Id when sane, else a new one, answered in the header), the security log
 * keeps it; no password, token or cookie ever reaches the output.
 */
import request from 'supertest';
import { DEMO_PASSWORD } from '../setup/api-client';
import { startTestApp, TestApp } from '../setup/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('structured logs', () => {
  let t: TestApp;
  const out: string[] = [];
  const lines = () => out.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>);
  const ofRequest = (id: string) => lines().filter((l) => l.req?.id === id);

  beforeAll(async () => {
    t = await startTestApp('sqlite', { LOG_LEVEL: 'log', LOG_FORMAT: 'json' }, { logDestination: { write: (s: string) => void out.push(s) } });
  });
  afterAll(() => t?.close());

  it('writes one JSON object a line, Nest’s own lines included', () => {
    const all = lines();
    expect(all.length).toBeGreaterThan(0);
    expect(all.some((l) => l.context === 'RoutesResolver' || l.context === 'RouterExplorer')).toBe(true);
    for (const l of all) expect(l).toMatchObject({ level: expect.any(Number), time: expect.any(Number), msg: expect.any(String) });
  });

  it('takes a sane X-Request-Id, answers it, and logs the request under it', async () => {
    const res = await request(t.app.getHttpServer()).get('/api/v1/checkpoints').set('X-Request-Id', 'lb-7f3a.42:1');
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBe('lb-7f3a.42:1');
    const [done] = ofRequest('lb-7f3a.42:1');
    expect(done).toMatchObject({ msg: 'request completed', req: { method: 'GET', url: '/api/v1/checkpoints' }, res: { statusCode: 200 }, responseTime: expect.any(Number) });
  });

  it('replaces a missing or unreasonable one with a new UUID', async () => {
    const none = await request(t.app.getHttpServer()).get('/api/v1/checkpoints');
    expect(none.headers['x-request-id']).toMatch(UUID);
    expect(ofRequest(none.headers['x-request-id'])).toHaveLength(1);
    for (const bad of ['has spaces in it', 'x'.repeat(129), 'quote"s', 'new\\nline']) {
      const res = await request(t.app.getHttpServer()).get('/api/v1/checkpoints').set('X-Request-Id', bad);
      expect(res.headers['x-request-id']).toMatch(UUID);
      expect(out.join('')).not.toContain(bad);
    }
  });

  it('carries the id on every line logged while the request is handled', async () => {
    const login = await request(t.app.getHttpServer()).post('/api/v1/auth/login').send({ username: 'admin', password: DEMO_PASSWORD });
    const made = await request(t.app.getHttpServer()).post('/api/v1/checkpoints').set('Authorization', `Bearer ${login.body.accessToken}`).set('X-Request-Id', 'make-checkpoint-1');
    expect(made.status).toBe(201);
    const mine = ofRequest('make-checkpoint-1');
    // the writer's own line, then the request's
    expect(mine.map((l) => l.msg)).toEqual([expect.stringMatching(/^checkpoint \d+: /), 'request completed']);
    expect(mine[0]).toMatchObject({ context: 'Checkpoints', level: 30 });
  });

  it('keeps the request id in the security log', async () => {
    const res = await request(t.app.getHttpServer()).post('/api/v1/auth/login').set('X-Request-Id', 'wrong-password-1').send({ username: 'auditor', password: 'not-the-password' });
    expect(res.status).toBe(401);
    const [row] = await t.sql(`SELECT detail FROM security_log WHERE username = 'auditor' ORDER BY id DESC LIMIT 1`);
    expect(JSON.parse(row.detail)).toMatchObject({ requestId: 'wrong-password-1' });
    expect(ofRequest('wrong-password-1')).toEqual([expect.objectContaining({ msg: 'request completed', level: 40, res: { statusCode: 401 } })]);
  });

  it('never writes a password, a token or a cookie', async () => {
    const server = t.app.getHttpServer();
    const login = await request(server).post('/api/v1/auth/login').send({ username: 'dept-head', password: DEMO_PASSWORD });
    const token = login.body.accessToken as string;
    expect(token).toBeTruthy();
    await request(server).get('/api/v1/cases').set('Authorization', `Bearer ${token}`).set('Cookie', 'session=cookie-secret-value-1');
    await request(server).post('/api/v1/auth/login').send({ username: 'town-head', password: 'Wrong-Secret-Password-9' });
    await request(server).get('/api/v1/cases?token=query-secret-value-2&status=active').set('Authorization', `Bearer ${token}`);
    await request(server).post('/api/v1/auth/change-password').set('Authorization', `Bearer ${token}`).send({ currentPassword: 'Wrong-Secret-Password-9', newPassword: 'New-Secret-Password-8' });
    const text = out.join('');
    for (const secret of [DEMO_PASSWORD, token, token.split('.')[2], 'cookie-secret-value-1', 'Wrong-Secret-Password-9', 'query-secret-value-2', 'New-Secret-Password-8', 'Bearer']) {
      expect(text).not.toContain(secret);
    }
    // the request is still there, its secret query value replaced
    expect(lines().some((l) => l.req?.url === '/api/v1/cases?token=[Redacted]&status=active')).toBe(true);
  });
});
