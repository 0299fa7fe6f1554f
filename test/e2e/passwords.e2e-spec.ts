import request from 'supertest';
import { TEST_USER_PASSWORD } from '../factories/users.factory';
import { ApiClient, DEMO_PASSWORD } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

const STRONG = 'Zq7!town-hall-2026';

/**
 * Issue 11 "Administration a town needs": a user changes their own password (the current one
 * required), an administrator resets one to a temporary password, a password policy applies, and
 * outside demo mode the demo users must change the demo password at first login. Until then the
 * token opens only changing the password, logging out and `GET /auth/me` (403 PASSWORD_CHANGE_REQUIRED).
 */
describe.each(DRIVERS)('passwords on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  const login = (username: string, password: string) => request(api.server).post('/api/v1/auth/login').send({ username, password });
  const as = (token: string) => ({
    get: (url: string) => request(api.server).get(`/api/v1${url}`).set('Authorization', `Bearer ${token}`),
    post: (url: string, body?: object) => request(api.server).post(`/api/v1${url}`).set('Authorization', `Bearer ${token}`).send(body),
  });

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
  });
  afterAll(async () => t?.close());

  it('in demo mode (the tests’, npm start’s) the demo users log in and work with the demo password', async () => {
    const res = await login('secretary', DEMO_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.mustChangePassword).toBe(false);
    expect((await as(res.body.accessToken).get('/cases')).status).toBe(200);
  });

  it('the policy is published in zh-CN and English', async () => {
    const res = await request(api.server).get('/api/v1/auth/password-policy');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ minLength: 10, minClasses: 3 });
    expect(res.body.descriptionZh).toContain('至少 10 个字符');
  });

  it('changing one’s own password needs the current one and a password the policy accepts; other sessions end', async () => {
    const first = (await login('auditor', DEMO_PASSWORD)).body.accessToken;
    const second = (await login('auditor', DEMO_PASSWORD)).body.accessToken;

    const wrong = await as(first).post('/auth/password', { currentPassword: 'not-it', newPassword: STRONG });
    expect({ status: wrong.status, code: wrong.body.code, field: wrong.body.details?.field }).toEqual({ status: 403, code: 'CURRENT_PASSWORD_WRONG', field: 'currentPassword' });
    expect(wrong.body.messageZh).toBe('当前密码不正确');

    for (const [weak, problem] of [
      ['Short1!', 'minLength'],
      ['onlylowercaseletters', 'minClasses'],
      ['Auditor-2026-x', 'containsUsername'],
    ] as const) {
      const res = await as(first).post('/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: weak });
      expect([weak, res.status, res.body.code]).toEqual([weak, 422, 'PASSWORD_TOO_WEAK']);
      expect(res.body.details.problems).toContain(problem);
      expect(res.body.details.field).toBe('newPassword');
      expect(res.body.messageZh).toMatch(/^新密码不符合密码规则：/);
    }
    const same = await as(first).post('/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD });
    expect([same.status, same.body.code]).toEqual([422, 'PASSWORD_UNCHANGED']);
    const empty = await as(first).post('/auth/password', { currentPassword: DEMO_PASSWORD });
    expect([empty.status, empty.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    // the refusals changed nothing
    expect((await login('auditor', DEMO_PASSWORD)).status).toBe(200);

    const ok = await as(first).post('/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: STRONG });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ tokenType: 'Bearer', mustChangePassword: false });
    // every earlier session ended, this one goes on with the new token
    for (const old of [first, second]) expect((await as(old).get('/auth/me')).body.code).toBe('TOKEN_REVOKED');
    expect((await as(ok.body.accessToken).get('/cases')).status).toBe(200);
    expect((await login('auditor', DEMO_PASSWORD)).body.code).toBe('INVALID_CREDENTIALS');
    expect((await login('auditor', STRONG)).status).toBe(200);
    const row = (await api.get('admin', '/users')).body.find((u: { username: string }) => u.username === 'auditor');
    expect(row.passwordChangedAt).not.toBeNull();
  });

  it('an administrator resets a password: sessions end, the temporary password opens only the change; the change opens the rest', async () => {
    const before = (await login('town-head', DEMO_PASSWORD)).body.accessToken;
    const weak = await api.post('admin', '/admin/users/town-head/password', { temporaryPassword: 'abc' });
    expect([weak.status, weak.body.code, weak.body.details.field]).toEqual([422, 'PASSWORD_TOO_WEAK', 'temporaryPassword']);
    expect((await api.post('admin', '/admin/users/no-one/password', { temporaryPassword: 'Tmp#2026-zhangqi' })).body.code).toBe('USER_NOT_FOUND');
    expect((await api.post('secretary', '/admin/users/town-head/password', { temporaryPassword: 'Tmp#2026-zhangqi' })).status).toBe(403);

    const reset = await api.post('admin', '/admin/users/town-head/password', { temporaryPassword: 'Tmp#2026-zhangqi' });
    expect(reset.status).toBe(200);
    expect(reset.body.mustChangePassword).toBe(true);
    expect((await as(before).get('/auth/me')).body.code).toBe('TOKEN_REVOKED');

    const temp = await login('town-head', 'Tmp#2026-zhangqi');
    expect(temp.status).toBe(200);
    expect(temp.body.mustChangePassword).toBe(true);
    const token = temp.body.accessToken;
    for (const [method, url] of [['get', '/cases'], ['get', '/tasks'], ['get', '/notifications'], ['post', '/cases']] as const) {
      const res = await as(token)[method](url);
      expect([url, res.status, res.body.code]).toEqual([url, 403, 'PASSWORD_CHANGE_REQUIRED']);
      expect(res.body.messageZh).toContain('请先修改密码');
    }
    const me = await as(token).get('/auth/me');
    expect([me.status, me.body.mustChangePassword]).toEqual([200, true]);

    const changed = await as(token).post('/auth/password', { currentPassword: 'Tmp#2026-zhangqi', newPassword: STRONG });
    expect(changed.status).toBe(200);
    expect((await as(changed.body.accessToken).get('/cases')).status).toBe(200);
    expect((await as(changed.body.accessToken).get('/auth/me')).body.mustChangePassword).toBe(false);
    expect((await as(token).get('/auth/me')).body.code).toBe('TOKEN_REVOKED');
  });

  it('wrong current passwords count towards the lockout', async () => {
    const token = (await login('dept-head', DEMO_PASSWORD)).body.accessToken;
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await as(token).post('/auth/password', { currentPassword: `wrong-${i}`, newPassword: STRONG })).body.code);
    expect(codes).toEqual(['CURRENT_PASSWORD_WRONG', 'CURRENT_PASSWORD_WRONG', 'CURRENT_PASSWORD_WRONG', 'CURRENT_PASSWORD_WRONG', 'ACCOUNT_LOCKED']);
    expect((await login('dept-head', DEMO_PASSWORD)).body.code).toBe('ACCOUNT_LOCKED');
    expect((await api.post('admin', '/admin/users/dept-head/unlock')).status).toBe(200);
    expect((await login('dept-head', DEMO_PASSWORD)).status).toBe(200);
  });

  it('a new user’s password meets the policy; in demo mode it is not temporary unless the administrator says so', async () => {
    const weak = await api.post('admin', '/users', { username: 'zhao.liu', displayName: '赵六', password: 'docket-test-pw', orgUnit: 'sfs', roles: ['legal-reviewer'] });
    expect([weak.status, weak.body.code, weak.body.details.field]).toEqual([422, 'PASSWORD_TOO_WEAK', 'password']);
    const plain = await api.post('admin', '/users', { username: 'zhao.liu', displayName: '赵六', password: TEST_USER_PASSWORD, orgUnit: 'sfs', roles: ['legal-reviewer'] });
    expect([plain.status, plain.body.mustChangePassword]).toEqual([201, false]);
    const temp = await api.post('admin', '/users', { username: 'qian.qi', displayName: '钱七', password: TEST_USER_PASSWORD, orgUnit: 'sfs', roles: ['legal-reviewer'], mustChangePassword: true });
    expect([temp.status, temp.body.mustChangePassword]).toEqual([201, true]);
    const token = (await login('qian.qi', TEST_USER_PASSWORD)).body.accessToken;
    expect((await as(token).get('/cases')).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  describe('outside demo mode', () => {
    let prod: TestApp;
    beforeAll(async () => {
      prod = await startTestApp(driver, { DOCKET_DEMO_MODE: '0', PASSWORD_MIN_LENGTH: '12' });
    });
    afterAll(async () => prod?.close());

    it('the demo users must change the demo password at first login; the queue dashboard is closed too', async () => {
      const server = prod.app.getHttpServer();
      const res = await request(server).post('/api/v1/auth/login').send({ username: 'admin', password: DEMO_PASSWORD });
      expect([res.status, res.body.mustChangePassword]).toEqual([200, true]);
      const auth = `Bearer ${res.body.accessToken}`;
      expect((await request(server).get('/api/v1/users').set('Authorization', auth)).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
      expect((await request(server).get('/api/v1/admin/queues').set('Authorization', auth)).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
      // the configured policy applies: 11 characters are too few here
      const short = await request(server).post('/api/v1/auth/password').set('Authorization', auth).send({ currentPassword: DEMO_PASSWORD, newPassword: 'Zq7!town-ha' });
      expect([short.status, short.body.details?.problems]).toEqual([422, ['minLength']]);
      const changed = await request(server).post('/api/v1/auth/password').set('Authorization', auth).send({ currentPassword: DEMO_PASSWORD, newPassword: STRONG });
      expect(changed.status).toBe(200);
      const users = await request(server).get('/api/v1/users').set('Authorization', `Bearer ${changed.body.accessToken}`);
      expect(users.status).toBe(200);
      expect(users.body.filter((u: { mustChangePassword: boolean }) => u.mustChangePassword).map((u: { username: string }) => u.username).sort()).toEqual(
        ['auditor', 'dept-head', 'legal-reviewer', 'secretary', 'town-head'],
      );
      // an administrator's new user starts with a temporary password here
      const created = await request(server)
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${changed.body.accessToken}`)
        .send({ username: 'sun.ba', displayName: '孙八', password: STRONG, orgUnit: 'sfs', roles: ['legal-reviewer'] });
      expect([created.status, created.body.mustChangePassword]).toEqual([201, true]);
    });

    it('a user whose password is still the demo password (seeded before, or set behind Docket’s back) must change it too', async () => {
      const server = prod.app.getHttpServer();
      const adminToken = (await request(server).post('/api/v1/auth/login').send({ username: 'admin', password: STRONG })).body.accessToken;
      const made = await request(server)
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${adminToken}`)
        .send({ username: 'zhou.jiu', displayName: '周九', password: STRONG, orgUnit: 'sfs', roles: ['legal-reviewer'], mustChangePassword: false });
      expect([made.status, made.body.mustChangePassword]).toEqual([201, false]);
      expect((await request(server).post('/api/v1/auth/login').send({ username: 'zhou.jiu', password: STRONG })).body.mustChangePassword).toBe(false);
      const [demoHash] = await prod.sql(`SELECT password_hash FROM users WHERE username = 'secretary'`);
      await prod.sql(`UPDATE users SET password_hash = '${demoHash.password_hash}', must_change_password = ${driver === 'postgres' ? 'false' : '0'} WHERE username = 'zhou.jiu'`);
      const res = await request(server).post('/api/v1/auth/login').send({ username: 'zhou.jiu', password: DEMO_PASSWORD });
      expect([res.status, res.body.mustChangePassword]).toEqual([200, true]);
      expect((await request(server).get('/api/v1/cases').set('Authorization', `Bearer ${res.body.accessToken}`)).body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    });
  });
});
