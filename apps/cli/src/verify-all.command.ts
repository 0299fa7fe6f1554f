import {
  Anchor,
  CaseHead,
  CaseVerdict,
  Checkpoint,
  headTree,
  keyIdOf,
  parsePublicKey,
  toHex,
  verifyCaseEvidence,
  verifyCheckpointChain,
} from '@app/audit';
import type { WorkflowRegistry } from '@app/engine';
import type { KeyObject } from 'crypto';
import type { AnchorRow, DatabaseReader } from './database-reader';
import { parseStoredText, recordOf } from './history-row';

export interface VerifyAllSummary {
  cases: number;
  events: number;
  pass: number;
  warn: number;
  fail: number;
  /** the checkpoint log as a whole */
  checkpoints: { count: number; ok: boolean; problem: string | null };
  /** every case that did not pass, with its verdict */
  problems: CaseVerdict[];
  ms: number;
}

export interface VerifyAllOptions {
  batchSize?: number;
  /** accept only these keys (default: the keys the database publishes) */
  pinnedKeys?: KeyObject[];
  onProgress?: (done: number, total: number, events: number) => void;
}

const splitProof = (proof: string) => proof.match(/.{64}/g) ?? [];

/**
 * Verifies every case of a live database and the checkpoint log: the log's chain, log roots and
 * signatures once; the latest checkpoint's root recomputed from the stored anchors; then each
 * case's chain, replay, stored row and anchors with the same `verifyCaseEvidence` as the server
 * and the bundle verifier. A case a checkpoint anchored that is no longer in the database fails
 * as deleted.
 */
export async function verifyAll(registry: WorkflowRegistry, db: DatabaseReader, opts: VerifyAllOptions = {}): Promise<VerifyAllSummary> {
  const started = Date.now();
  const batchSize = opts.batchSize ?? 200;
  const keys = new Map<string, KeyObject>();
  if (opts.pinnedKeys?.length) {
    for (const k of opts.pinnedKeys) keys.set(keyIdOf(k), k);
  } else {
    for (const info of await db.keys()) {
      const k = parsePublicKey(info.spki);
      if (k) keys.set(info.keyId, k);
    }
  }

  const log = await db.checkpoints();
  const chain = verifyCheckpointChain(log, keys);
  let problem: string | null = chain.ok ? null : `checkpoint ${chain.seq}: ${chain.problem}`;
  const latest: Checkpoint | null = log[log.length - 1] ?? null;

  // per case, its anchors in checkpoint order; the leaves of the latest checkpoint are the last of each
  const anchorRows = await db.anchors();
  const byCase = new Map<string, AnchorRow[]>();
  for (const a of anchorRows) {
    const list = byCase.get(a.case_id) ?? [];
    list.push(a);
    byCase.set(a.case_id, list);
  }
  const leaves: CaseHead[] = [...byCase.values()].map((rows) => {
    const last = rows[rows.length - 1];
    return { caseId: last.case_id, seq: last.seq, hash: last.hash };
  });
  const latestTree = latest ? headTree(leaves) : null;
  const leafIndex = new Map(latestTree?.sorted.map((h, i) => [h.caseId, i]) ?? []);
  if (latest && latestTree && (toHex(latestTree.tree.root()) !== latest.rootHash || latestTree.sorted.length !== latest.treeSize)) {
    problem ??= `checkpoint ${latest.seq}: the stored anchors do not rebuild its signed root`;
  }

  const ids = await db.caseIds();
  const present = new Set(ids);
  const problems: CaseVerdict[] = [];
  let pass = 0;
  let warn = 0;
  let fail = 0;
  let events = 0;
  for (const caseId of byCase.keys()) {
    if (present.has(caseId)) continue;
    fail++;
    const rows = byCase.get(caseId)!;
    problems.push({
      caseId,
      status: 'FAIL',
      events: 0,
      seq: 1,
      reason: 'deleted',
      findings: [
        {
          severity: 'FAIL',
          check: 'checkpoint',
          seq: 1,
          reason: 'deleted',
          message: `checkpoint ${rows[0].checkpoint_seq} anchored this case; it is no longer in the database`,
          messageZh: `检查点 ${rows[0].checkpoint_seq} 已锚定此案件，但数据库中已无此案件`,
        },
      ],
      checkpoints: { anchorsVerified: 0, anchoredSeq: 0, latestSeq: latest?.seq ?? null },
    });
  }

  for (let i = 0; i < ids.length; i += batchSize) {
    const batch = ids.slice(i, i + batchSize);
    const [caseRows, historyRows, commentRows] = await Promise.all([db.cases(batch), db.history(batch), db.comments ? db.comments(batch) : Promise.resolve([])]);
    const commentsOf = new Map<string, typeof commentRows>();
    for (const c of commentRows) commentsOf.set(c.caseId, [...(commentsOf.get(c.caseId) ?? []), c]);
    const histories = new Map<string, ReturnType<typeof recordOf>[]>();
    for (const row of historyRows) {
      const list = histories.get(row.case_id) ?? [];
      list.push(recordOf(row));
      histories.set(row.case_id, list);
    }
    for (const row of caseRows) {
      const history = histories.get(row.id) ?? [];
      events += history.length;
      const anchors: Anchor[] = (byCase.get(row.id) ?? [])
        .filter((a) => log[a.checkpoint_seq - 1])
        .map((a) => {
          const checkpoint = log[a.checkpoint_seq - 1];
          return {
            checkpoint,
            inclusion: {
              checkpointSeq: a.checkpoint_seq,
              head: { caseId: a.case_id, seq: a.seq, hash: a.hash },
              leafIndex: a.leaf_index,
              treeSize: checkpoint.treeSize,
              proof: splitProof(a.proof),
            },
          };
        });
      const index = leafIndex.get(row.id);
      const leaf = index === undefined ? null : latestTree!.sorted[index];
      const verdict = verifyCaseEvidence(registry, {
        caseId: row.id,
        history,
        stored: { snapshot: parseStoredText(row.snapshot), revision: row.revision, headHash: row.head_hash },
        anchors,
        latest: latest
          ? {
              checkpoint: latest,
              inclusion: leaf
                ? { checkpointSeq: latest.seq, head: leaf, leafIndex: index!, treeSize: latest.treeSize, proof: latestTree!.tree.inclusionProof(index!).map(toHex) }
                : null,
            }
          : null,
        keys,
        logVerified: chain.ok,
        // the seals the history recorded at each close, recomputed from the stored comments
        comments: db.comments ? (commentsOf.get(row.id) ?? []) : null,
      });
      if (verdict.status === 'PASS') pass++;
      else {
        if (verdict.status === 'WARN') warn++;
        else fail++;
        problems.push(verdict);
      }
    }
    opts.onProgress?.(Math.min(i + batch.length, ids.length), ids.length, events);
  }
  return {
    cases: ids.length,
    events,
    pass,
    warn,
    fail,
    checkpoints: { count: log.length, ok: problem === null, problem },
    problems,
    ms: Date.now() - started,
  };
}
