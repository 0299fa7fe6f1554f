/**
 * `npm run migrate-db -- --to postgres://…` (issue 14, operators' tools): the demo town moves from
 * the embedded SQLite database into an empty PostgreSQL schema with every row, hash and signature
 * as recorded; `docket verify --all` passes there, every case's head and history are the source's,
 * attachment files become database content, and a schema that already holds a town is refused.
 */
import { createHash, randomUUID } from 'crypto';
import { Client } from 'pg';
import request from 'supertest';
import { run } from '../../apps/cli/src/main';
import { migrateDb } from '../../apps/api/src/migrate-db/migrate-db';
import { DemoSeedService } from '../../apps/api/src/seed/demo-seed.service';
import { loadConfig } from '@app/config';
import { DATA_SOURCE } from '@app/persistence';
import type { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { PROPOSAL } from '../factories/major-decision.factory';
import { ApiClient } from '../setup/api-client';
import { TEST_DATABASE_URL } from '../setup/test-env';
import { startTestApp, TestApp } from '../setup/test-app';

const cli = async (argv: string[], env: Record<string, string>) => {
  const out: string[] = [];
  const code = await run(argv, env, { write: (s) => out.push(s), progress: () => undefined });
  return { code, out: out.join('\n') };
};

describe('migrate-db: the embedded town into PostgreSQL', () => {
  let t: TestApp;
  let pg: Client;
  const schema = `migrate_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const file = Buffer.from('%PDF-1.4\n% 迁移测试草案\n%%EOF\n');
  const sha = createHash('sha256').update(file).digest('hex');

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    await t.app.get(DemoSeedService).seedSampleCases();
    const api = new ApiClient(t);
    expect((await api.post('admin', '/checkpoints')).status).toBe(201);
    const up = await request(t.app.getHttpServer())
      .post('/api/v1/attachments')
      .set('Authorization', `Bearer ${await api.token('dept-head')}`)
      .set('Content-Type', 'application/pdf')
      .set('X-File-Name', 'draft.pdf')
      .send(file);
    expect(up.status).toBe(201);
    pg = new Client({ connectionString: TEST_DATABASE_URL });
    await pg.connect();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await pg?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pg?.end();
  });

  it('copies every row; every case keeps its head and history; verify --all passes on PostgreSQL', async () => {
    const sqlitePath = (t.config.database as { path: string }).path;
    const done = await migrateDb({ sqlitePath, dataDir: t.config.dataDir, url: TEST_DATABASE_URL, schema });
    const [{ cases, events }] = await t.sql('SELECT (SELECT COUNT(*) FROM cases) AS cases, (SELECT COUNT(*) FROM case_history) AS events');
    expect(done.cases).toBe(Number(cases));
    expect(done.casesIdentical).toBe(done.cases);
    expect(done.attachmentFiles).toBe(1);
    // every table of the town, row for row
    for (const { table, rows } of done.tables) {
      const [{ n }] = (await t.sql(`SELECT COUNT(*) AS n FROM "${table}"`)) as Array<{ n: number }>;
      const there = await pg.query(`SELECT COUNT(*) AS n FROM ${schema}."${table}"`);
      expect({ table, source: Number(n), copied: rows, target: Number(there.rows[0].n) }).toEqual({ table, source: Number(n), copied: Number(n), target: Number(n) });
    }
    expect(done.tables.map((x) => x.table)).toEqual(expect.arrayContaining(['cases', 'case_history', 'checkpoints', 'users', 'org_units', 'deadlines', 'attachments']));
    // the attachment's bytes are now in the database, under their hash
    const a = await pg.query(`SELECT content FROM ${schema}.attachments WHERE sha256 = $1`, [sha]);
    expect(createHash('sha256').update(a.rows[0].content).digest('hex')).toBe(sha);
    // the offline verifier judges the copy on PostgreSQL: chain, replay, stored cases and the signed checkpoint
    const verified = await cli(['verify', '--all', '--json'], { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema });
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.out)).toMatchObject({ cases: Number(cases), events: Number(events), fail: 0, checkpoints: { ok: true } });
  });

  it('Docket runs on the copy: the demo users log in, a new case is numbered after the copied ones and verifies', async () => {
    const config = loadConfig({ DATA_DIR: t.config.dataDir, JWT_SECRET: randomUUID() + randomUUID(), DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema, LOG_LEVEL: 'silent', DOCKET_DEMO_MODE: '1', DOCKET_TEST_CLOCK: '1' });
    const app = await createApp(config);
    await app.init();
    try {
      const ds = app.get<DataSource>(DATA_SOURCE);
      const there: TestApp = { app, config, driver: 'postgres', sql: (q, p) => ds.query(q, p as any[]), close: async () => undefined };
      const api = new ApiClient(there);
      const created = await api.post('dept-head', '/cases', { kind: 'major-decision', title: '迁移后新建的决策', proposal: PROPOSAL });
      expect(created.status).toBe(201);
      // the security log's serial id continues after the copied rows
      const ids = await ds.query(`SELECT id FROM security_log ORDER BY id`);
      expect(new Set(ids.map((r: { id: number }) => r.id)).size).toBe(ids.length);
      expect((await api.get('auditor', `/cases/${created.body.id}/verify`)).body.intact).toBe(true);
    } finally {
      await app.close();
    }
    const verified = await cli(['verify', '--all', '--json'], { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema });
    expect(JSON.parse(verified.out)).toMatchObject({ fail: 0 });
  });

  it('refuses a schema that already holds a town, and leaves it as it was', async () => {
    const before = await pg.query(`SELECT COUNT(*) AS n FROM ${schema}.case_history`);
    await expect(migrateDb({ sqlitePath: (t.config.database as { path: string }).path, dataDir: t.config.dataDir, url: TEST_DATABASE_URL, schema })).rejects.toThrow(/already holds a town/);
    expect((await pg.query(`SELECT COUNT(*) AS n FROM ${schema}.case_history`)).rows[0].n).toBe(before.rows[0].n);
  });
});
