import type { MachineInfo } from './machine';
import { fmtMs, fmtRate, fmtRatio, Measurement } from './stats';

export interface DriverResults {
  /** Docket runtime ÷ raw driver and ÷ bpmn-engine, round by round */
  roundRatios: { toRaw: number[]; toBpmn: number[] };
  raw: Measurement;
  approval: Measurement;
  createCase: Measurement;
  bpmn: Measurement;
  bpmnStateBytes: number;
  major: { transitions: Measurement; eventsPerCase: number; snapshotBytes: number };
}

export interface Results {
  machine: MachineInfo;
  /** 1-minute load average at the end of the run */
  loadAvgEnd: number;
  versions: { sqlite: string; postgres: string; postgresSettings: string; packages: Record<string, string> };
  date: Date;
  durationS: number;
  rounds: number;
  quick: boolean;
  engine: {
    stepCase: Measurement;
    buildRecord: Measurement;
    verify: Measurement;
    stepCost: Record<'approval' | 'majorDecision', { stepCase: Measurement; createActor: Measurement }>;
  };
  sqlite: DriverResults;
  postgres: DriverResults;
}

export const TARGETS = { runtimeToRaw: 0.25, runtimeToRawAim: 0.5, runtimeToBpmn: 20 };

const DRIVERS = [
  ['sqlite', 'SQLite'],
  ['postgres', 'PostgreSQL'],
] as const;

const e0 = (r: Results) => r.engine.stepCase.count.toLocaleString('en-US');

const ratios = (x: DriverResults) => ({
  toRaw: x.approval.perSecond / x.raw.perSecond,
  toBpmn: x.approval.perSecond / x.bpmn.perSecond,
  rawToBpmn: x.raw.perSecond / x.bpmn.perSecond,
});

/** The lowest and highest per-round value, e.g. " (rounds 0.28×–0.36×)". */
const spread = (xs: number[]) => (xs.length > 1 ? ` (rounds ${fmtRatio(Math.min(...xs))}–${fmtRatio(Math.max(...xs))})` : '');

const line = (name: string, m: Measurement) =>
  `  ${name.padEnd(36)} ${fmtRate(m.perSecond).padStart(8)}/s   p50 ${fmtMs(m.p50).padStart(6)} ms   p99 ${fmtMs(m.p99).padStart(6)} ms   cpu ${fmtMs(m.cpuMs).padStart(6)} ms   (n=${m.count})\n`;

export function renderConsole(r: Results): string {
  let out = '\nno database\n';
  out += line('engine stepCase', r.engine.stepCase);
  out += line('engine buildRecord', r.engine.buildRecord);
  out += line('hash-chain verify (records)', r.engine.verify);
  out += line('stepCase, bench-approval APPROVE_1', r.engine.stepCost.approval.stepCase);
  out += line('createActor(bench-approval machine)', r.engine.stepCost.approval.createActor);
  out += line('stepCase, major-decision (19 events)', r.engine.stepCost.majorDecision.stepCase);
  out += line('createActor(major-decision machine)', r.engine.stepCost.majorDecision.createActor);
  for (const [d, label] of DRIVERS) {
    const x = r[d];
    const q = ratios(x);
    out += `${label}\n`;
    out += line('raw driver commit', x.raw);
    out += line('Docket runtime, bench-approval', x.approval);
    out += line('bpmn-engine, same database', x.bpmn);
    out += line('Docket runtime, major-decision', x.major.transitions);
    out += line('Docket createCase (bench-approval)', x.createCase);
    out += `  runtime/raw ${fmtRatio(q.toRaw)}${spread(x.roundRatios.toRaw)} (target ≥${TARGETS.runtimeToRaw}×, aim ${TARGETS.runtimeToRawAim}×)   runtime/bpmn-engine ${fmtRatio(q.toBpmn)}${spread(x.roundRatios.toBpmn)} (target ≥${TARGETS.runtimeToBpmn}×)   raw/bpmn-engine ${fmtRatio(q.rawToBpmn)}\n`;
  }
  return out;
}

