/**
 * `npm run bench:deadlines`: the deadline queues at scale, on PostgreSQL and the local Redis.
 *  1. reconciliation: BENCH_DEADLINES (default 100,000) open deadlines, the queue prefix deleted
 *     (what a FLUSHALL or a restart of Redis does), then every open deadline's jobs re-created
 *     from the rows (target < 30 s);
 *  2. delivery delay: BENCH_BURST (default 1,000) deliveries falling due at the same instant, the
 *     delay between that instant and each notification row (p50 / p99; target p99 <= 2 s);
 *  3. `redis-benchmark -t set` in the same run, as the reference for this machine's Redis.
 * Prints the figures; nothing is written to BENCHMARKS.md.
 */
import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { BullmqDeadlineScheduler, deadlineWorkerOptions } from '@app/deadlines';
import { AdjustableClock, CLOCK } from '@app/runtime';
import { NestFactory } from '@nestjs/core';
import { execFileSync } from 'child_process';
import { randomBytes, randomUUID } from 'crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { WorkerModule } from '../apps/worker/src/worker.module';

const DB_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379';
const N = Number(process.env.BENCH_DEADLINES || 100_000);
const BURST = Number(process.env.BENCH_BURST || 1_000);
const CASES = 1_000;

const schema = `bench_deadlines_${randomBytes(4).toString('hex')}`;
const prefix = `bench-deadlines-${randomBytes(4).toString('hex')}`;

async function dropPrefix(): Promise<number> {
  const r = new Redis(REDIS_URL);
  let cursor = '0';
  let n = 0;
  do {
    const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 5000);
    cursor = next;
    if (keys.length) n += await r.unlink(...keys);
  } while (cursor !== '0');
  r.disconnect();
  return n;
}

async function insertRows(pg: Client, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const values = chunk.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
    await pg.query(`INSERT INTO ${schema}.${table} (${columns.join(', ')}) VALUES ${values}`, chunk.flat());
  }
}

