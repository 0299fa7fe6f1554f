import request from 'supertest';
import { ApiClient, DEMO_PASSWORD } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

/**
 * Issue 9 §5: sessions end. Logout revokes the caller's tokens (the token version on the user row,
 * carried as `ver`, checked on each request); an administrator disables a user and their tokens stop
 * working at once; the 8 h lifetime stays the default and configurable.
 */
describe.each(DRIVERS)('sessions on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;

  const login = async (username: string, password = DEMO_PASSWORD) =>
    request(api.server).post('/api/v1/auth/login').send({ username, password });
  const me = (token: string) => request(api.server).get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
  });
  afterAll(async () => t?.close());

  it('a token carries the token version and lives 8 h by default', async () => {
    const token = (await login('dept-head')).body.accessToken;
    const c = claims(token);
    expect(c.ver).toBe(0);
    expect(c.exp - c.iat).toBe(8 * 3600);
  });

  it('logout revokes every token of the caller at once (401 TOKEN_REVOKED); a new login works', async () => {
    const a = (await login('legal-reviewer')).body.accessToken;
    const b = (await login('legal-reviewer')).body.accessToken;
    expect((await me(a)).status).toBe(200);
    const out = await request(api.server).post('/api/v1/auth/logout').set('Authorization', `Bearer ${a}`);
    expect(out.status).toBe(204);
    for (const token of [a, b]) {
      const res = await me(token);
      expect([res.status, res.body.code]).toEqual([401, 'TOKEN_REVOKED']);
      expect(res.body.messageZh).toContain('请重新登录');
      expect((await request(api.server).get('/api/v1/cases').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    }
    const again = (await login('legal-reviewer')).body.accessToken;
    expect(claims(again).ver).toBe(1);
    expect((await me(again)).status).toBe(200);
    // other users' sessions are untouched
    expect((await api.get('auditor', '/auth/me')).status).toBe(200);
    expect((await request(api.server).post('/api/v1/auth/logout')).status).toBe(401);
  });

  it('logout also ends the queue dashboard session (the cookie holds the same token)', async () => {
    const token = (await login('admin')).body.accessToken;
    const before = await request(api.server).get('/api/v1/admin/queues').set('Cookie', `docket_queues=${token}`);
    expect(before.body.code).toBe('QUEUES_NOT_IN_USE');
    await request(api.server).post('/api/v1/auth/logout').set('Authorization', `Bearer ${token}`);
    const after = await request(api.server).get('/api/v1/admin/queues').set('Cookie', `docket_queues=${token}`);
    expect([after.status, after.body.code]).toEqual([401, 'TOKEN_REVOKED']);
  });

  it('an administrator disables a user: their token stops working at once, login says USER_DISABLED; enable restores login', async () => {
    const townHead = (await login('town-head')).body.accessToken;
    expect((await me(townHead)).status).toBe(200);
    const admin = (await login('admin')).body.accessToken;
    const asAdmin = (url: string) => request(api.server).post(`/api/v1${url}`).set('Authorization', `Bearer ${admin}`).send();

    const disabled = await asAdmin('/admin/users/town-head/disable');
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ username: 'town-head', active: false });
    const refused = await me(townHead);
    expect([refused.status, refused.body.code]).toEqual([403, 'USER_DISABLED']);
    expect(refused.body.messageZh).toContain('停用');
    const relogin = await login('town-head');
    expect([relogin.status, relogin.body.code]).toEqual([403, 'USER_DISABLED']);
    expect(relogin.body.accessToken).toBeUndefined();
    // a wrong password does not tell that the account exists and is disabled
    expect((await login('town-head', 'wrong-password')).body.code).toBe('INVALID_CREDENTIALS');
    const list = await request(api.server).get('/api/v1/users').set('Authorization', `Bearer ${admin}`);
    expect(list.body.find((u: { username: string }) => u.username === 'town-head').active).toBe(false);

    const enabled = await asAdmin('/admin/users/town-head/enable');
    expect(enabled.status).toBe(200);
    expect(enabled.body.active).toBe(true);
    // the tokens held before stay revoked; a new login works
    expect((await me(townHead)).body.code).toBe('TOKEN_REVOKED');
    const fresh = (await login('town-head')).body.accessToken;
    expect((await me(fresh)).status).toBe(200);
  });

  it('only an administrator disables and enables; not their own account; an unknown user is 404', async () => {
    const secretary = (await login('secretary')).body.accessToken;
    const refused = await request(api.server).post('/api/v1/admin/users/dept-head/disable').set('Authorization', `Bearer ${secretary}`);
    expect([refused.status, refused.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    const admin = (await login('admin')).body.accessToken;
    const self = await request(api.server).post('/api/v1/admin/users/admin/disable').set('Authorization', `Bearer ${admin}`);
    expect([self.status, self.body.code]).toEqual([409, 'CANNOT_DISABLE_SELF']);
    expect((await me(admin)).status).toBe(200);
    const unknown = await request(api.server).post('/api/v1/admin/users/no-such-user/disable').set('Authorization', `Bearer ${admin}`);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'USER_NOT_FOUND']);
    const rows = await t.sql(`SELECT active FROM users WHERE username = 'dept-head'`);
    expect(!!rows[0].active).toBe(true);
  });

  describe('with JWT_TTL=45m', () => {
    let t2: TestApp;
    beforeAll(async () => {
      t2 = await startTestApp(driver, { JWT_TTL: '45m' });
    });
    afterAll(async () => t2?.close());

    it('tokens live 45 minutes', async () => {
      const res = await request(t2.app.getHttpServer()).post('/api/v1/auth/login').send({ username: 'auditor', password: DEMO_PASSWORD });
      const c = claims(res.body.accessToken);
      expect(c.exp - c.iat).toBe(45 * 60);
    });
  });
});