const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |\n`;
const met = (ok: boolean) => (ok ? 'met' : '**not met**');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function measurementRows(name: string, m: Measurement, ratio: string): string {
  return row([name, fmtRate(m.perSecond), fmtMs(m.p50), fmtMs(m.p99), fmtMs(m.cpuMs), ratio, m.count]);
}

export function renderMarkdown(r: Results): string {
  const s = r.sqlite;
  const p = r.postgres;
  const qs = ratios(s);
  const qp = ratios(p);
  const date = r.date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  let md = `# Benchmarks\n\n`;
  md += `Latest run: ${date}, \`npm run bench${r.quick ? ' -- --quick' : ''}\` (transitions: ${Math.round(r.durationS)} s; the audit and deadline sections below give their own times).${
    r.quick ? ' **Quick run: a tenth of the usual counts; numbers are indicative only.**' : ''
  }\n\n`;

  md += `## Machine\n\n`;
  md += `| | |\n|---|---|\n`;
  md += row(['CPU', `${r.machine.cpu}, ${r.machine.cores} cores`]);
  md += row(['Memory', `${r.machine.memoryGiB} GiB`]);
  md += row(['OS', r.machine.os]);
  md += row(['Node.js', r.machine.node]);
  md += row(['SQLite', `${r.versions.sqlite} (better-sqlite3; WAL, synchronous=FULL, as Docket opens it)`]);
  md += row(['PostgreSQL', `${r.versions.postgres} on localhost TCP (${r.versions.postgresSettings})`]);
  md += row(['Packages', Object.entries(r.versions.packages).map(([n, v]) => `${n} ${v}`).join(', ')]);
  md += row(['Load average (1 min)', `${r.machine.loadAvg1.toFixed(2)} at the start, ${r.loadAvgEnd.toFixed(2)} at the end (the machine is shared)`]);
  md += `\n`;

  md += `## Targets\n\n`;
  md += row(['Ratio', 'Target', 'SQLite', 'PostgreSQL', 'Status']);
  md += row(['---', '---', '---:', '---:', '---']);
  md += row([
    'Docket runtime ÷ raw driver (transitions/s)',
    `≥ ${TARGETS.runtimeToRaw}× (aim ${TARGETS.runtimeToRawAim}×)`,
    fmtRatio(qs.toRaw) + spread(s.roundRatios.toRaw),
    fmtRatio(qp.toRaw) + spread(p.roundRatios.toRaw),
    `${met(qs.toRaw >= TARGETS.runtimeToRaw && qp.toRaw >= TARGETS.runtimeToRaw)}; aim ${qs.toRaw >= TARGETS.runtimeToRawAim && qp.toRaw >= TARGETS.runtimeToRawAim ? 'reached' : 'not reached'}`,
  ]);
  md += row([
    'Docket runtime ÷ bpmn-engine (transitions/s, same database)',
    `≥ ${TARGETS.runtimeToBpmn}×`,
    fmtRatio(qs.toBpmn) + spread(s.roundRatios.toBpmn),
    fmtRatio(qp.toBpmn) + spread(p.roundRatios.toBpmn),
    met(qs.toBpmn >= TARGETS.runtimeToBpmn && qp.toBpmn >= TARGETS.runtimeToBpmn),
  ]);
  md += row(['For reference: raw driver ÷ bpmn-engine (the ceiling of the row above)', '', fmtRatio(qs.rawToBpmn), fmtRatio(qp.rawToBpmn), '']);
  md += `\n`;

  md += `## What is measured\n\n`;
  md += `- **Transition**: one accepted event through \`WorkflowRuntime.dispatch\`, built directly (no Nest app, no HTTP): load the case row, check role and state, validate the payload (class-validator), run the XState step, hash the new snapshot and the history record (SHA-256 over canonical JSON, chained to the previous record), then one transaction holding the compare-and-swap \`UPDATE cases … WHERE id = ? AND revision = ?\` and the \`INSERT INTO case_history\`. One client, one transition at a time; every commit is durable.\n`;
  md += `- **bench-approval** (defined in \`bench/\`, not shipped): five sequential approvals \`APPROVE_1\` … \`APPROVE_5\`, each by one role, one rule each, one context record per step. Cases are opened first (not counted; \`createCase\` is reported apart), then step 1 is sent to every case of the round, then step 2, and so on.\n`;
  md += `- **Raw driver**: the same driver with prepared statements and no ORM or engine (better-sqlite3; \`pg\` Client with named statements), committing exactly the rows the runtime commits for the same transitions (computed beforehand by the engine): \`BEGIN\`, CAS \`UPDATE\` of the case row, \`INSERT\` of the history row, \`COMMIT\`, into a separate database / schema created by the same migrations.\n`;
  md += `- **bpmn-engine** ${r.versions.packages['bpmn-engine']} (npm): the equivalent BPMN process (start → five user tasks → end). One step = read its saved state from \`bpmn_state(id text primary key, state text)\` in the same database as Docket, \`new Engine().recover(state)\`, \`resume\`, signal the waiting user task (after the same role and rule check), wait for the next task to wait (or the end), \`stop\`, \`getState\`, and save the JSON (${kb(s.bpmnStateBytes)} per instance) with one \`UPDATE\` in one transaction. bpmn-engine keeps no history.\n`;
  md += `- **major-decision** (the latest registered version): the real pipeline, initiation → archived with every procedure required (${s.major.eventsPerCase} events per case, valid payloads from the workflow's fixtures, an adjustable clock set to 2024 and moved past the comment period). The snapshot of an archived case is ${kb(s.major.snapshotBytes)}.\n`;
  md += `- Each measurement has a warm-up, then ${r.rounds} rounds; within a round the measurements of one database run one after the other (rotating which goes first), so that load from other processes falls on all of them alike. Rates are measured transitions ÷ wall time of the measured loops; p50 / p99 are per transition; *CPU* is the Node process's CPU time per transition, all threads (garbage collection included, the database server's not).\n\n`;

  for (const [d, label] of DRIVERS) {
    const x = r[d];
    const q = ratios(x);
    md += `## ${label}\n\n`;
    md += row(['Measurement', 'Transitions/s', 'p50 ms', 'p99 ms', 'CPU ms', 'Docket runtime ÷ this', 'Transitions']);
    md += row(['---', '---:', '---:', '---:', '---:', '---:', '---:']);
    md += measurementRows('Raw driver commit (same rows)', x.raw, fmtRatio(q.toRaw));
    md += measurementRows('**Docket runtime, bench-approval**', x.approval, '1×');
    md += measurementRows('bpmn-engine, same database', x.bpmn, fmtRatio(q.toBpmn));
    md += measurementRows('Docket runtime, major-decision end to end', x.major.transitions, '');
    md += row([
      'Docket `createCase` (bench-approval)',
      fmtRate(x.createCase.perSecond),
      fmtMs(x.createCase.p50),
      fmtMs(x.createCase.p99),
      fmtMs(x.createCase.cpuMs),
      '',
      `${x.createCase.count} cases`,
    ]);
    md += `\n`;
  }

  md += `## Without a database (context)\n\n`;
  md += `The first three rows are the best of three passes over the ${e0(r)} bench-approval transitions the raw baselines commit; the others are ${r.engine.stepCost.approval.stepCase.count.toLocaleString('en-US')} calls each.\n\n`;
  md += row(['Measurement', 'Per second', 'p50 ms', 'p99 ms']);
  md += row(['---', '---:', '---:', '---:']);
  const e = r.engine;
  md += row(['Engine `stepCase` (bench-approval: restore, rules, XState transition, state hash)', fmtRate(e.stepCase.perSecond), fmtMs(e.stepCase.p50), fmtMs(e.stepCase.p99)]);
  md += row(['Engine `buildRecord` (canonical JSON + SHA-256 of a history record)', fmtRate(e.buildRecord.perSecond), fmtMs(e.buildRecord.p50), fmtMs(e.buildRecord.p99)]);
  md += row(['`verifyChain` (records verified)', fmtRate(e.verify.perSecond), fmtMs(e.verify.p50), fmtMs(e.verify.p99)]);
  const sc = e.stepCost;
  md += row(['`stepCase`, bench-approval `APPROVE_1`', fmtRate(sc.approval.stepCase.perSecond), fmtMs(sc.approval.stepCase.p50), fmtMs(sc.approval.stepCase.p99)]);
  md += row(['… of which XState `createActor(machine)` (made by every `transition()` call)', fmtRate(sc.approval.createActor.perSecond), fmtMs(sc.approval.createActor.p50), fmtMs(sc.approval.createActor.p99)]);
  md += row(['`stepCase`, major-decision (the 19 events of the path, in turn)', fmtRate(sc.majorDecision.stepCase.perSecond), fmtMs(sc.majorDecision.stepCase.p50), fmtMs(sc.majorDecision.stepCase.p99)]);
  md += row(['… of which XState `createActor(machine)`', fmtRate(sc.majorDecision.createActor.perSecond), fmtMs(sc.majorDecision.createActor.p50), fmtMs(sc.majorDecision.createActor.p99)]);
  md += `\n`;

  md += `## What limits these numbers\n\n`;
  md += `- **The durable commit.** Every transition ends in one synchronous commit (SQLite: an fsync of the WAL; PostgreSQL: a WAL flush with \`synchronous_commit=on\`), with a single client, so there is no group commit. The raw driver's rate is therefore bounded by the flush rate of this virtual disk (${fmtRate(s.raw.perSecond)}/s SQLite, ${fmtRate(p.raw.perSecond)}/s PostgreSQL) and varies with whatever else writes to it. Concurrent clients on PostgreSQL would share flushes; this bench does not measure that.\n`;
  md += `- **Docket runtime vs raw driver.** Besides the same two writes, the runtime reads the case row first (one more statement; on PostgreSQL the compare-and-swap and the history insert are one \`WITH … UPDATE … INSERT\` statement, so the round trips are as many as the raw driver's), validates the payload, resolves the stored snapshot twice (for \`allowedEvents\` and for \`stepCase\`), runs XState's pure \`transition\`, hashes the snapshot and the record, and sends its plain SQL through TypeORM's driver layer (on PostgreSQL as unnamed statements, parsed and planned each time, where the raw baseline uses named prepared ones). That is ${fmtMs(s.approval.cpuMs)} ms of Node CPU per transition on SQLite against ${fmtMs(s.raw.cpuMs)} ms for the raw driver, and ${fmtMs(p.approval.cpuMs)} ms against ${fmtMs(p.raw.cpuMs)} ms on PostgreSQL. With 2 cores shared by Node, the PostgreSQL backend and other processes, CPU spent in Node also delays the server's replies${qp.toRaw < qs.toRaw ? ', which widens the gap on PostgreSQL' : ''}.\n`;
  const need = (x: DriverResults) => (x.bpmn.perSecond * TARGETS.runtimeToBpmn) / x.raw.perSecond;
  const ceiling = (x: DriverResults, label: string) =>
    `on ${label}, ${TARGETS.runtimeToBpmn}× bpmn-engine is ${fmtRate(x.bpmn.perSecond * TARGETS.runtimeToBpmn)}/s, ${
      need(x) >= 1 ? 'more than the raw driver itself commits' : `${fmtRatio(need(x))} of the raw driver's rate`
    }`;
  const verdict =
    need(s) >= 1 && need(p) >= 1
      ? `On this machine not even the raw driver reaches ${TARGETS.runtimeToBpmn}×, so no runtime that commits every transition durably can.`
      : `Reaching ${TARGETS.runtimeToBpmn}× would need a runtime that costs almost nothing beyond the commit where the ceiling is above ${TARGETS.runtimeToBpmn}×.`;
  md += `- **Docket runtime vs bpmn-engine.** A bpmn-engine step costs ${fmtMs(s.bpmn.cpuMs)} ms of CPU (recovering, resuming and serialising ${kb(s.bpmnStateBytes)} of state), then pays the same kind of commit. Since both commit once per transition, Docket can be at most raw ÷ bpmn-engine times faster (${fmtRatio(qs.rawToBpmn)} on SQLite, ${fmtRatio(qp.rawToBpmn)} on PostgreSQL in this run): ${ceiling(s, 'SQLite')}; ${ceiling(p, 'PostgreSQL')}. ${verdict} bpmn-engine also records no history and no hash chain, and saves its state without a compare-and-swap.\n`;
  md += `- **major-decision** carries a larger context (${kb(s.major.snapshotBytes)} snapshot at the end, copied, serialised and hashed at every step) and more rules per event: a pure engine step there costs ${fmtMs(e.stepCost.majorDecision.stepCase.p50)} ms (median) against ${fmtMs(e.stepCost.approval.stepCase.p50)} ms for bench-approval. Of that, ${fmtMs(e.stepCost.majorDecision.createActor.p50)} ms is the throw-away actor that XState's pure \`transition()\` creates on every call (it computes the machine's initial snapshot).\n`;
  md += `- **Percentiles.** p99 includes SQLite WAL checkpoints, PostgreSQL WAL flush outliers, garbage collection and scheduling delays on the shared machine; compare rates and ratios within one run, not across runs. The per-round ranges in the targets table show how far the ratios moved within this run.\n`;
  return md;
}
