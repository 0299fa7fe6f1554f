/**
 * `npm run bench:audit`: the audit evidence of issue 4, measured in one run and printed as a
 * Markdown section (it does not rewrite BENCHMARKS.md, which `npm run bench` owns):
 * - verifying a history (hash chain) against a bare SHA-256 loop over the same canonical bytes;
 * - replaying it through the engine against a bare xstate `transition()` loop over the same events;
 * - the full verdict (chain + replay + checkpoint anchors) per event, as verify --all runs it;
 * - a checkpoint over 10k and 100k case heads: in memory, and through the real CheckpointWriter on
 *   SQLite and PostgreSQL (first checkpoint: every head anchored; second: 1% of the heads moved).
 * Options: `--quick` (1k / 10k cases, fewer passes), `--no-db`.
 */
import 'reflect-metadata';
import {
  Anchor,
  CaseHead,
  checkpointHash,
  generateSigningKey,
  leafHash,
  logProof,
  parseSigningKey,
  prepareCheckpoint,
  toHex,
  verifyCaseEvidence,
} from '@app/audit';
import { loadConfig } from '@app/config';
import { canonicalJson, HistoryRecord, replay, shanghaiDate, verifyChain, WorkflowRegistry } from '@app/engine';
import { CheckpointRepository, dataSourceOptions } from '@app/persistence';
import { CheckpointWriter, SystemClock } from '@app/runtime';
import { allWorkflows } from '@app/workflows';
import { Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DataSource } from 'typeorm';
import { initialTransition, transition } from 'xstate';
import { BENCH_DATABASE_URL, pgClient } from './databases';
import { machineInfo } from './machine';
import { fmtMs, fmtRate, fmtRatio, now } from './stats';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const SIZES = quick ? [1_000, 10_000] : [10_000, 100_000];
const PASSES = quick ? 3 : 10;
const log = (msg: string) => process.stderr.write(`[bench:audit] ${msg}\n`);

const registry = new WorkflowRegistry(allWorkflows);
const fixtures = path.join(__dirname, '..', 'test', 'fixtures', 'major-decision', 'v1');
const histories: HistoryRecord[][] = fs
  .readdirSync(fixtures)
  .filter((f) => f.endsWith('.events.json'))
  .map((f) => JSON.parse(fs.readFileSync(path.join(fixtures, f), 'utf8')));
const EVENTS_PER_PASS = histories.reduce((n, h) => n + h.length, 0);

/** Best of `passes` timings of `fn` (ms), after one warm-up call. */
function best(passes: number, fn: () => void): number {
  fn();
  let min = Infinity;
  for (let i = 0; i < passes; i++) {
    const t0 = now();
    fn();
    min = Math.min(min, now() - t0);
  }
  return min;
}

/** Events per second: `rounds` repetitions of the fixture histories per timed pass. */
function eventsPerSecond(rounds: number, fn: (h: HistoryRecord[]) => void): number {
  const ms = best(PASSES, () => {
    for (let r = 0; r < rounds; r++) for (const h of histories) fn(h);
  });
  return (rounds * EVENTS_PER_PASS) / (ms / 1000);
}

