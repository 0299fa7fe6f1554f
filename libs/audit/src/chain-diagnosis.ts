import { GENESIS_HASH, hashRecord, verifyChain } from '@app/engine';
import type { HistoryRecord } from '@app/engine';

/** Why a case's history is not what was recorded, in words an auditor uses. */
export type TamperReason =
  | 'edited'
  | 'inserted'
  | 'deleted'
  | 'reordered'
  | 'truncated'
  | 'replay-diverged'
  | 'unanchored-tail'
  | 'checkpoint-invalid'
  /** the stored comments of a consultation no longer produce the root sealed at its close */
  | 'comments-changed';

export interface ChainDiagnosis {
  /** the first seq that is not as recorded */
  seq: number;
  reason: TamperReason;
  /** the engine's finding the diagnosis is based on */
  problem: string;
}

const safeHash = (r: HistoryRecord): string | null => {
  try {
    return hashRecord(r);
  } catch {
    return null;
  }
};

/** The record hashes to its own `hash` once its seq is shifted by `delta` (it was renumbered). */
const hashesWithSeq = (r: HistoryRecord, delta: number): boolean =>
  typeof r.seq === 'number' && safeHash({ ...r, seq: r.seq + delta }) === r.hash;

/**
 * Names what happened to a broken chain, from the first problem `verifyChain` reports:
 * - deleted: a seq is missing, or the record after the gap was renumbered to close it;
 * - inserted: a record the next one does not chain to sits between two records that do chain,
 *   or a seq appears twice;
 * - reordered: a record chains to a record that comes after it;
 * - edited: anything else (a record whose content no longer hashes to its `hash`, or a record
 *   replaced by one hashed afresh).
 * `null` when the chain is intact. Pure; never throws.
 */
export function diagnoseChain(records: readonly HistoryRecord[]): ChainDiagnosis | null {
  const v = verifyChain(records);
  if (v.ok) return null;
  const i = v.seq - 1;
  const r = records[i];
  const prevHashOf = (k: number) => (k < 0 ? GENESIS_HASH : records[k]?.hash);
  const found = (seq: number, reason: TamperReason): ChainDiagnosis => ({ seq, reason, problem: v.reason });

  if (v.reason === 'SEQ_GAP') return found(v.seq, 'deleted');
  if (v.reason === 'CASE_MISMATCH') return found(v.seq, 'inserted');
  if (v.reason === 'SEQ_ORDER') {
    const seqs = records.map((x) => x.seq);
    const duplicated = seqs.indexOf(r.seq) !== i || seqs.lastIndexOf(r.seq) !== i;
    return found(v.seq, duplicated ? 'inserted' : 'reordered');
  }
  // from here on the seqs run 1, 2, 3… up to the problem
  if (i >= 1 && r.prevHash !== prevHashOf(i - 1) && r.prevHash === prevHashOf(i - 2)) {
    // r chains over its predecessor: the predecessor was put in
    return found(v.seq - 1, 'inserted');
  }
  // r chains to a record that comes after it
  if (records.some((x, k) => k > i && x.hash === r.prevHash)) return found(v.seq, 'reordered');
  if (records[i + 1] && records[i + 1].prevHash === prevHashOf(i - 1) && records[i + 1].prevHash !== r.hash) {
    // the next record chains over r: r was put in
    return found(v.seq, 'inserted');
  }
  if (v.reason === 'PREV_HASH_MISMATCH') {
    if (hashesWithSeq(r, 1)) return found(v.seq, 'deleted');
    // r is intact (it hashes with the prevHash it names): its predecessor was replaced
    if (safeHash(r) === r.hash && i >= 1) return found(v.seq - 1, 'edited');
    return found(v.seq, 'edited');
  }
  if (hashesWithSeq(r, 1)) return found(v.seq, 'deleted');
  return found(v.seq, 'edited');
}
