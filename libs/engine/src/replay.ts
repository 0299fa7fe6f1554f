import { canonicalJson, GENESIS_HASH, stateHash, verifyChain } from './hash-chain';
import { shanghaiDate } from './state-paths';
import { migrateCase } from './migrate';
import { startCase, stepCase } from './step';
import type { WorkflowRegistry } from './workflow-registry';
import { MIGRATE_WORKFLOW } from './types';
import type { HistoryRecord, PersistedSnapshot, ReplayDivergence, ReplayReport, WorkflowDefinition } from './types';

const diverge = (
  seq: number,
  reason: ReplayDivergence['reason'],
  expected: unknown,
  actual: unknown,
): ReplayDivergence => ({ ok: false, seq, expected, actual, reason });

const sameJson = (a: unknown, b: unknown): boolean => {
  try {
    return canonicalJson(a) === canonicalJson(b);
  } catch {
    return false;
  }
};

/** One replayed record: the snapshot the engine computes for it (it matched the record). */
export interface ReplayedStep {
  ok: true;
  seq: number;
  record: HistoryRecord;
  definition: WorkflowDefinition;
  snapshot: PersistedSnapshot;
  stateHash: string;
}

/**
 * Replays records one at a time, exactly as `replay` does (same checks, same order), yielding each
 * step's snapshot; stops after the first divergence, which it yields. Lets callers show a case
 * step by step (the state as it stood after each event). Pure: reads nothing but its arguments.
 */
export function* replaySteps(registry: WorkflowRegistry, records: readonly HistoryRecord[]): Generator<ReplayedStep | ReplayDivergence> {
  let snapshot: PersistedSnapshot | null = null;
  /** the version in force: the creation's, then each MIGRATE_WORKFLOW's target */
  let inForce: WorkflowDefinition | null = null;
  for (const [i, record] of records.entries()) {
    let def: WorkflowDefinition;
    try {
      def = registry.get(record.workflow?.kind, record.workflow?.version);
    } catch {
      yield diverge(record.seq, 'UNKNOWN_WORKFLOW', record.workflow, null);
      return;
    }
    const migrating = i > 0 && record.type === MIGRATE_WORKFLOW;
    if (inForce && !migrating && def !== inForce) {
      // a case changes version only through a recorded migration
      yield diverge(record.seq, 'VERSION_NOT_IN_FORCE', { kind: inForce.kind, version: inForce.version }, record.workflow);
      return;
    }
    if (migrating) {
      const migrated = migrateCase(inForce!, def, snapshot, record.actor);
      if (!migrated.ok) {
        yield diverge(record.seq, 'REFUSED', record.stateHash, migrated.refusal.code);
        return;
      }
      if (!sameJson(migrated.payload, record.payload)) {
        yield diverge(record.seq, 'MIGRATION_MISMATCH', migrated.payload, record.payload);
        return;
      }
      if (migrated.stateHash !== record.stateHash) {
        yield diverge(record.seq, 'STATE_HASH_MISMATCH', record.stateHash, migrated.stateHash);
        return;
      }
      if (!sameJson(record.stateAfter, migrated.value)) {
        yield diverge(record.seq, 'STATE_VALUE_MISMATCH', record.stateAfter, migrated.value);
        return;
      }
      snapshot = migrated.snapshot;
      inForce = def;
      yield { ok: true, seq: record.seq, record, definition: def, snapshot, stateHash: migrated.stateHash };
      continue;
    }
    inForce = def;
    let outcome;
    try {
      const base = {
        payload: record.payload,
        actor: record.actor,
        at: record.at,
        today: shanghaiDate(record.at),
        facts: record.facts ?? {},
      };
      if (i === 0) {
        if (record.type !== def.create.type) {
          yield diverge(record.seq, 'NOT_A_CREATION', def.create.type, record.type);
          return;
        }
        outcome = startCase(def, { caseId: record.caseId, ...base });
      } else {
        outcome = stepCase(def, snapshot, { type: record.type, ...base });
      }
    } catch (e) {
      // a record the engine cannot even evaluate (bad instant, snapshot not fitting this version)
      yield diverge(record.seq, 'REFUSED', record.stateHash, (e as { code?: string }).code ?? String(e));
      return;
    }
    if (!outcome.ok) {
      yield diverge(record.seq, 'REFUSED', record.stateHash, outcome.refusal.code);
      return;
    }
    if (outcome.stateHash !== record.stateHash) {
      yield diverge(record.seq, 'STATE_HASH_MISMATCH', record.stateHash, outcome.stateHash);
      return;
    }
    if (!sameJson(record.stateAfter, outcome.value)) {
      yield diverge(record.seq, 'STATE_VALUE_MISMATCH', record.stateAfter, outcome.value);
      return;
    }
    snapshot = outcome.snapshot;
    yield { ok: true, seq: record.seq, record, definition: def, snapshot, stateHash: outcome.stateHash };
  }
}

