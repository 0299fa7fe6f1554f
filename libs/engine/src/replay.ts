import { canonicalJson, GENESIS_HASH, stateHash, verifyChain } from './hash-chain';
import { shanghaiDate } from './state-paths';
import { startCase, stepCase } from './step';
import type { WorkflowRegistry } from './workflow-registry';
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

/** Folds the records through the engine; the first divergence, or the final snapshot. */
function fold(registry: WorkflowRegistry, records: readonly HistoryRecord[]): ReplayDivergence | { snapshot: PersistedSnapshot | null } {
  let snapshot: PersistedSnapshot | null = null;
  for (const [i, record] of records.entries()) {
    let def: WorkflowDefinition;
    try {
      def = registry.get(record.workflow?.kind, record.workflow?.version);
    } catch {
      return diverge(record.seq, 'UNKNOWN_WORKFLOW', record.workflow, null);
    }
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
        if (record.type !== def.create.type) return diverge(record.seq, 'NOT_A_CREATION', def.create.type, record.type);
        outcome = startCase(def, { caseId: record.caseId, ...base });
      } else {
        outcome = stepCase(def, snapshot, { type: record.type, ...base });
      }
    } catch (e) {
      // a record the engine cannot even evaluate (bad instant, snapshot not fitting this version)
      return diverge(record.seq, 'REFUSED', record.stateHash, (e as { code?: string }).code ?? String(e));
    }
    if (!outcome.ok) return diverge(record.seq, 'REFUSED', record.stateHash, outcome.refusal.code);
    if (outcome.stateHash !== record.stateHash) {
      return diverge(record.seq, 'STATE_HASH_MISMATCH', record.stateHash, outcome.stateHash);
    }
    if (!sameJson(record.stateAfter, outcome.value)) {
      return diverge(record.seq, 'STATE_VALUE_MISMATCH', record.stateAfter, outcome.value);
    }
    snapshot = outcome.snapshot;
  }
  return { snapshot };
}

/**
 * Audits a case: verifies the hash chain (`verifyChain`), then folds the records through the
 * engine — record 1 through `startCase` (it must be the definition's `create.type`), every later one
 * through `stepCase` — each with the definition of the record's own `workflow {kind, version}`, the
 * recorded payload, actor, `at` and `facts`, and `today = shanghaiDate(at)`. After every step the
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
