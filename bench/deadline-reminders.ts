/**
 * `npm run bench:deadlines`: the deadline queues at scale, on PostgreSQL and the local Redis.
 *  1. reconciliation: BENCH_DEADLINES (default 100,000) open deadlines, the queue prefix deleted
 *     (what a FLUSHALL or a restart of Redis does), then every open deadline's jobs re-created
 *     from the rows (target < 30 s);
 *  2. delivery delay: BENCH_BURST (default 1,000) deliveries falling due at the same instant, the
 *     delay between that instant and each notification row (p50 / p99; target p99 <= 2 s), for
 *     BENCH_BURST_RUNS (default 3) bursts in a row (the machine is shared: one burst says little),
 *     with the worker process's CPU time per delivery (less sensitive to other load than the delay);
 *  3. `redis-benchmark -t set` in the same run, as the reference for this machine's Redis.
 * Prints the figures, then a Markdown section to paste into BENCHMARKS.md (which `npm run bench`
 * owns; this script does not rewrite it).
 */
import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { BullmqDeadlineScheduler, deadlineWorkerOptions } from '@app/deadlines';
import { AdjustableClock, CLOCK } from '@app/runtime';
import { NestFactory } from '@nestjs/core';
import { execFileSync } from 'child_process';
import * as os from 'os';
import { randomBytes, randomUUID } from 'crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { machineInfo } from './machine';

const DB_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379';
const N = Number(process.env.BENCH_DEADLINES || 100_000);
const BURST = Number(process.env.BENCH_BURST || 1_000);
const BURST_RUNS = Math.max(1, Number(process.env.BENCH_BURST_RUNS || 3));
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

interface Burst {
  delivered: number;
  min: number;
  p50: number;
  p99: number;
  max: number;
  /** CPU time of this (worker) process during the burst, per delivery */
  cpuPerDeliveryMs: number;
  load: number;
}