const DEADLINE_COLUMNS = [
  'id', 'case_id', 'key', 'workflow_kind', 'workflow_version', 'label_zh', 'label_en', 'article', 'type', 'unit', 'length',
  'starts_on', 'due_date', 'status', 'responsible', 'supervisor', 'reminders', 'escalate', 'org_units', 'opened_at', 'opened_seq',
];
const deadlineRow = (caseId: string, dueDate: string, openedAt: string, reminders: string) => [
  randomUUID(), caseId, 'legalityReviewOpinion', 'major-decision', 1, '出具合法性审查意见', 'Legality review opinion', 'R713 Art. 26', 'due',
  'workdays', 15, openedAt.slice(0, 10), dueDate, 'open', '["legal-reviewer"]', '["town-head"]', reminders, true, '|jjfzb|', openedAt, 1,
];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  const pg = new Client({ connectionString: DB_URL });
  await pg.connect();
  await pg.query(`CREATE SCHEMA ${schema}`);
  const config = loadConfig({
    DATABASE_URL: DB_URL,
    DATABASE_SCHEMA: schema,
    JWT_SECRET: randomBytes(32).toString('hex'),
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    DOCKET_TEST_CLOCK: '1',
    LOG_LEVEL: 'silent',
  });
  // created, not initialised: the schema exists (migrations ran) but no processor runs yet
  const app = await NestFactory.create(WorkerModule.forRoot(config), { logger: false });
  const clock = app.get<AdjustableClock>(CLOCK);
  const scheduler = app.get(BullmqDeadlineScheduler);
  try {
    await pg.query(`INSERT INTO ${schema}.org_units (id, name_zh, name_en) VALUES ('jjfzb', '经济发展办', 'Economic Development Office')`);
    await pg.query(
      `INSERT INTO ${schema}.users (id, username, display_name, password_hash, org_unit, roles, active, created_at)
       VALUES ($1, 'legal-reviewer', '审查员', 'x', 'jjfzb', '["legal-reviewer"]', true, '2026-01-01T00:00:00.000Z')`,
      [randomUUID()],
    );
    const caseIds = Array.from({ length: CASES }, () => randomUUID());
    const state = JSON.stringify({ legalityReview: 'submitted' });
    await insertRows(
      pg,
      'cases',
      ['id', 'kind', 'workflow_version', 'title', 'org_unit', 'org_units', 'state_path', 'state_value', 'status', 'snapshot', 'revision', 'head_hash', 'created_by', 'created_at', 'updated_at'],
      caseIds.map((id, i) => [id, 'major-decision', 1, `案件 ${i}`, 'jjfzb', '|jjfzb|', 'legalityReview.submitted', state, 'active', '{}', 1, '0'.repeat(64), 'bench', '2026-11-27T00:00:00.000Z', '2026-11-27T00:00:00.000Z']),
    );

    // 1. reconciliation after the queues are lost
    const t0 = Date.now();
    await insertRows(pg, 'deadlines', DEADLINE_COLUMNS, Array.from({ length: N }, (_, i) => deadlineRow(caseIds[i % CASES], '2026-12-18', '2026-11-27T00:00:00.000Z', '[3,0]')));
    const insertMs = Date.now() - t0;
    clock.set(new Date('2026-11-27T02:00:00.000Z'));
    await scheduler.reconcile();
    const dropped = await dropPrefix();
    const r0 = Date.now();
    const reconciled = await scheduler.reconcile();
    const reconcileMs = Date.now() - r0;
    const r1 = Date.now();
    await scheduler.reconcile();
    const againMs = Date.now() - r1;
    console.log(`inserted ${N} open deadlines in ${(insertMs / 1000).toFixed(1)} s; Redis prefix dropped (${dropped} keys)`);
    console.log(
      `reconciliation: ${reconciled.deadlines} deadlines, ${reconciled.jobs} jobs in ${(reconcileMs / 1000).toFixed(1)} s ` +
        `(${Math.round(reconciled.jobs / (reconcileMs / 1000))} jobs/s; target < 30 s); again, all jobs present: ${(againMs / 1000).toFixed(1)} s`,
    );

    // 2. a burst of deliveries due at one instant, the worker running
    await pg.query(`DELETE FROM ${schema}.deadlines`);
    await dropPrefix();
    const due = '2026-12-15T01:00:00.000Z'; // before-3 of a deadline due Fri 12-18
    await insertRows(pg, 'deadlines', DEADLINE_COLUMNS, Array.from({ length: BURST }, (_, i) => deadlineRow(caseIds[i % CASES], '2026-12-18', '2026-11-27T00:00:00.000Z', '[3]')));
    // the clock 3 s before the instant: BullMQ delays the jobs by 3 s of real time
    clock.set(new Date(Date.parse(due) - 3000));
    await app.init(); // processors start; the boot reconciliation queues the burst
    const deadlineAt = Date.now() + 60_000;
    for (;;) {
      const [{ n }] = (await pg.query(`SELECT count(*)::int AS n FROM ${schema}.notifications`)).rows;
      if (n >= BURST || Date.now() > deadlineAt) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const delays = (await pg.query(`SELECT created_at FROM ${schema}.notifications`)).rows
      .map((r) => Date.parse(r.created_at) - Date.parse(due))
      .sort((a, b) => a - b);
    console.log(
      `delivery delay, ${delays.length} of ${BURST} deliveries due at the same instant (worker concurrency ${deadlineWorkerOptions(config).concurrency}): ` +
        `min ${delays[0]} ms, p50 ${pct(delays, 50)} ms, p99 ${pct(delays, 99)} ms, max ${delays.at(-1)} ms (target p99 <= 2000 ms)`,
    );

    // 3. the reference
    try {
      const out = execFileSync('redis-benchmark', ['-h', new URL(REDIS_URL).hostname, '-p', new URL(REDIS_URL).port || '6379', '-t', 'set', '-n', '100000', '-q'], { encoding: 'utf8' });
      console.log(`redis-benchmark: ${out.trim().split('\r').at(-1)?.trim()}`);
    } catch (e) {
      console.log(`redis-benchmark not run: ${(e as Error).message.split('\n')[0]}`);
    }
  } finally {
    await app.close();
    await dropPrefix();
    await pg.query(`DROP SCHEMA ${schema} CASCADE`);
    await pg.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
