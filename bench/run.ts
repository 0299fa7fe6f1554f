/**
 * `npm run bench`: Docket's transition throughput through the real runtime on SQLite and
 * PostgreSQL, against the raw driver and against bpmn-engine, measured in one run; writes
 * BENCHMARKS.md. Options: `--quick` (a tenth of the counts), `--no-write` (print only),
 * `BENCH_TRANSITIONS` / `BENCH_BPMN_TRANSITIONS` (counts per measurement).
 */
import 'reflect-metadata';
import { allWorkflows } from '@app/workflows';
import * as fs from 'fs';
import * as path from 'path';
import { benchApprovalV1 } from './approval.workflow';
import { measureBpmn, pgBpmnStore, sqliteBpmnStore } from './bpmn';
import { BenchDatabases, Driver, openSqlite, pgClient } from './databases';
import { measureVerify, planApprovalCases } from './engine';
import { machineInfo } from './machine';
import { measureMajorDecision } from './major-decision';
import { rawPostgres, rawSqlite } from './raw';
import { renderMarkdown, renderConsole, Results, DriverResults } from './report';
import { buildRegistry, buildRuntime, measureRuntimeApproval } from './runtime';

const args = new Set(process.argv.slice(2));
const scale = args.has('--quick') ? 0.1 : 1;
const count = (env: string | undefined, dflt: number) => Math.max(5, Math.round((env ? Number(env) : dflt) * scale));
const TRANSITIONS = count(process.env.BENCH_TRANSITIONS, 2000);
const BPMN_TRANSITIONS = count(process.env.BENCH_BPMN_TRANSITIONS, 1000);
const CASES = Math.ceil(TRANSITIONS / 5);
const WARMUP_CASES = Math.max(4, Math.round(CASES / 10));
const BPMN_CASES = Math.ceil(BPMN_TRANSITIONS / 5);
const BPMN_WARMUP = Math.max(4, Math.round(BPMN_CASES / 10));

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

async function main(): Promise<void> {
  const startedAt = Date.now();
  const dbs = new BenchDatabases();
  const onSignal = () => {
    void dbs.cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const registry = buildRegistry(allWorkflows);
    const def = registry.get(benchApprovalV1.kind, benchApprovalV1.version);

    log('engine only (no database)');
    const warmPlan = planApprovalCases(def, WARMUP_CASES);
    const plan = planApprovalCases(def, CASES);
    const verify = measureVerify(
      plan.cases.map((c) => c.records),
      5,
    );

    const perDriver: Partial<Record<Driver, DriverResults>> = {};
    for (const driver of ['sqlite', 'postgres'] as const) {
      log(`${driver}: raw driver baseline`);
      const rawDb = await dbs.create(driver, 'raw');
      await dbs.migrate(rawDb);
      let raw;
      if (driver === 'sqlite') {
        const db = openSqlite(rawDb.file!);
        raw = await rawSqlite(db, warmPlan.cases, plan.cases);
        db.close();
      } else {
        const client = await pgClient(rawDb.schema);
        raw = await rawPostgres(client, warmPlan.cases, plan.cases);
        await client.end();
      }

      log(`${driver}: Docket runtime, bench-approval`);
      const rtDb = await dbs.create(driver, 'runtime');
      const ds = await dbs.dataSource(rtDb);
      const runtime = buildRuntime(registry, ds, rtDb.config);
      const approval = await measureRuntimeApproval(runtime, WARMUP_CASES, CASES);

      log(`${driver}: bpmn-engine, same database`);
      let bpmn;
      if (driver === 'sqlite') {
        const db = openSqlite(rtDb.file!);
        bpmn = await measureBpmn(sqliteBpmnStore(db), BPMN_WARMUP, BPMN_CASES);
        db.close();
      } else {
        const client = await pgClient(rtDb.schema);
        bpmn = await measureBpmn(await pgBpmnStore(client), BPMN_WARMUP, BPMN_CASES);
        await client.end();
      }

      log(`${driver}: Docket runtime, major-decision v1`);
      const major = await measureMajorDecision(registry, ds, rtDb.config, TRANSITIONS);
      await dbs.close(ds);

      perDriver[driver] = { raw, approval: approval.transitions, createCase: approval.createCase, bpmn: bpmn.transitions, bpmnStateBytes: bpmn.stateBytes, major };
    }

    const results: Results = {
      machine: machineInfo(),
      versions: await dbs.versions(),
      date: new Date(),
      durationS: (Date.now() - startedAt) / 1000,
      counts: { transitions: TRANSITIONS, cases: CASES, bpmnTransitions: BPMN_TRANSITIONS, warmupCases: WARMUP_CASES, bpmnWarmup: BPMN_WARMUP },
      quick: scale !== 1,
      engine: { stepCase: plan.stepCase, buildRecord: plan.buildRecord, verify },
      sqlite: perDriver.sqlite!,
      postgres: perDriver.postgres!,
    };
    process.stdout.write(renderConsole(results));
    if (!args.has('--no-write')) {
      const file = path.resolve(__dirname, '..', 'BENCHMARKS.md');
      fs.writeFileSync(file, renderMarkdown(results));
      log(`wrote ${path.relative(process.cwd(), file)}`);
    }
  } finally {
    await dbs.cleanup();
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