async function main() {
  const started = Date.now();
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
    // sent to legality review: the reviewer sees the case, so the reminders reach them (the one visibility rule)
    await insertRows(
      pg,
      'cases',
      ['id', 'kind', 'workflow_version', 'title', 'org_unit', 'org_units', 'state_path', 'state_value', 'status', 'snapshot', 'revision', 'head_hash', 'visible_to_reviewers', 'created_by', 'created_at', 'updated_at'],
      caseIds.map((id, i) => [id, 'major-decision', 1, `案件 ${i}`, 'jjfzb', '|jjfzb|', 'legalityReview.submitted', state, 'active', '{}', 1, '0'.repeat(64), true, 'bench', '2026-11-27T00:00:00.000Z', '2026-11-27T00:00:00.000Z']),
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

    // 2. bursts of deliveries due at one instant, the worker running
    await pg.query(`DELETE FROM ${schema}.deadlines`);
    await dropPrefix();
    const concurrency = deadlineWorkerOptions(config).concurrency;
    const bursts: Burst[] = [];
    for (let run = 0; run < BURST_RUNS; run++) {
      // the before-3 reminder of deadlines due on a Friday, one week later per run: 2026-12-15, 12-22, 12-29, …
      const dueDate = new Date(Date.parse('2026-12-18T00:00:00Z') + run * 7 * 86_400_000).toISOString().slice(0, 10);
      const due = new Date(Date.parse(`${dueDate}T01:00:00.000Z`) - 3 * 86_400_000).toISOString();
      await pg.query(`DELETE FROM ${schema}.notifications`);
      await pg.query(`DELETE FROM ${schema}.deadlines`);
      await insertRows(pg, 'deadlines', DEADLINE_COLUMNS, Array.from({ length: BURST }, (_, i) => deadlineRow(caseIds[i % CASES], dueDate, '2026-11-27T00:00:00.000Z', '[3]')));
      // the clock 3 s before the instant: BullMQ delays the jobs by 3 s of real time
      clock.set(new Date(Date.parse(due) - 3000));
      if (run === 0) await app.init(); // processors start; the boot reconciliation queues the burst
      else await scheduler.reconcile();
      const cpu0 = process.cpuUsage();
      const deadlineAt = Date.now() + 60_000;
      for (;;) {
        const [{ n }] = (await pg.query(`SELECT count(*)::int AS n FROM ${schema}.notifications`)).rows;
        if (n >= BURST || Date.now() > deadlineAt) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const cpu = process.cpuUsage(cpu0);
      const delays = (await pg.query(`SELECT created_at FROM ${schema}.notifications`)).rows
        .map((r) => Date.parse(r.created_at) - Date.parse(due))
        .sort((a, b) => a - b);
      const b: Burst = {
        delivered: delays.length,
        min: delays[0],
        p50: pct(delays, 50),
        p99: pct(delays, 99),
        max: delays.at(-1)!,
        cpuPerDeliveryMs: (cpu.user + cpu.system) / 1000 / Math.max(1, delays.length),
        load: os.loadavg()[0],
      };
      bursts.push(b);
      console.log(
        `burst ${run + 1}: delivery delay of ${b.delivered} of ${BURST} deliveries due at the same instant (worker concurrency ${concurrency}): ` +
          `min ${b.min} ms, p50 ${b.p50} ms, p99 ${b.p99} ms, max ${b.max} ms (target p99 <= 2000 ms); ` +
          `worker CPU ${b.cpuPerDeliveryMs.toFixed(2)} ms per delivery; load average ${b.load.toFixed(1)}`,
      );
    }

    // 3. the reference
    let redisSet = '';
    try {
      const out = execFileSync('redis-benchmark', ['-h', new URL(REDIS_URL).hostname, '-p', new URL(REDIS_URL).port || '6379', '-t', 'set', '-n', '100000', '-q'], { encoding: 'utf8' });
      redisSet = out.trim().split('\r').at(-1)?.trim() ?? '';
      console.log(`redis-benchmark: ${redisSet}`);
    } catch (e) {
      console.log(`redis-benchmark not run: ${(e as Error).message.split('\n')[0]}`);
    }
    const setRate = Number(/SET:\s*([\d.]+)/.exec(redisSet)?.[1] ?? NaN);
    const reconcileRate = reconciled.jobs / (reconcileMs / 1000);
    const m = machineInfo();
    const p99s = bursts.map((b) => b.p99);
    const lines = [
      '',
      '## Deadline queues (`npm run bench:deadlines`)',
      '',
      `Run ${new Date().toISOString().replace('T', ' ').slice(0, 19)} UTC on ${m.cpu} (${os.cpus().length} cores, shared with other work), Node ${process.version}, ` +
        `PostgreSQL and the local Redis (${((Date.now() - started) / 1000).toFixed(0)} s).`,
      '',
      '| Measurement | Result | Target |',
      '| --- | ---: | --- |',
      `| Reconcile ${reconciled.deadlines.toLocaleString('en')} open deadlines after the queue prefix is deleted (${reconciled.jobs.toLocaleString('en')} jobs) | ${(reconcileMs / 1000).toFixed(1)} s (${Math.round(reconcileRate).toLocaleString('en')} jobs/s) | < 30 s: ${reconcileMs < 30_000 ? 'met' : '**not met**'} |`,
      `| The same again, every job already present | ${(againMs / 1000).toFixed(1)} s | |`,
      ...bursts.map(
        (b, i) =>
          `| Burst ${i + 1}: ${BURST.toLocaleString('en')} deliveries due at one instant → notification row (concurrency ${concurrency}; load ${b.load.toFixed(1)}) | ` +
          `p50 ${b.p50} ms, p99 ${b.p99} ms, max ${b.max} ms; ${b.cpuPerDeliveryMs.toFixed(2)} ms worker CPU per delivery | p99 ≤ 2,000 ms: ${b.p99 <= 2000 ? 'met' : '**not met**'} |`,
      ),
      `| \`redis-benchmark -t set -n 100000\` (reference) | ${redisSet || 'not run'} | |`,
      ...(Number.isFinite(setRate) ? [`| Reconciliation jobs/s ÷ Redis SET/s | ${(reconcileRate / setRate).toFixed(3)} | |`] : []),
      '',
      `Median p99 of the ${bursts.length} bursts: ${[...p99s].sort((a, b) => a - b)[Math.floor(p99s.length / 2)]} ms. A reminder job reads the deadline, the case and the users, ` +
        'then writes its notifications (group commit: the deliveries that arrive while one transaction commits share the next). ' +
        'Burst 1 is the worker’s first work after it started (cold code paths); the delay also holds BullMQ’s promotion of the delayed jobs (the min column).',
      '',
    ];
    process.stdout.write(lines.join('\n') + '\n');
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
