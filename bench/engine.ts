import {
  buildRecord,
  HistoryRecord,
  PersistedSnapshot,
  shanghaiDate,
  startCase,
  stepCase,
  StepAccepted,
  verifyChain,
  WorkflowDefinition,
  WorkflowEvent,
} from '@app/engine';
import { createActor } from 'xstate';
import { toHistoryRow } from '@app/persistence';
import { randomUUID } from 'crypto';
import { approvalComment, approverFor, APPROVAL_STEPS, benchCreator } from './approval.workflow';
import { Measurement, measureCalls, now, summarize } from './stats';

/** `orgUnitsColumn` of the runtime (same format: `|a|b|`). */
const orgUnits = (units: string[]) => `|${[...new Set(units)].join('|')}|`;

/** Column values of a `cases` row, as Docket writes them. */
export interface CaseRowValues {
  id: string;
  kind: string;
  workflow_version: number;
  title: string;
  org_unit: string;
  org_units: string;
  state_path: string;
  state_value: string;
  status: string;
  snapshot: string;
  revision: number;
  head_hash: string;
  visible_to_reviewers: boolean;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** Column values of a `case_history` row. */
export type HistoryRowValues = ReturnType<typeof historyValues>;

export function historyValues(r: HistoryRecord) {
  const row = toHistoryRow(r);
  return {
    case_id: row.caseId,
    seq: row.seq,
    type: row.type,
    payload: row.payload,
    actor_user_id: row.actorUserId,
    actor_role: row.actorRole,
    actor_org_unit: row.actorOrgUnit,
    at: row.at,
    facts: row.facts,
    workflow_kind: row.workflowKind,
    workflow_version: row.workflowVersion,
    state_after: row.stateAfter,
    state_hash: row.stateHash,
    prev_hash: row.prevHash,
    hash: row.hash,
  };
}

/** One transition as the runtime commits it: the CAS update of the case row and the history row. */
export interface PlannedStep {
  caseId: string;
  expectedRevision: number;
  patch: Pick<
    CaseRowValues,
    'state_path' | 'state_value' | 'status' | 'snapshot' | 'head_hash' | 'visible_to_reviewers' | 'org_units' | 'updated_at' | 'workflow_version'
  >;
  history: HistoryRowValues;
}

export interface PlannedCase {
  row: CaseRowValues;
  history: HistoryRowValues;
  records: HistoryRecord[];
  steps: PlannedStep[];
}

function accepted(outcome: ReturnType<typeof stepCase>): StepAccepted {
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.code} ${outcome.refusal.en}`);
  return outcome;
}

function stamp() {
  const at = new Date().toISOString();
  return { at, today: shanghaiDate(at) };
}

/**
 * Runs `bench-approval` cases through the pure engine exactly as the runtime does (startCase,
 * then stepCase + buildRecord per event), without a database. Returns the rows the runtime would
 * commit (the raw baselines commit exactly these) and the timings of the engine calls.
 */
export function planApprovalCases(def: WorkflowDefinition, count: number): {
  cases: PlannedCase[];
  stepCase: Measurement;
  buildRecord: Measurement;
} {
  const cases: PlannedCase[] = [];
  const snapshots: PersistedSnapshot[] = [];
  for (let c = 0; c < count; c++) {
    const caseId = randomUUID();
    const payload = { title: `基准审批 ${c + 1}（bench approval ${c + 1}）` };
    const { at, today } = stamp();
    const outcome = accepted(startCase(def, { caseId, payload, actor: benchCreator, at, today, facts: {} }));
    const record = buildRecord(null, {
      caseId,
      type: def.create.type,
      payload,
      actor: benchCreator,
      at,
      facts: {},
      workflow: { kind: def.kind, version: def.version },
      stateAfter: outcome.value,
      stateHash: outcome.stateHash,
    });
    cases.push({
      row: {
        id: caseId,
        kind: def.kind,
        workflow_version: def.version,
        title: payload.title,
        org_unit: benchCreator.orgUnit,
        org_units: orgUnits([benchCreator.orgUnit]),
        state_path: outcome.paths[outcome.paths.length - 1] ?? '',
        state_value: JSON.stringify(outcome.value),
        status: outcome.status,
        snapshot: JSON.stringify(outcome.snapshot),
        revision: 1,
        head_hash: record.hash,
        visible_to_reviewers: false,
        created_by: benchCreator.userId,
        created_at: at,
        updated_at: at,
      },
      history: historyValues(record),
      records: [record],
      steps: [],
    });
    snapshots.push(outcome.snapshot);
  }

  // Step by step across all cases (as the DB measurements do), timing stepCase and buildRecord apart.
  const stepLat: number[] = [];
  const recLat: number[] = [];
  let stepTotal = 0;
  let recTotal = 0;
  for (let step = 1; step <= APPROVAL_STEPS; step++) {
    const type = `APPROVE_${step}`;
    const actor = approverFor(step);
    const payload = approvalComment(step);
    for (let c = 0; c < count; c++) {
      const pc = cases[c];
      const { at, today } = stamp();
      // The runtime hands the engine the snapshot parsed from the stored text.
      const stored = JSON.parse(JSON.stringify(snapshots[c]));
      let t0 = now();
      const outcome = accepted(stepCase(def, stored, { type, payload, actor, at, today, facts: {} }));
      let dt = now() - t0;
      stepLat.push(dt);
      stepTotal += dt;
      const prev = pc.records[pc.records.length - 1];
      t0 = now();
      const record = buildRecord(prev, {
        caseId: pc.row.id,
        type,
        payload,
        actor,
        at,
        facts: {},
        workflow: { kind: def.kind, version: def.version },
        stateAfter: outcome.value,
        stateHash: outcome.stateHash,
      });
      dt = now() - t0;
      recLat.push(dt);
      recTotal += dt;
      pc.records.push(record);
      pc.steps.push({
        caseId: pc.row.id,
        expectedRevision: step,
        patch: {
          state_path: outcome.paths[outcome.paths.length - 1] ?? '',
          state_value: JSON.stringify(outcome.value),
          status: outcome.status,
          snapshot: JSON.stringify(outcome.snapshot),
          head_hash: record.hash,
          visible_to_reviewers: false,
          org_units: orgUnits([pc.row.org_unit]),
          updated_at: at,
          workflow_version: def.version,
        },
        history: historyValues(record),
      });
      snapshots[c] = outcome.snapshot;
    }
  }
  return { cases, stepCase: summarize(stepLat, stepTotal), buildRecord: summarize(recLat, recTotal) };
}

/** Verifies every case's chain `rounds` times; the rate is in records per second. */
export function measureVerify(chains: HistoryRecord[][], rounds: number): Measurement {
  const lat: number[] = [];
  let total = 0;
  for (let r = 0; r < rounds; r++) {
    for (const chain of chains) {
      const t0 = now();
      const v = verifyChain(chain);
      const dt = now() - t0;
      if (!v.ok) throw new Error(`chain broken at ${v.seq}: ${v.reason}`);
      // per-record latency of this chain
      lat.push(dt / chain.length);
      total += dt;
    }
  }
  const records = chains.reduce((n, c) => n + c.length, 0) * rounds;
  const m = summarize(lat, total);
  return { ...m, count: records, perSecond: records / (total / 1000) };
}

/**
 * What one engine step costs for `def` (restoring `persisted` and applying `event`), and how much
 * of it is the actor that XState's pure `transition()` creates per call (`createActor(machine)`,
 * which computes the machine's initial snapshot).
 */
export function measureStepCost(def: WorkflowDefinition, persisted: unknown, event: WorkflowEvent, n: number): { stepCase: Measurement; createActor: Measurement } {
  const check = stepCase(def, persisted, event);
  if (!check.ok) throw new Error(`${def.kind}: ${event.type} refused: ${check.refusal.code}`);
  return {
    stepCase: measureCalls(() => stepCase(def, persisted, event), n),
    createActor: measureCalls(() => createActor(def.machine), n),
  };
}

/** `measureStepCost` for bench-approval's APPROVE_1 on a fresh case. */
export function approvalStepCost(def: WorkflowDefinition, n: number) {
  const { at, today } = stamp();
  const start = accepted(startCase(def, { caseId: randomUUID(), payload: { title: 'bench' }, actor: benchCreator, at, today, facts: {} }));
  return measureStepCost(def, start.snapshot, { type: 'APPROVE_1', payload: approvalComment(1), actor: approverFor(1), at, today, facts: {} }, n);
}
