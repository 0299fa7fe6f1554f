/**
 * `npm run bench`: Docket's transition throughput through the real runtime on SQLite and
 * PostgreSQL, against the raw driver and against bpmn-engine, all measured in this run; writes
 * BENCHMARKS.md at the repository root.
 *
 * Then runs the audit bench (bench/audit.ts), the deadline-reminder bench
 * (bench/deadline-reminders.ts) and the web console's budgets (bench/web.ts) as their own
 * processes, one after the other, and appends the Markdown section each prints.
 *
 * Options: `--quick` (a tenth of the counts, for trying the bench out), `--no-write` (print only),
 * `--runtime-only` (skip the audit and deadline sections).
 * Environment: BENCH_TRANSITIONS (default 2000 per measurement), BENCH_BPMN_TRANSITIONS (1000),
 * BENCH_ROUNDS (4), BENCH_DATABASE_URL (default TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test).
 */
import 'reflect-metadata';
import { allWorkflows } from '@app/workflows';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { APPROVAL_STEPS, benchApprovalV1 } from './approval.workflow';
import { openBpmnStore, runBpmn } from './bpmn';
import { BenchDatabases, Driver, openSqlite, pgClient } from './databases';
import { approvalStepCost, measureVerify, PlannedCase, planApprovalCases } from './engine';
import { machineInfo } from './machine';
import { MajorDecisionBench, majorDecisionStepCost } from './major-decision';
import { rawPostgres, RawBaseline, rawSqlite } from './raw';
import { DriverResults, renderConsole, renderMarkdown, Results } from './report';
import { buildRegistry, buildRuntime, runApproval } from './runtime';
import { Measurement, Recorder } from './stats';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const envInt = (name: string, dflt: number) => {
  const v = process.env[name];
  const n = v === undefined || v === '' ? dflt : Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer`);
  return n;
};
const ROUNDS = envInt('BENCH_ROUNDS', quick ? 2 : 4);
const TRANSITIONS = Math.round(envInt('BENCH_TRANSITIONS', 2000) * (quick ? 0.1 : 1));
const BPMN_TRANSITIONS = Math.round(envInt('BENCH_BPMN_TRANSITIONS', 1000) * (quick ? 0.1 : 1));

/** Cases per round for `transitions` transitions of `eventsPerCase` events each. */
const perRound = (transitions: number, eventsPerCase: number) => Math.max(1, Math.ceil(transitions / eventsPerCase / ROUNDS));
const APPROVAL_PER_ROUND = perRound(TRANSITIONS, APPROVAL_STEPS);
const BPMN_PER_ROUND = perRound(BPMN_TRANSITIONS, APPROVAL_STEPS);
const WARMUP_CASES = Math.max(5, Math.round(APPROVAL_PER_ROUND / 2));

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

/** One measured thing: a warm-up, then one chunk per round, timed into `rec`. */
interface Side {
  name: string;
  rec: Recorder;
  warm(): Promise<void>;
  round(i: number): Promise<void>;
}

/**
 * Runs the sides' chunks interleaved (round 1 of each, round 2 of each, …, rotating which goes
 * first), so that load from other processes on the machine falls on all of them alike.
 */
async function interleave(label: string, sides: Side[]): Promise<void> {
  for (const s of sides) {
    log(`${label}: warm-up ${s.name}`);
    await s.warm();
  }
  for (let r = 0; r < ROUNDS; r++) {
    const order = sides.map((_, i) => sides[(i + r) % sides.length]);
    log(`${label}: round ${r + 1}/${ROUNDS}`);
    for (const s of order) {
      await s.round(r);
      s.rec.mark();
    }
  }
}

const chunks = <T>(items: readonly T[], n: number): T[][] => Array.from({ length: n }, (_, i) => items.slice(i * Math.ceil(items.length / n), (i + 1) * Math.ceil(items.length / n)));

async function main(): Promise<void> {
  const startedAt = Date.now();
  const machine = machineInfo();
  const dbs = new BenchDatabases();
  const onSignal = () => void dbs.cleanup().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const registry = buildRegistry(allWorkflows);
    const def = registry.get(benchApprovalV1.kind, benchApprovalV1.version);

    log('engine only (no database)');
    const warmPlan = planApprovalCases(def, WARMUP_CASES);
    // best of three passes (the last one's rows are what the raw baselines commit)
    const passes = [1, 2, 3].map(() => planApprovalCases(def, APPROVAL_PER_ROUND * ROUNDS));
    const plan = passes[passes.length - 1];
    const best = (pick: (x: (typeof passes)[number]) => Measurement) => passes.map(pick).reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
    const verify = measureVerify(
      plan.cases.map((c) => c.records),
      5,
    );
    const planChunks = chunks(plan.cases, ROUNDS);
    const stepCost = { approval: approvalStepCost(def, 5000), majorDecision: majorDecisionStepCost(registry, 5000) };

    const perDriver: Partial<Record<Driver, DriverResults>> = {};
    for (const driver of ['sqlite', 'postgres'] as const) {
      // the raw baseline in a database of its own, with the schema from the same migrations
      const rawDb = await dbs.create(driver, 'raw');
      await dbs.migrate(rawDb);
      const raw: RawBaseline = driver === 'sqlite' ? rawSqlite(openSqlite(rawDb.file!)) : rawPostgres(await pgClient(rawDb.schema));
      // Docket, bpmn-engine (table bpmn_state) and the major-decision pipeline share one database
      const rtDb = await dbs.create(driver, 'runtime');
      const ds = await dbs.dataSource(rtDb);
      const runtime = buildRuntime(registry, ds, rtDb.config);
      const bpmnStore = await openBpmnStore(rtDb);
      const major = new MajorDecisionBench(registry, ds, rtDb.config);
      const majorPerRound = perRound(TRANSITIONS, major.eventsPerCase);

      const created = new Recorder();
      let bpmnStateBytes = 0;
      const sides: Side[] = [
        {
          name: 'raw driver',
          rec: new Recorder(),
          warm: async () => {
            await raw.load(warmPlan.cases);
            await raw.run(warmPlan.cases);
          },
          async round(i) {
            const cases: PlannedCase[] = planChunks[i];
            await raw.load(cases);
            await raw.run(cases, this.rec);
          },
        },
        {
          name: 'runtime bench-approval',
          rec: new Recorder(),
          warm: () => runApproval(runtime, WARMUP_CASES),
          async round() {
            await runApproval(runtime, APPROVAL_PER_ROUND, this.rec, created);
          },
        },
        {
          name: 'bpmn-engine',
          rec: new Recorder(),
          warm: async () => void (await runBpmn(bpmnStore, Math.max(4, Math.round(BPMN_PER_ROUND / 2)))),
          async round() {
            bpmnStateBytes = await runBpmn(bpmnStore, BPMN_PER_ROUND, this.rec);
          },
        },
        {
          name: 'runtime major-decision',
          rec: new Recorder(),
          warm: () => major.run(Math.max(2, Math.round(majorPerRound / 2))),
          async round() {
            await major.run(majorPerRound, this.rec);
          },
        },
      ];
      await interleave(driver, sides);
      await raw.close();
      await bpmnStore.close();
      await dbs.close(ds);

      const [rawSide, approvalSide, bpmnSide, majorSide] = sides;
      const perRoundRatio = (a: Recorder, b: Recorder) => {
        const ra = a.roundRates();
        const rb = b.roundRates();
        return ra.map((x, i) => x / rb[i]);
      };
      perDriver[driver] = {
        roundRatios: { toRaw: perRoundRatio(approvalSide.rec, rawSide.rec), toBpmn: perRoundRatio(approvalSide.rec, bpmnSide.rec) },
        raw: rawSide.rec.result(),
        approval: approvalSide.rec.result(),
        createCase: created.result(),
        bpmn: bpmnSide.rec.result(),
        bpmnStateBytes,
        major: { transitions: majorSide.rec.result(), eventsPerCase: major.eventsPerCase, snapshotBytes: major.snapshotBytes },
      };
    }

    const results: Results = {
      machine,
      loadAvgEnd: os.loadavg()[0],
      versions: await dbs.versions(),
      date: new Date(),
      durationS: (Date.now() - startedAt) / 1000,
      rounds: ROUNDS,
      quick,
      engine: { stepCase: best((x) => x.stepCase), buildRecord: best((x) => x.buildRecord), verify, stepCost },
      sqlite: perDriver.sqlite!,
      postgres: perDriver.postgres!,
    };
    process.stdout.write(renderConsole(results));
    await dbs.cleanup();
    const sections = args.has('--runtime-only') ? [] : SECTIONS.map(runSection);
    for (const s of sections) process.stdout.write(`\n${s.markdown}\n`);
    if (!args.has('--no-write')) {
      const file = path.resolve(__dirname, '..', 'BENCHMARKS.md');
      fs.writeFileSync(file, [renderMarkdown(results).trimEnd(), ...sections.map((s) => s.markdown.trim())].join('\n\n') + '\n');
      log(`wrote ${path.relative(process.cwd(), file) || file}`);
    }
    if (sections.some((s) => !s.ok)) process.exitCode = 1;
  } finally {
    await dbs.cleanup();
  }
}

/** The other benches, each in its own process (their own heaps and database connections). */
const SECTIONS = [
  { script: 'audit.ts', title: 'Audit evidence (`npm run bench:audit`)' },
  { script: 'deadline-reminders.ts', title: 'Deadline reminders (`npm run bench:deadlines`)' },
  { script: 'web.ts', title: 'Web console (`npm run bench:web`)' },
];

function runSection(section: (typeof SECTIONS)[number]): { ok: boolean; markdown: string } {
  log(`${section.title}`);
  const started = Date.now();
  const res = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', path.join(__dirname, section.script), '--no-write', ...(quick ? ['--quick'] : [])],
    { cwd: path.resolve(__dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const ok = res.status === 0;
  const out = (res.stdout ?? '').trim();
  // a section starts at its '## ' heading; anything printed before it is progress
  const at = out.indexOf('## ');
  const markdown = ok && at >= 0 ? out.slice(at) : `## ${section.title}\n\n**Failed** after ${Math.round((Date.now() - started) / 1000)} s (exit ${res.status ?? res.signal}); run it alone to see why.\n`;
  return { ok, markdown };
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
