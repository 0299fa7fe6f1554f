import { DocketConfig, loadConfig } from '@app/config';
import { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import { createApp } from '../../apps/api/src/app.factory';
import { DemoSeedService } from '../../apps/api/src/seed/demo-seed.service';
import { TEST_DATABASE_URL } from './test-env';

export type Driver = 'sqlite' | 'postgres';
export const DRIVERS: Driver[] = ['sqlite', 'postgres'];

export interface TestApp {
  app: NestExpressApplication;
  config: DocketConfig;
  driver: Driver;
  /** raw SQL against the test database (for tampering and checks) */
  sql: (query: string, params?: unknown[]) => Promise<any[]>;
  close: () => Promise<void>;
}

/**
 * A real API on a fresh database: a temporary SQLite file, or a fresh PostgreSQL schema in the
 * test database (dropped afterwards). Migrations run at boot; the demo town is seeded.
 */
export async function startTestApp(driver: Driver, env: Record<string, string> = {}, appOptions: Parameters<typeof createApp>[1] = {}): Promise<TestApp> {
  const id = randomBytes(6).toString('hex');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-test-'));
  const base = {
    DATA_DIR: dir,
    JWT_SECRET: randomBytes(32).toString('hex'),
    DOCKET_TEST_CLOCK: '1',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT: '1000',
    // the demo users keep the demo password, on PostgreSQL too (test/e2e/passwords.e2e-spec.ts turns it off)
    DOCKET_DEMO_MODE: '1',
    ...env,
  };
  let config: DocketConfig;
  let admin: Client | undefined;
  const schema = `t_${id}`;
  if (driver === 'postgres') {
    admin = new Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    config = loadConfig({ ...base, DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema });
  } else {
    config = loadConfig({ ...base, SQLITE_PATH: path.join(dir, 'docket.sqlite') });
  }
  const app = await createApp(config, appOptions);
  await app.init();
  await app.get(DemoSeedService).seed();
  const ds = app.get<import('typeorm').DataSource>(require('@app/persistence').DATA_SOURCE);
  return {
    app,
    config,
    driver,
    sql: (q, params) => ds.query(q, params as any[]),
    close: async () => {
      await app.close();
      if (admin) {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
