import { USER_REPOSITORY, UserRepository } from '@app/persistence';
import * as jwt from 'jsonwebtoken';
import request from 'supertest';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

/**
 * Issue 9 §1: a token signed with the server's own secret names a user only through a well-formed
 * `sub`, and always expires. Before, `{username, iat, exp}` without `sub` answered 200 as the first
 * user row (findById(undefined) dropped the condition), and `sub: {}` answered 500 on SQLite.
 */
describe.each(DRIVERS)('token identity on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  let adminId: string;

  const sign = (payload: object, options: jwt.SignOptions = { expiresIn: '1h' }) =>
    jwt.sign(payload, t.config.jwt.secret!, { algorithm: 'HS256', ...options });

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
    adminId = (await api.get('admin', '/auth/me')).body.id;
  });
  afterAll(async () => t?.close());

  const forged = () => [
    ['没有 sub', () => sign({ username: 'admin', ver: 0 })],
    ['sub 为 null', () => sign({ sub: null, username: 'admin', ver: 0 })],
    ['sub 为对象', () => sign({ sub: { id: adminId }, username: 'admin', ver: 0 })],
    ['sub 为空对象', () => sign({ sub: {}, username: 'admin', ver: 0 })],
    ['sub 为数字', () => sign({ sub: 1, username: 'admin', ver: 0 })],
    ['sub 为用户名', () => sign({ sub: 'admin', username: 'admin', ver: 0 })],
    ['sub 为数组', () => sign({ sub: [adminId], username: 'admin', ver: 0 })],
    ['没有 exp', () => sign({ sub: adminId, username: 'admin', ver: 0 }, {})],
    ['没有 ver（令牌版本）', () => sign({ sub: adminId, username: 'admin' })],
    ['ver 为文本', () => sign({ sub: adminId, username: 'admin', ver: '0' })],
  ] as Array<[string, () => string]>;

  it('a well-formed token of the admin still works (the control)', async () => {
    const res = await request(api.server).get('/api/v1/auth/me').set('Authorization', `Bearer ${sign({ sub: adminId, username: 'admin', ver: 0 })}`);
    expect(res.status).toBe(200);
    expect(res.body.username).toBe('admin');
  });

  it.each(forged().map(([name]) => name))('refuses a signed token with %s: 401 TOKEN_INVALID on the API', async (name) => {
    const token = forged().find(([n]) => n === name)![1]();
    for (const url of ['/api/v1/auth/me', '/api/v1/cases', '/api/v1/users']) {
      const res = await request(api.server).get(url).set('Authorization', `Bearer ${token}`);
      expect([url, res.status, res.body.code]).toEqual([url, 401, 'TOKEN_INVALID']);
      expect(res.body.messageZh).toContain('访问令牌无效');
    }
  });

  it.each(forged().map(([name]) => name))('refuses a signed token with %s on the queue dashboard, by header and by cookie', async (name) => {
    const token = forged().find(([n]) => n === name)![1]();
    const byHeader = await request(api.server).get('/api/v1/admin/queues').set('Authorization', `Bearer ${token}`);
    expect([byHeader.status, byHeader.body.code]).toEqual([401, 'TOKEN_INVALID']);
    const byCookie = await request(api.server).get('/api/v1/admin/queues').set('Cookie', `docket_queues=${token}`);
    expect([byCookie.status, byCookie.body.code]).toEqual([401, 'TOKEN_INVALID']);
  });

  it('a well-formed id of no user, an expired token and a foreign secret stay 401 UNAUTHENTICATED', async () => {
    const nobody = sign({ sub: '00000000-0000-4000-8000-000000000000', username: 'admin', ver: 0 });
    const expired = sign({ sub: adminId, username: 'admin', ver: 0, exp: Math.floor(Date.now() / 1000) - 60 }, {});
    const foreign = jwt.sign({ sub: adminId, username: 'admin', ver: 0 }, 'x'.repeat(40), { expiresIn: '1h' });
    for (const token of [nobody, expired, foreign]) {
      const res = await request(api.server).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);
      expect([res.status, res.body.code]).toEqual([401, 'UNAUTHENTICATED']);
      const dash = await request(api.server).get('/api/v1/admin/queues').set('Authorization', `Bearer ${token}`);
      expect(dash.status).toBe(401);
    }
  });

  it('the users repository names no user for an undefined or non-text id (no dropped where)', async () => {
    const users = t.app.get<UserRepository>(USER_REPOSITORY);
    for (const id of [undefined, null, {}, { id: adminId }, [adminId], 1, '', 'admin']) {
      expect(await users.findById(id)).toBeNull();
    }
    for (const username of [undefined, null, {}, '']) expect(await users.findByUsername(username)).toBeNull();
    expect((await users.findById(adminId))?.username).toBe('admin');
  });

  it('the refusals are in the security log', async () => {
    const log = await api.get('auditor', '/security-log');
    expect(log.body.some((e: { code: string; path: string }) => e.code === 'TOKEN_INVALID' && e.path === '/api/v1/auth/me')).toBe(true);
  });
});
