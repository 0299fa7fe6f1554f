/**
 * SIGTERM on a real API process (issue 14): readiness turns 503 first while the process still
 * answers, a request in flight is finished and acknowledged, then the process stops accepting and
 * exits 0; after a restart on the same database the acknowledged case is there.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');

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

interface ApiProcess {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

function startApi(dataDir: string, port: number, env: Record<string, string> = {}): Promise<ApiProcess> {
  // the embedded default: no PostgreSQL, no Redis, nothing from the developer's shell
  const inherited = { ...process.env };
  for (const k of ['DATABASE_URL', 'DATABASE_SCHEMA', 'REDIS_URL', 'SQLITE_PATH', 'JWT_SECRET', 'DOCKET_TEST_CLOCK']) delete inherited[k];
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', path.join(ROOT, 'apps/api/src/main.ts')],
    {
      cwd: ROOT,
      env: { ...inherited, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'), DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'log', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API process did not start within 120 s:\n${out}`)), 120_000);
    const poll = setInterval(() => {
      if (out.includes('Docket API on')) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve({ child, port, output: () => out, exited });
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`the API process exited with ${code}:\n${out}`));
    });
  });
}

interface Answer {
  status: number;
  body: any;
}

function call(port: number, method: string, url: string, body?: unknown, token?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: url,
        agent: false,
        headers: {
          ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function login(port: number, username: string): Promise<string> {
  const res = await call(port, 'POST', '/api/v1/auth/login', { username, password: 'docket-demo' });
  expect(res.status).toBe(200);
  return res.body.accessToken;
}

describe('graceful shutdown of the API process (SIGTERM)', () => {
  let dataDir: string;
  let api: ApiProcess | undefined;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-shutdown-'));
  });
  afterEach(() => {
    if (api && api.child.exitCode === null) api.child.kill('SIGKILL');
    api = undefined;
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('turns unready first, finishes the request in flight, stops accepting, exits 0; the case survives a restart', async () => {
    const port = await freePort();
    api = await startApi(dataDir, port, { SHUTDOWN_DRAIN_MS: '1500', SHUTDOWN_TIMEOUT_MS: '10000' });

    const ready = await call(port, 'GET', '/api/v1/health/ready');
    expect([ready.status, ready.body.ready, ready.body.database.status, ready.body.redis.status]).toEqual([200, true, 'up', 'not-configured']);
    expect((await call(port, 'GET', '/api/v1/health')).body).toMatchObject({ status: 'ok', draining: false });

    const token = await login(port, 'dept-head');
    const wf = (await call(port, 'GET', '/api/v1/workflows/major-decision/2', undefined, token)).body;
    const body = Buffer.from(JSON.stringify({ kind: 'major-decision', ...wf.create.payloadSchema.example }));

    // a request in flight: its headers and half its body are sent before the signal
    const inFlight = new Promise<Answer>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/v1/cases',
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${token}` },
        },
        (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
        },
      );
      req.on('error', reject);
      req.write(body.subarray(0, 20));
      setTimeout(() => req.end(body.subarray(20)), 2500);
    });
    await new Promise((r) => setTimeout(r, 300));
    api.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));

    // still answering, but no longer ready; liveness stays
    const draining = await call(port, 'GET', '/api/v1/health/ready');
    expect([draining.status, draining.body.ready, draining.body.draining]).toEqual([503, false, true]);
    expect((await call(port, 'GET', '/api/v1/health/live')).status).toBe(200);

    const created = await inFlight;
    expect(created.status).toBe(201);
    expect(await api.exited).toBe(0);
    expect(api.output()).toContain('SIGTERM: not ready any more');
    await expect(call(port, 'GET', '/api/v1/health/live')).rejects.toThrow(/ECONNREFUSED/);

    // the acknowledged case is in the database
    api = await startApi(dataDir, port);
    const again = await call(port, 'GET', `/api/v1/cases/${created.body.id}`, undefined, await login(port, 'dept-head'));
    expect([again.status, again.body.id]).toEqual([200, created.body.id]);
    api.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
  }, 300_000);
});
