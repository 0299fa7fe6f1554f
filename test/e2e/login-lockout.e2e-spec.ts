import request from 'supertest';
import { DEMO_PASSWORD } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

/**
 * Issue 9 §4: brute force across addresses. Before, throttling was per client address only and
 * X-Forwarded-For was believed from any local proxy: 15 wrong passwords for one account from 15
 * forwarded addresses all got 401. Now consecutive wrong passwords lock the account (counted on the
 * user row), and forwarded headers are believed only from the proxies TRUST_PROXY names.
 */
describe.each(DRIVERS)('login lockout on %s', (driver) => {
  describe('behind a trusted proxy (TRUST_PROXY=loopback), 3 logins a minute per address', () => {
    let t: TestApp;
    let address = 0;
    /** a login from a fresh forwarded address each time, so that the per-address throttle never decides */
    const login = (username: string, password: string, ip = `203.0.113.${++address}`) =>
      request(t.app.getHttpServer()).post('/api/v1/auth/login').set('X-Forwarded-For', ip).send({ username, password });
    const setClock = async (now: string) => expect((await request(t.app.getHttpServer()).put('/api/v1/test/clock').send({ now })).status).toBe(200);
    const adminPost = async (url: string) => {
      const token = (await login('admin', DEMO_PASSWORD)).body.accessToken;
      return request(t.app.getHttpServer()).post(`/api/v1${url}`).set('Authorization', `Bearer ${token}`).send();
    };

    beforeAll(async () => {
      t = await startTestApp(driver, { TRUST_PROXY: 'loopback', LOGIN_RATE_LIMIT: '3' });
    });
    afterAll(async () => t?.close());

    it('15 wrong passwords for one account from 15 addresses: the 5th locks it, the rest are refused as locked', async () => {
      await setClock('2026-12-03T10:00:00.000Z');
      const answers: Array<[number, string]> = [];
      for (let i = 1; i <= 15; i++) {
        const res = await login('dept-head', `wrong-${i}`, `198.51.100.${i}`);
        answers.push([res.status, res.body.code]);
      }
      expect(answers.slice(0, 4)).toEqual(Array(4).fill([401, 'INVALID_CREDENTIALS']));
      expect(answers.slice(4)).toEqual(Array(11).fill([423, 'ACCOUNT_LOCKED']));
      const locked = await login('dept-head', 'wrong-16');
      // the clock runs on from 10:00:00: locked for 15 minutes from the 5th attempt
      expect(locked.body.details.lockedUntil).toMatch(/^2026-12-03T10:15:0\d\.\d{3}Z$/);
      expect(locked.body.messageZh).toBe('该账号因连续输错密码已被锁定，至北京时间 2026-12-03 18:15 自动解锁；如需提前解锁，请联系系统管理员');
      expect(locked.body.message).toContain('ask an administrator');
      // the right password does not open a locked account either
      expect((await login('dept-head', DEMO_PASSWORD)).status).toBe(423);
      const rows = await t.sql(`SELECT locked_until FROM users WHERE username = 'dept-head'`);
      expect(rows[0].locked_until).toBe(locked.body.details.lockedUntil);
      // the forwarded addresses are believed from this proxy: they are what the security log keeps
      const log = await t.sql(`SELECT ip, code FROM security_log WHERE username = 'dept-head' ORDER BY id`);
      expect(log.map((r) => r.ip)).toEqual(expect.arrayContaining(['198.51.100.1', '198.51.100.15']));
      expect(log.filter((r) => r.code === 'ACCOUNT_LOCKED').length).toBeGreaterThanOrEqual(11);
    });

    it('opens again by itself after LOGIN_LOCKOUT_MINUTES (15)', async () => {
      await setClock('2026-12-03T10:14:55.000Z');
      expect((await login('dept-head', DEMO_PASSWORD)).status).toBe(423);
      await setClock('2026-12-03T10:15:15.000Z');
      const res = await login('dept-head', DEMO_PASSWORD);
      expect(res.status).toBe(200);
      const rows = await t.sql(`SELECT failed_login_count, locked_until FROM users WHERE username = 'dept-head'`);
      expect([Number(rows[0].failed_login_count), rows[0].locked_until]).toEqual([0, null]);
    });

    it('a success resets the count: 4 wrong, 1 right, 4 wrong do not lock', async () => {
      for (let i = 0; i < 4; i++) expect((await login('legal-reviewer', 'wrong')).status).toBe(401);
      expect((await login('legal-reviewer', DEMO_PASSWORD)).status).toBe(200);
      for (let i = 0; i < 4; i++) expect((await login('legal-reviewer', 'wrong')).status).toBe(401);
      expect((await login('legal-reviewer', DEMO_PASSWORD)).status).toBe(200);
    });

    it('an unknown username is never "locked" (401 every time)', async () => {
      for (let i = 0; i < 7; i++) expect((await login('no-such-user', 'wrong')).body.code).toBe('INVALID_CREDENTIALS');
    });

    it('an administrator unlocks an account before its time; nobody else may', async () => {
      for (let i = 0; i < 5; i++) await login('secretary', 'wrong');
      expect((await login('secretary', DEMO_PASSWORD)).body.code).toBe('ACCOUNT_LOCKED');
      const townHead = (await login('town-head', DEMO_PASSWORD)).body.accessToken;
      const refused = await request(t.app.getHttpServer()).post('/api/v1/admin/users/secretary/unlock').set('Authorization', `Bearer ${townHead}`);
      expect([refused.status, refused.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
      expect((await request(t.app.getHttpServer()).post('/api/v1/admin/users/secretary/unlock')).status).toBe(401);
      const unlocked = await adminPost('/admin/users/secretary/unlock');
      expect(unlocked.status).toBe(200);
      expect(unlocked.body).toMatchObject({ username: 'secretary', lockedUntil: null, failedLoginCount: 0 });
      expect((await login('secretary', DEMO_PASSWORD)).status).toBe(200);
      const unknown = await adminPost('/admin/users/no-such-user/unlock');
      expect([unknown.status, unknown.body.code]).toEqual([404, 'USER_NOT_FOUND']);
    });

    it('the throttle keys on the address the trusted proxy saw, not on what the client put before it', async () => {
      const codes: number[] = [];
      for (let i = 1; i <= 4; i++) codes.push((await login('no-such-user', 'wrong', `10.9.9.${i}, 198.51.100.200`)).status);
      expect(codes).toEqual([401, 401, 401, 429]);
    });

    it('10 wrong passwords at once from 10 addresses still lock the account (every attempt counted)', async () => {
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => login('town-head', `wrong-${i}`, `198.51.100.${100 + i}`)));
      expect(answers.every((r) => [401, 423].includes(r.status))).toBe(true);
      expect(answers.filter((r) => r.status === 423).length).toBeGreaterThanOrEqual(1);
      expect((await login('town-head', DEMO_PASSWORD)).body.code).toBe('ACCOUNT_LOCKED');
    });

    it('the count is kept on the user row, not in the process', async () => {
      for (let i = 0; i < 3; i++) await login('auditor', 'wrong');
      const rows = await t.sql(`SELECT failed_login_count FROM users WHERE username = 'auditor'`);
      expect(Number(rows[0].failed_login_count)).toBe(3);
    });
  });

  describe('without TRUST_PROXY (the default), 3 logins a minute per address', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp(driver, { LOGIN_RATE_LIMIT: '3' });
    });
    afterAll(async () => t?.close());

    it('X-Forwarded-For is not believed: the throttle keys on the real address, and the log keeps it', async () => {
      const codes: number[] = [];
      for (let i = 1; i <= 4; i++) {
        const res = await request(t.app.getHttpServer()).post('/api/v1/auth/login').set('X-Forwarded-For', `192.0.2.${i}`).send({ username: 'no-such-user', password: 'wrong' });
        codes.push(res.status);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
      const log = await t.sql(`SELECT DISTINCT ip FROM security_log WHERE username = 'no-such-user'`);
      expect(log.map((r) => r.ip)).not.toContain('192.0.2.1');
      expect(log.map((r) => r.ip).every((ip: string) => /127\.0\.0\.1|::1/.test(ip))).toBe(true);
    });
  });
});