function verifyRates() {
  const rounds = quick ? 20 : 100;
  // the bytes the chain hashes: canonical JSON of each record without its hash
  const bodies = histories.map((h) =>
    h.map(({ hash: _hash, ...body }) => Buffer.from(canonicalJson(body), 'utf8')),
  );
  const bareSha = (() => {
    const ms = best(PASSES, () => {
      for (let r = 0; r < rounds; r++) for (const h of bodies) for (const b of h) createHash('sha256').update(b).digest('hex');
    });
    return (rounds * EVENTS_PER_PASS) / (ms / 1000);
  })();
  const chain = eventsPerSecond(rounds, (h) => {
    if (!verifyChain(h).ok) throw new Error('fixture chain broken');
  });

  // the same events through xstate alone: initialTransition, then transition() per event, nothing else
  const plain = histories.map((h) =>
    h.map((r) => ({ type: r.type, payload: r.payload, actor: r.actor, at: r.at, today: shanghaiDate(r.at), facts: r.facts, caseId: r.caseId })),
  );
  const machine = registry.get('major-decision', 1).machine;
  const replayRounds = quick ? 3 : 10;
  const bareTransition = (() => {
    const ms = best(PASSES, () => {
      for (let r = 0; r < replayRounds; r++) {
        for (const events of plain) {
          let [s] = initialTransition(machine, { ...events[0] });
          for (const e of events.slice(1)) [s] = transition(machine, s, e);
          if (s.status === 'error') throw new Error('bare transition failed');
        }
      }
    });
    return (replayRounds * EVENTS_PER_PASS) / (ms / 1000);
  })();
  const replayRate = eventsPerSecond(replayRounds, (h) => {
    if (!replay(registry, h).ok) throw new Error('fixture does not replay');
  });

  // the whole verdict, with three anchors in a signed checkpoint log, as verify --all judges a case
  const key = parseSigningKey(generateSigningKey().pem);
  const keys = new Map([[key.keyId, key.publicKey]]);
  const evidence = histories.map((h) => {
    const log: ReturnType<typeof prepareCheckpoint>['checkpoint'][] = [];
    const anchors: Anchor[] = [];
    for (const seq of [Math.ceil(h.length / 3), Math.ceil((2 * h.length) / 3), h.length]) {
      const p = prepareCheckpoint({ previous: log, heads: [{ caseId: h[0].caseId, seq, hash: h[seq - 1].hash }], changed: new Set([h[0].caseId]), createdAt: h[seq - 1].at, key });
      log.push(p.checkpoint);
      anchors.push({ checkpoint: p.checkpoint, inclusion: p.anchored[0] });
    }
    const latest = log[log.length - 1];
    for (const a of anchors) if (a.checkpoint.seq < latest.seq) a.log = logProof(log, a.checkpoint.seq, latest.seq);
    return { h, anchors, latest };
  });
  const full = (() => {
    const ms = best(PASSES, () => {
      for (let r = 0; r < replayRounds; r++) {
        for (const e of evidence) {
          const v = verifyCaseEvidence(registry, { caseId: e.h[0].caseId, history: e.h, anchors: e.anchors, latest: { checkpoint: e.latest, inclusion: e.anchors[2].inclusion }, keys });
          if (v.status !== 'PASS') throw new Error(`fixture verdict ${v.status}`);
        }
      }
    });
    return (replayRounds * EVENTS_PER_PASS) / (ms / 1000);
  })();
  return { bareSha, chain, bareTransition, replayRate, full };
}

const fakeHead = (i: number, seq = 12): CaseHead => ({
  caseId: `${randomBytes(4).toString('hex')}-0000-4000-8000-${String(i).padStart(12, '0')}`,
  seq,
  hash: toHex(leafHash(`head ${i}`)),
});

function checkpointInMemory(n: number) {
  const key = parseSigningKey(generateSigningKey().pem);
  const heads = Array.from({ length: n }, (_, i) => fakeHead(i));
  const t0 = now();
  const first = prepareCheckpoint({ previous: [], heads, changed: new Set(heads.map((h) => h.caseId)), createdAt: new Date().toISOString(), key });
  const firstMs = now() - t0;
  const moved = new Set<string>();
  const next = heads.map((h, i) => {
    if (i % 100 !== 0) return h;
    moved.add(h.caseId);
    return { ...h, seq: h.seq + 1, hash: toHex(leafHash(`moved ${i}`)) };
  });
  const t1 = now();
  prepareCheckpoint({ previous: [first.checkpoint], heads: next, changed: moved, createdAt: new Date().toISOString(), key });
  return { firstMs, secondMs: now() - t1 };
}