/** Folds the records through the engine; the first divergence, or the final snapshot. */
function fold(registry: WorkflowRegistry, records: readonly HistoryRecord[]): ReplayDivergence | { snapshot: PersistedSnapshot | null } {
  let snapshot: PersistedSnapshot | null = null;
  for (const step of replaySteps(registry, records)) {
    if (!step.ok) return step;
    snapshot = step.snapshot;
  }
  return { snapshot };
}

/**
 * Audits a case: verifies the hash chain (`verifyChain`), then folds the records through the
 * engine — record 1 through `startCase` (it must be the definition's `create.type`), every later one
 * through `stepCase` — each with the definition of the version in force, the recorded payload,
 * actor, `at` and `facts`, and `today = shanghaiDate(at)`. The version in force is the creation's
 * until a MIGRATE_WORKFLOW record moves the case (replayed with `migrateCase`, which must give the
 * recorded payload); a record naming another version is VERSION_NOT_IN_FORCE. After every step the
 * replayed snapshot's hash must equal the record's `stateHash` and its value the record's
 * `stateAfter`. The first refused or differing step is the divergence `{ seq, expected, actual, reason }`.
 * The fold runs even when the chain is broken, to show where the state goes wrong too.
 *
 * With `stored`, the stored snapshot must hash to the last record's `stateHash`
 * (STORED_SNAPSHOT_MISMATCH at the last seq: a tampered snapshot, or a truncated history), and
 * `stored.revision`, when given, must equal the last seq (the runtime's revision counts accepted
 * events, creation = 1).
 *
 * Pure: reads nothing but its arguments, never throws for bad records.
 */
export function replay(
  registry: WorkflowRegistry,
  records: readonly HistoryRecord[],
  stored?: { snapshot: unknown; revision?: number },
): ReplayReport {
  const chain = verifyChain(records);
  const last = records.length ? records[records.length - 1] : undefined;
  const headHash = last?.hash ?? GENESIS_HASH;
  const report = (r: ReplayReport['replay']): ReplayReport => ({
    ok: chain.ok && r.ok,
    events: records.length,
    chain,
    replay: r,
    headHash,
  });

  const folded = fold(registry, records);
  if ('ok' in folded) return report(folded);
  const replayedHash = folded.snapshot ? stateHash(folded.snapshot) : GENESIS_HASH;

  if (stored) {
    const lastSeq = last?.seq ?? 0;
    const expected = last?.stateHash ?? GENESIS_HASH;
    let actual: string;
    try {
      actual = stateHash(stored.snapshot);
    } catch {
      actual = '<unhashable>';
    }
    if (actual !== expected) return report(diverge(lastSeq, 'STORED_SNAPSHOT_MISMATCH', expected, actual));
    if (stored.revision !== undefined && stored.revision !== lastSeq) {
      return report(diverge(lastSeq, 'STORED_REVISION_MISMATCH', lastSeq, stored.revision));
    }
  }
  return report({ ok: true, stateHash: replayedHash });
}
