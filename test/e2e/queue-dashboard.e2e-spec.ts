import { randomBytes } from 'crypto';
import request from 'supertest';
import { caseInLegalityReview } from '../factories/reminders.factory';
import { ApiClient } from '../setup/api-client';
import { dropPrefix, requireRedis, TEST_REDIS_URL } from '../setup/redis';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

/** Issue 3 §9: the queue dashboard (bull-board), for administrators only. */
describe.each(DRIVERS)('queue dashboard on %s', (driver) => {
  describe('with Redis', () => {
    const prefix = `t-dashboard-${driver}-${randomBytes(4).toString('hex')}`;
    let t: TestApp;
    let api: ApiClient;

    beforeAll(async () => {
      await requireRedis();
      t = await startTestApp(driver, { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix });
      api = new ApiClient(t);
    });
    afterAll(async () => {
      await t?.close();
      await dropPrefix(prefix);
    });

    it('is offered to the admin page', async () => {
      expect((await api.get('admin', '/admin/queue-session')).body).toEqual({ available: true, dashboard: '/api/v1/admin/queues' });
    });

    it('is refused without a token and to other roles', async () => {
      const anonymous = await request(api.server).get('/api/v1/admin/queues');
      expect([anonymous.status, anonymous.body.code]).toEqual([401, 'UNAUTHENTICATED']);
      const reviewer = await request(api.server).get('/api/v1/admin/queues/api/queues').set('Authorization', `Bearer ${await api.token('town-head')}`);
      expect([reviewer.status, reviewer.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
      const forged = await request(api.server).get('/api/v1/admin/queues').set('Cookie', 'docket_queues=not-a-token');
      expect(forged.status).toBe(401);
      expect((await api.post('town-head', '/admin/queue-session')).status).toBe(403);
    });

    it('shows the deadline, webhook and e-mail queues to an admin, with the delayed reminder jobs', async () => {
      await caseInLegalityReview(api);
      const page = await request(api.server).get('/api/v1/admin/queues').set('Authorization', `Bearer ${await api.token('admin')}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Docket queues');
      // issue 9 §3: not framable, scripts from here only; the vendor page's inline styles admitted
      expect(page.headers['x-frame-options']).toBe('DENY');
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      const csp = page.headers['content-security-policy'];
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      for (const m of page.text.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)) {
        expect(new URL(m[1], 'http://docket.test/api/v1/admin/queues/').origin).toBe('http://docket.test');
      }
      expect(page.text.match(/<script\b(?![^>]*\ssrc=)(?![^>]*application\/json)[^>]*>[^<]+<\/script>/g)).toBeNull();
      const queues = await request(api.server).get('/api/v1/admin/queues/api/queues').set('Authorization', `Bearer ${await api.token('admin')}`);
      expect(queues.status).toBe(200);
      const byName = Object.fromEntries(queues.body.queues.map((q: { name: string; counts: Record<string, number> }) => [q.name, q.counts]));
      expect(Object.keys(byName).sort()).toEqual(['checkpoints', 'deadlines', 'emails', 'webhooks']);
      expect(byName.deadlines.delayed).toBeGreaterThanOrEqual(3);
    });

    it('opens in a browser through the session cookie', async () => {
      const session = await api.post('admin', '/admin/queue-session');
      expect(session.status).toBe(200);
      const setCookie = String(session.headers['set-cookie']);
      expect(setCookie).toMatch(/^docket_queues=[^;]+; Path=\/api\/v1\/admin\/queues; HttpOnly; SameSite=Strict/);
      const page = await request(api.server).get('/api/v1/admin/queues/api/queues').set('Cookie', setCookie.split(';')[0]);
      expect(page.status).toBe(200);
    });
  });

  describe('embedded (no Redis)', () => {
    let t: TestApp;
    let api: ApiClient;

    beforeAll(async () => {
      t = await startTestApp(driver);
      api = new ApiClient(t);
    });
    afterAll(async () => t?.close());

    it('says there are no queues', async () => {
      const res = await api.get('admin', '/admin/queues');
      expect([res.status, res.body.code]).toEqual([404, 'QUEUES_NOT_IN_USE']);
      expect((await request(api.server).get('/api/v1/admin/queues')).status).toBe(401);
    });

    it('is not offered: the admin page is told there is no dashboard, and no session opens', async () => {
      expect((await api.get('admin', '/admin/queue-session')).body).toEqual({ available: false, dashboard: null });
      const open = await api.post('admin', '/admin/queue-session');
      expect([open.status, open.body.code]).toEqual([404, 'QUEUES_NOT_IN_USE']);
      expect(open.body.messageZh).toContain('嵌入模式');
      expect(open.headers['set-cookie']).toBeUndefined();
      expect((await api.get('town-head', '/admin/queue-session')).status).toBe(403);
    });
  });
});