/** A database with Docket's schema and `n` case rows (only what a checkpoint reads is meaningful). */
async function seededDatabase(driver: 'sqlite' | 'postgres', n: number): Promise<{ ds: DataSource; cleanup: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-bench-audit-'));
  const schema = `bench_audit_${randomBytes(4).toString('hex')}`;
  if (driver === 'postgres') {
    const c = await pgClient();
    await c.query(`CREATE SCHEMA ${schema}`);
    await c.end();
  }
  const config = loadConfig(
    driver === 'postgres'
      ? { DATABASE_URL: BENCH_DATABASE_URL, DATABASE_SCHEMA: schema, JWT_SECRET: 'x'.repeat(32), DATA_DIR: dir }
      : { SQLITE_PATH: path.join(dir, 'docket.sqlite'), DATA_DIR: dir },
  );
  const ds = new DataSource(dataSourceOptions(config));
  await ds.initialize();
  const at = new Date().toISOString();
  const cols = 'id, kind, workflow_version, title, org_unit, org_units, state_path, state_value, status, snapshot, revision, head_hash, visible_to_reviewers, created_by, created_at, updated_at';
  const perInsert = 500;
  await ds.transaction(async (m) => {
    for (let i = 0; i < n; i += perInsert) {
      const rows = Array.from({ length: Math.min(perInsert, n - i) }, (_, k) => fakeHead(i + k));
      const values: unknown[] = [];
      const tuples = rows.map((h) => {
        const base = values.length;
        values.push(h.caseId, 'major-decision', 1, 'bench', 'jjfzb', '|jjfzb|', 'drafting', '"drafting"', 'active', '{}', h.seq, h.hash, driver === 'postgres' ? false : 0, 'bench', at, at);
        return `(${Array.from({ length: 16 }, (_, j) => (driver === 'postgres' ? `$${base + j + 1}` : '?')).join(', ')})`;
      });
      await m.query(`INSERT INTO cases (${cols}) VALUES ${tuples.join(', ')}`, values);
    }
  });
  return {
    ds,
    cleanup: async () => {
      await ds.destroy();
      if (driver === 'postgres') {
        const c = await pgClient();
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        await c.end();
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function checkpointThroughDatabase(driver: 'sqlite' | 'postgres', n: number) {
  const { ds, cleanup } = await seededDatabase(driver, n);
  try {
    const writer = new CheckpointWriter(new CheckpointRepository(ds), new SystemClock(), parseSigningKey(generateSigningKey().pem));
    const first = await writer.create();
    // 1% of the cases move on
    const p = (k: number) => (driver === 'postgres' ? `$${k}` : '?');
    const moved: Array<{ id: string; revision: number; head_hash: string }> = await ds.query(`SELECT id, revision, head_hash FROM cases ORDER BY id LIMIT ${Math.ceil(n / 100)}`);
    await ds.transaction(async (m) => {
      for (const c of moved) {
        // the anchored head as a history row, so that the moved head is seen to extend it
        await m.query(
          `INSERT INTO case_history (case_id, seq, type, payload, actor_user_id, actor_role, actor_org_unit, at, facts, workflow_kind, workflow_version, state_after, state_hash, prev_hash, hash)
           VALUES (${Array.from({ length: 15 }, (_, k) => p(k + 1)).join(', ')})`,
          [c.id, Number(c.revision), 'BENCH', '{}', 'bench', 'department-head', 'jjfzb', new Date().toISOString(), '{}', 'major-decision', 1, '"drafting"', c.head_hash, c.head_hash, c.head_hash],
        );
        await m.query(`UPDATE cases SET revision = revision + 1, head_hash = ${p(1)} WHERE id = ${p(2)}`, [toHex(leafHash(c.id)), c.id]);
      }
    });
    const second = await writer.create();
    if (!first.checkpoint || !second.checkpoint || second.anchored !== moved.length) throw new Error('unexpected checkpoint outcome');
    return { firstMs: first.ms, secondMs: second.ms, hash: checkpointHash(second.checkpoint) };
  } finally {
    await cleanup();
  }
}

async function main() {
  Logger.overrideLogger(['error']);
  const started = Date.now();
  log('verify and replay rates');
  const v = verifyRates();
  const mem = SIZES.map((n) => {
    log(`checkpoint in memory, ${n} heads`);
    return { n, ...checkpointInMemory(n) };
  });
  const db: Array<{ driver: string; n: number; firstMs: number; secondMs: number }> = [];
  if (!args.has('--no-db')) {
    for (const driver of ['sqlite', 'postgres'] as const) {
      for (const n of SIZES) {
        log(`checkpoint through the database, ${driver}, ${n} cases`);
        db.push({ driver, n, ...(await checkpointThroughDatabase(driver, n)) });
      }
    }
  }
  const m = machineInfo();
  const lines = [
    '## Audit evidence (`npm run bench:audit`)',
    '',
    `Run ${new Date().toISOString().replace('T', ' ').slice(0, 19)} UTC on ${m.cpu}, Node ${process.version} (${((Date.now() - started) / 1000).toFixed(0)} s). ` +
      `Histories: the ${histories.length} golden major-decision v1 histories (${EVENTS_PER_PASS} events), best of ${PASSES} passes.`,
    '',
    '| Measurement | Events/s | Ratio |',
    '| --- | ---: | ---: |',
    `| Bare SHA-256 over the records' canonical bytes | ${fmtRate(v.bareSha)} | 1× |`,
    `| Hash-chain verification (canonical JSON + SHA-256 + links) | ${fmtRate(v.chain)} | ${fmtRatio(v.chain / v.bareSha)} of bare SHA-256 |`,
    `| Bare xstate \`transition()\` over the same events | ${fmtRate(v.bareTransition)} | 1× |`,
    `| Engine replay (rules, restore, persist, state hash per event) | ${fmtRate(v.replayRate)} | ${fmtRatio(v.replayRate / v.bareTransition)} of bare transition() |`,
    `| Full verdict: chain + replay + 3 signed anchors with proofs (verify --all, per case) | ${fmtRate(v.full)} | target ≥ 100,000: ${v.full >= 100_000 ? 'met' : '**not met**'} |`,
    '',
    '| Checkpoint | Cases | First (every head anchored) ms | Next (1% moved) ms |',
    '| --- | ---: | ---: | ---: |',
    ...mem.map((r) => `| in memory (sort, Merkle tree, proofs, Ed25519) | ${r.n.toLocaleString('en')} | ${fmtMs(r.firstMs)} | ${fmtMs(r.secondMs)} |`),
    ...db.map((r) => `| CheckpointWriter on ${r.driver} (read heads, build, sign, store anchors) | ${r.n.toLocaleString('en')} | ${fmtMs(r.firstMs)} | ${fmtMs(r.secondMs)} |`),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
