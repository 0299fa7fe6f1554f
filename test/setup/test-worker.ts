import type { DocketConfig } from '@app/config';
import { AdjustableClock, CLOCK } from '@app/runtime';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import type { TestApp } from './test-app';

export interface TestWorker {
  app: INestApplicationContext;
  setClock(iso: string): void;
  close(): Promise<void>;
}

/** The worker's configuration for a test API: same database, same Redis and queue prefix. */
export function workerConfig(t: TestApp, overrides: Partial<DocketConfig> = {}): DocketConfig {
  return { ...t.config, logLevel: 'silent', ...overrides };
}

/** A worker (apps/worker) in this process, on the test API's database, its clock set to `now`. */
export async function startTestWorker(t: TestApp, now: string, overrides: Partial<DocketConfig> = {}): Promise<TestWorker> {
  // create() does not run the lifecycle hooks yet (createApplicationContext would): the clock is set first
  const app = await NestFactory.create(WorkerModule.forRoot(workerConfig(t, overrides)), { logger: false });
  const clock = app.get<AdjustableClock>(CLOCK);
  clock.set(new Date(now));
  await app.init();
  return { app, setClock: (iso) => clock.set(new Date(iso)), close: () => app.close() };
}

/** The environment that gives a child worker process the test API's configuration. */
export function workerEnv(t: TestApp, now: string, extra: Record<string, string> = {}): Record<string, string> {
  const c = t.config;
  const db: Record<string, string> =
    c.database.type === 'postgres' ? { DATABASE_URL: c.database.url, DATABASE_SCHEMA: c.database.schema } : { SQLITE_PATH: c.database.path };
  return {
    ...db,
    DATA_DIR: c.dataDir,
    JWT_SECRET: c.jwt.secret!,
    DOCKET_TEST_CLOCK: '1',
    LOG_LEVEL: 'silent',
    ...(c.redisUrl ? { REDIS_URL: c.redisUrl } : {}),
    QUEUE_PREFIX: c.queue.prefix,
    QUEUE_LOCK_MS: String(c.queue.lockMs),
    TEST_CLOCK_AT: now,
    ...extra,
  };
}

/** A worker as its own OS process (so that a test can kill it); resolves once it reports ready. */
export function spawnWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const root = path.resolve(__dirname, '../..');
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', path.join(root, 'test/setup/worker-process.ts')],
    { cwd: root, env: { ...process.env, ...env, TS_NODE_PROJECT: path.join(root, 'tsconfig.json') }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`worker process did not start within 60 s: ${err}`)), 60_000);
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      if (String(d).includes('WORKER READY')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker process exited with ${code}: ${err}`));
    });
  });
}
