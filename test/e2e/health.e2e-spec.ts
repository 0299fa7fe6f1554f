/**
 * Health shows the database and Redis apart (issue 14): Redis going away degrades the service but
 * leaves it ready (every case is in the database); Redis coming back is seen without a restart.
 */
import { ChildProcess, spawn } from 'child_process';
import * as net from 'net';
import request from 'supertest';
import { PROPOSAL } from '../factories/major-decision.factory';
import { ApiClient } from '../setup/api-client';
import { requireRedis } from '../setup/redis';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** A Redis of this test's own, so that stopping it touches no other test. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${out}`)), 10_000);
    child.stdout!.on('data', (d) => {
      out += d;
      if (/Ready to accept connections/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('error', (e) => reject(new Error(`redis-server could not be started (${e.message}); install it: apt-get install -y redis-server`)));
  });
  return child;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.each(DRIVERS)('health: the database and Redis apart (%s)', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  let redis: ChildProcess | undefined;
  let redisPort: number;

  beforeAll(async () => {
    await requireRedis();
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    t = await startTestApp(driver, { REDIS_URL: `redis://127.0.0.1:${redisPort}`, QUEUE_PREFIX: `health-${driver}-${process.pid}` });
    api = new ApiClient(t);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    redis?.kill('SIGKILL');
  });

  const health = (path = '') => request(t.app.getHttpServer()).get(`/api/v1/health${path}`);

  it('answers ok with both up, each named', async () => {
    const res = await health();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      ready: true,
      database: { status: 'up', type: driver === 'sqlite' ? 'better-sqlite3' : 'postgres' },
      redis: { status: 'up' },
      info: { database: { status: 'up' }, redis: { status: 'up' } },
    });
    expect((await health('/ready')).status).toBe(200);
    expect((await health('/live')).body).toEqual({ status: 'alive' });
  });

  it('Redis down: degraded (200, still ready), cases still accepted; Redis back: ok again without a restart', async () => {
    await api.setClock('2020-08-03T01:00:00Z');
    await api.token('dept-head');
    redis!.kill('SIGKILL');
    const degraded = await until('health to see Redis down', async () => {
      const res = await health();
      return res.body.redis?.status === 'down' ? res : undefined;
    });
    expect(degraded.status).toBe(200);
    expect(degraded.body).toMatchObject({ status: 'degraded', ready: true, database: { status: 'up' }, error: { redis: { status: 'down' } } });
    expect((await health('/ready')).status).toBe(200);

    // every case is in the database: a new one is accepted while the reminders wait for Redis
    const created = await api.post('dept-head', '/cases', { kind: 'major-decision', title: 'Redis 中断期间受理的事项', proposal: PROPOSAL });
    expect(created.status).toBe(201);
    expect((await api.get('dept-head', `/cases/${created.body.id}`)).status).toBe(200);
    // a request that needs Redis itself is a 503 the clerk can retry, not a 500
    const clock = await request(t.app.getHttpServer()).put('/api/v1/test/clock').send({ now: '2020-08-04T01:00:00Z' });
    expect([clock.status, clock.body.code]).toEqual([503, 'QUEUE_UNAVAILABLE']);

    redis = await startRedis(redisPort);
    const back = await until('health to see Redis back', async () => {
      const res = await health();
      return res.body.status === 'ok' ? res : undefined;
    });
    expect(back.body.redis).toEqual({ status: 'up' });
  }, 60_000);
});
