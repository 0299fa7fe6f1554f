import { buildRecord, HistoryRecord, PersistedSnapshot, replaySteps, shanghaiDate, startCase, stepCase, WorkflowRegistry } from '@app/engine';
import { allWorkflows } from '@app/workflows';
import type { TestApp } from '../setup/test-app';
import { ph } from './db-fingerprint';

/**
 * What an administrator with the database (and Docket's own engine) can do behind Docket's back:
 * switch the append-only triggers off, rewrite history rows, re-forge hashes and states so that the
 * chain and the replay pass. Tests use it to show what is still caught, and by what.
 */
export const registry = new WorkflowRegistry(allWorkflows);

const SQLITE_TRIGGERS = [
  `CREATE TRIGGER case_history_no_update BEFORE UPDATE ON case_history
     BEGIN SELECT RAISE(ABORT, 'case_history is append-only (UPDATE refused)'); END`,
  `CREATE TRIGGER case_history_no_delete BEFORE DELETE ON case_history
     BEGIN SELECT RAISE(ABORT, 'case_history is append-only (DELETE refused)'); END`,
];

/** Runs `work` with the history triggers out of the way (as in append-only.e2e-spec), then restores them. */
export async function bypassingTriggers(t: TestApp, work: () => Promise<void>): Promise<void> {
  if (t.driver === 'postgres') {
    await t.sql('ALTER TABLE case_history DISABLE TRIGGER USER');
    try {
      await work();
    } finally {
      await t.sql('ALTER TABLE case_history ENABLE TRIGGER USER');
    }
  } else {
    await t.sql('DROP TRIGGER case_history_no_update');
    await t.sql('DROP TRIGGER case_history_no_delete');
    try {
      await work();
    } finally {
      for (const sql of SQLITE_TRIGGERS) await t.sql(sql);
    }
  }
}

const COLUMNS = (r: HistoryRecord) => ({
  type: r.type,
  payload: JSON.stringify(r.payload ?? null),
  actor_user_id: r.actor.userId,
  actor_role: r.actor.role,
  actor_org_unit: r.actor.orgUnit,
  at: r.at,
  facts: JSON.stringify(r.facts ?? {}),
  workflow_kind: r.workflow.kind,
  workflow_version: r.workflow.version,
  state_after: JSON.stringify(r.stateAfter),
  state_hash: r.stateHash,
  prev_hash: r.prevHash,
  hash: r.hash,
});

/** Overwrites the stored row (caseId, seq) with every field of `r` (triggers must be off). */
export async function overwriteRow(t: TestApp, r: HistoryRecord): Promise<void> {
  const cols = COLUMNS(r);
  const keys = Object.keys(cols);
  const set = keys.map((k, i) => `${k} = ${ph(t, i + 1)}`).join(', ');
  await t.sql(`UPDATE case_history SET ${set} WHERE case_id = ${ph(t, keys.length + 1)} AND seq = ${ph(t, keys.length + 2)}`, [
    ...Object.values(cols),
    r.caseId,
    r.seq,
  ]);
}

/** Inserts `r` as a new row (triggers need not be off: inserts are allowed). */
export async function insertRow(t: TestApp, r: HistoryRecord): Promise<void> {
  const cols = { case_id: r.caseId, seq: r.seq, ...COLUMNS(r) };
  const keys = Object.keys(cols);
  await t.sql(`INSERT INTO case_history (${keys.join(', ')}) VALUES (${keys.map((_, i) => ph(t, i + 1)).join(', ')})`, Object.values(cols));
}

/** Points the case row at a (forged) head: snapshot, state, revision and head hash. */
export async function pointCaseAt(t: TestApp, caseId: string, head: HistoryRecord, snapshot: PersistedSnapshot): Promise<void> {
  await t.sql(
    `UPDATE cases SET snapshot = ${ph(t, 1)}, state_value = ${ph(t, 2)}, revision = ${ph(t, 3)}, head_hash = ${ph(t, 4)} WHERE id = ${ph(t, 5)}`,
    [JSON.stringify(snapshot), JSON.stringify(snapshot.value), head.seq, head.hash, caseId],
  );
}

/**
 * Re-forges a history from index `from` on: each record's event (type, payload, actor, at, facts)
 * is run through the engine again, its state and hashes recomputed and chained. Chain and replay
 * of the result pass. Returns the forged records and the final snapshot.
 */
export function reforge(records: HistoryRecord[], from: number): { records: HistoryRecord[]; snapshot: PersistedSnapshot } {
  const out = records.slice(0, from);
  let snapshot: PersistedSnapshot | null = null;
  for (const step of replaySteps(registry, out)) {
    if (!step.ok) throw new Error(`the untouched prefix does not replay at ${step.seq}`);
    snapshot = step.snapshot;
  }
  for (const r of records.slice(from)) {
    const def = registry.get(r.workflow.kind, r.workflow.version);
    const base = { payload: r.payload, actor: r.actor, at: r.at, today: shanghaiDate(r.at), facts: r.facts };
    const outcome = out.length === 0 ? startCase(def, { caseId: r.caseId, ...base }) : stepCase(def, snapshot, { type: r.type, ...base });
    if (!outcome.ok) throw new Error(`forged step ${r.type} refused: ${outcome.refusal.code}`);
    snapshot = outcome.snapshot;
    const { hash: _h, seq: _s, prevHash: _p, stateAfter: _a, stateHash: _sh, ...body } = r;
    out.push(buildRecord(out[out.length - 1] ?? null, { ...body, stateAfter: outcome.value, stateHash: outcome.stateHash }));
  }
  return { records: out, snapshot: snapshot! };
}
