import { GENESIS_HASH, replaySteps, stateHash } from '@app/engine';
import type { HistoryRecord, WorkflowRegistry } from '@app/engine';
import type { KeyObject } from 'crypto';
import { diagnoseChain, TamperReason } from './chain-diagnosis';
import { Checkpoint, HeadInclusion, LogProof, verifyCheckpointSignature, verifyHeadInclusion, verifyLogProof } from './checkpoint';
import { checkSeal, commentsSealedAt, SealedComment } from './comment-seal';

/**
 * The verdict on one case's evidence: its history, the stored case (when known) and the
 * checkpoints that anchor it. Shared by `GET /cases/:id/verify`, the dossier and the offline
 * verifier, so all three judge alike. Pure.
 */

/** A checkpoint anchoring one of the case's heads: the checkpoint, the head's inclusion proof, and
 * (when an older checkpoint than `latest`) the proof that it belongs to the latest one's log. */
export interface Anchor {
  checkpoint: Checkpoint;
  inclusion: HeadInclusion;
  log?: LogProof | null;
}

export interface CaseEvidence {
  caseId: string;
  history: readonly HistoryRecord[];
  /** the case row as stored (`snapshot` parsed, `revision`, `headHash`), when the source has it */
  stored?: { snapshot: unknown; revision: number; headHash: string } | null;
  /** every head of the case anchored by some checkpoint, with its proof */
  anchors: readonly Anchor[];
  /** the latest checkpoint, and the case's head in it (null when the case is younger) */
  latest?: { checkpoint: Checkpoint; inclusion: HeadInclusion | null } | null;
  /** public keys by keyId */
  keys: ReadonlyMap<string, KeyObject>;
  /**
   * The caller has verified the whole checkpoint log (`verifyCheckpointChain`), so an older anchor
   * needs no log proof of its own (the offline `verify --all` does this once for every case).
   */
  logVerified?: boolean;
  /**
   * The stored comments of the case's consultations (every round), when the source has them: each
   * seal a CLOSE_COMMENT_PERIOD recorded (`facts.commentSeal`) is recomputed from them. Without
   * them (a bundle of an older format) the seals are not judged.
   */
  comments?: readonly SealedComment[] | null;
}

/** One seal of the history recomputed from the stored comments. */
export interface CommentSealVerdict {
  /** the CLOSE_COMMENT_PERIOD record that sealed */
  seq: number;
  round: number;
  sealedAt: string;
  sealedCount: number;
  sealedRoot: string;
  count: number;
  root: string;
  ok: boolean;
}

export type FindingCheck = 'chain' | 'replay' | 'stored' | 'checkpoint' | 'comments';

export interface Finding {
  severity: 'FAIL' | 'WARN';
  check: FindingCheck;
  /** the first seq concerned; null for a fault of the checkpoint evidence itself */
  seq: number | null;
  reason: TamperReason;
  /** for a mismatch found through a checkpoint: the change lies in [from, to] */
  range?: [number, number];
  message: string;
  messageZh: string;
}

export interface CaseVerdict {
  caseId: string;
  status: 'PASS' | 'WARN' | 'FAIL';
  events: number;
  /** the first failing seq (FAIL), or the first unanchored seq (WARN) */
  seq: number | null;
  reason: TamperReason | null;
  findings: Finding[];
  checkpoints: {
    /** anchors whose signature and proofs verify */
    anchorsVerified: number;
    /** the highest seq a valid checkpoint vouches for (0 = none) */
    anchoredSeq: number;
    latestSeq: number | null;
  };
}

const ORDER: Record<FindingCheck, number> = { chain: 0, checkpoint: 1, stored: 2, replay: 3, comments: 4 };

const fail = (check: FindingCheck, seq: number | null, reason: TamperReason, message: string, messageZh: string, range?: [number, number]): Finding => ({
  severity: 'FAIL',
  check,
  seq,
  reason,
  ...(range ? { range } : {}),
  message,
  messageZh,
});

const REASON_ZH: Record<TamperReason, string> = {
  edited: '记录被修改',
  inserted: '记录被插入',
  deleted: '记录被删除',
  reordered: '记录顺序被调换',
  truncated: '末尾记录被截去',
  'replay-diverged': '重放结果与记录不符',
  'unanchored-tail': '尾部记录尚未纳入签名检查点',
  'checkpoint-invalid': '检查点无效',
  'comments-changed': '封存的征求意见被改动',
};

/** A short zh-CN label of a reason (for pages and the CLI). */
export const reasonZh = (r: TamperReason) => REASON_ZH[r];

function chainFindings(history: readonly HistoryRecord[]): Finding[] {
  const d = diagnoseChain(history);
  if (!d) return [];
  return [fail('chain', d.seq, d.reason, `hash chain broken at seq ${d.seq}: ${d.reason} (${d.problem})`, `哈希链在第 ${d.seq} 条断开：${REASON_ZH[d.reason]}`)];
}

function replayFindings(registry: WorkflowRegistry, ev: CaseEvidence): Finding[] {
  const out: Finding[] = [];
  const history = ev.history;
  const last = history[history.length - 1];
  const lastSeq = last?.seq ?? 0;
  // the chain is judged apart (chainFindings): replay only, through the versions the records name
  for (const step of replaySteps(registry, history)) {
    if (step.ok) continue;
    out.push(fail('replay', step.seq, 'replay-diverged', `replay diverges at seq ${step.seq} (${step.reason})`, `第 ${step.seq} 条记录重放结果与记录不符（${step.reason}）`));
    break;
  }
  const stored = ev.stored;
  if (!stored) return out;
  if (stored.revision > lastSeq) {
    out.push(
      fail('stored', lastSeq + 1, 'truncated', `the case is at revision ${stored.revision} but its history ends at seq ${lastSeq}`, `案件版本为 ${stored.revision}，但历史记录止于第 ${lastSeq} 条`),
    );
    return out;
  }
  let snapshotHash: string;
  try {
    snapshotHash = stateHash(stored.snapshot);
  } catch {
    snapshotHash = '<unhashable>';
  }
  // the case row must hold the snapshot, revision and head of the last record
  if (stored.revision !== lastSeq || stored.headHash !== last?.hash || snapshotHash !== (last?.stateHash ?? GENESIS_HASH)) {
    const seq = stored.revision < lastSeq ? stored.revision + 1 : lastSeq;
    const reason: TamperReason = stored.revision < lastSeq ? 'inserted' : 'edited';
    out.push(
      fail('stored', seq, reason, `the stored case (revision ${stored.revision}) does not match its history`, `案件当前状态与其历史记录不符（版本 ${stored.revision}）`),
    );
  }
  return out;
}

function checkpointFindings(ev: CaseEvidence, history: readonly HistoryRecord[]): { findings: Finding[]; verified: number; anchoredSeq: number } {
  const findings: Finding[] = [];
  const latest = ev.latest?.checkpoint ?? null;
  const valid: Anchor[] = [];
  for (const a of ev.anchors) {
    const cp = a.checkpoint;
    const key = ev.keys.get(cp.keyId);
    let problem: string | null = null;
    if (!key) problem = `unknown signing key ${cp.keyId}`;
    else if (!verifyCheckpointSignature(cp, key)) problem = 'bad signature';
    else if (a.inclusion.head.caseId !== ev.caseId || !verifyHeadInclusion(a.inclusion, cp)) problem = 'inclusion proof does not verify';
    else if (latest && cp.seq < latest.seq && !ev.logVerified && (!a.log || !verifyLogProof(a.log, cp, latest))) problem = 'not part of the latest checkpoint log';
    else if (latest && cp.seq > latest.seq) problem = `newer than the latest checkpoint ${latest.seq}`;
    if (problem) {
      findings.push(fail('checkpoint', null, 'checkpoint-invalid', `checkpoint ${cp.seq}: ${problem}`, `检查点 ${cp.seq} 无效：${problem}`));
    } else valid.push(a);
  }
  if (ev.latest) {
    const cp = ev.latest.checkpoint;
    const key = ev.keys.get(cp.keyId);
    if (!key || !verifyCheckpointSignature(cp, key)) {
      findings.push(fail('checkpoint', null, 'checkpoint-invalid', `latest checkpoint ${cp.seq}: bad or unknown signature`, `最新检查点 ${cp.seq} 签名无效`));
    } else if (ev.latest.inclusion) {
      const inc = ev.latest.inclusion;
      const lastAnchor = [...valid].filter((a) => a.checkpoint.seq <= cp.seq).sort((x, y) => y.checkpoint.seq - x.checkpoint.seq)[0];
      if (inc.head.caseId !== ev.caseId || !verifyHeadInclusion(inc, cp)) {
        findings.push(fail('checkpoint', null, 'checkpoint-invalid', `latest checkpoint ${cp.seq}: the case's inclusion proof does not verify`, `最新检查点 ${cp.seq} 的包含证明无效`));
      } else if (lastAnchor && (lastAnchor.inclusion.head.seq !== inc.head.seq || lastAnchor.inclusion.head.hash !== inc.head.hash)) {
        findings.push(fail('checkpoint', null, 'checkpoint-invalid', `latest checkpoint ${cp.seq} holds another head than the last anchor`, `最新检查点 ${cp.seq} 中的案件记录与此前锚定的不一致`));
      } else if (!valid.some((a) => a.inclusion.head.seq === inc.head.seq && a.inclusion.head.hash === inc.head.hash)) {
        valid.push({ checkpoint: cp, inclusion: inc });
      }
    } else if (valid.length) {
      findings.push(fail('checkpoint', null, 'checkpoint-invalid', `latest checkpoint ${cp.seq} no longer holds the case`, `最新检查点 ${cp.seq} 中已无此案件`));
    }
  }

  // every valid anchor must be on the present chain; between the last good one and the first bad one lies the change
  const bySeq = new Map(history.map((r) => [r.seq, r]));
  const lastSeq = history.length ? history[history.length - 1].seq : 0;
  let good = 0;
  for (const a of [...valid].sort((x, y) => x.inclusion.head.seq - y.inclusion.head.seq)) {
    const head = a.inclusion.head;
    const record = bySeq.get(head.seq);
    if (!record && head.seq > lastSeq) {
      findings.push(
        fail('checkpoint', lastSeq + 1, 'truncated', `checkpoint ${a.checkpoint.seq} anchored seq ${head.seq}; the history ends at seq ${lastSeq}`, `检查点 ${a.checkpoint.seq} 已锚定第 ${head.seq} 条，但历史记录止于第 ${lastSeq} 条`, [lastSeq + 1, head.seq]),
      );
      break;
    }
    if (!record || record.hash !== head.hash) {
      findings.push(
        fail(
          'checkpoint',
          good + 1,
          'edited',
          `the history up to seq ${head.seq} differs from what checkpoint ${a.checkpoint.seq} anchored (changed between seq ${good + 1} and ${head.seq})`,
          `第 ${good + 1} 至 ${head.seq} 条记录与检查点 ${a.checkpoint.seq} 锚定的内容不一致`,
          [good + 1, head.seq],
        ),
      );
      break;
    }
    good = head.seq;
  }
  return { findings, verified: valid.length, anchoredSeq: good };
}

/**
 * Every seal the history recorded at a close (`facts.commentSeal` of CLOSE_COMMENT_PERIOD),
 * recomputed from the stored comments of its round received up to the close.
 */
export function commentSealVerdicts(history: readonly HistoryRecord[], comments: readonly SealedComment[]): CommentSealVerdict[] {
  const out: CommentSealVerdict[] = [];
  for (const r of history) {
    const seal = (r.facts as Record<string, unknown> | undefined)?.commentSeal as { round?: unknown; count?: unknown; root?: unknown } | undefined;
    if (r.type !== 'CLOSE_COMMENT_PERIOD' || !seal || typeof seal.round !== 'number' || typeof seal.count !== 'number' || typeof seal.root !== 'string') continue;
    const round = seal.round;
    const check = checkSeal(commentsSealedAt(comments.filter((c) => c.round === round), r.at), { count: seal.count, root: seal.root });
    out.push({ seq: r.seq, round, sealedAt: r.at, sealedCount: check.sealedCount, sealedRoot: check.sealedRoot, count: check.count, root: check.root, ok: check.ok });
  }
  return out;
}

function commentFindings(seals: readonly CommentSealVerdict[]): Finding[] {
  return seals
    .filter((s) => !s.ok)
    .map((s) =>
      fail(
        'comments',
        s.seq,
        'comments-changed',
        `the stored comments of round ${s.round} (${s.count}) no longer produce the root sealed at seq ${s.seq} (${s.sealedCount} comments)`,
        `第 ${s.round} 轮征求意见的现存意见（${s.count} 条）与第 ${s.seq} 条记录结束征求意见时封存的 ${s.sealedCount} 条不一致：意见被修改、删除或增加`,
      ),
    );
}

/** Judges a case's evidence: chain, replay through the recorded versions, stored case, checkpoints. */
export function verifyCaseEvidence(registry: WorkflowRegistry, ev: CaseEvidence): CaseVerdict {
  const history = ev.history;
  const lastSeq = history.length ? history[history.length - 1].seq : 0;
  const cp = checkpointFindings(ev, history);
  const commentSeals = ev.comments ? commentSealVerdicts(history, ev.comments) : [];
  const findings = [...chainFindings(history), ...replayFindings(registry, ev), ...cp.findings, ...commentFindings(commentSeals)];
  if (!findings.some((f) => f.severity === 'FAIL') && lastSeq > cp.anchoredSeq) {
    const from = cp.anchoredSeq + 1;
    findings.push({
      severity: 'WARN',
      check: 'checkpoint',
      seq: from,
      reason: 'unanchored-tail',
      message: cp.anchoredSeq
        ? `seq ${from}–${lastSeq} are not yet anchored by a signed checkpoint`
        : `no signed checkpoint anchors this case yet (seq 1–${lastSeq})`,
      messageZh: cp.anchoredSeq ? `第 ${from} 至 ${lastSeq} 条记录尚未纳入签名检查点` : `此案件尚无签名检查点（第 1 至 ${lastSeq} 条）`,
    });
  }
  const sorted = [...findings].sort((a, b) => {
    if (a.severity !== b.severity) return a.severity === 'FAIL' ? -1 : 1;
    if (a.seq !== b.seq) return a.seq === null ? 1 : b.seq === null ? -1 : a.seq - b.seq;
    return ORDER[a.check] - ORDER[b.check];
  });
  // a mismatch found through a checkpoint only bounds the change ([from, to]); an exact finding inside that range names it
  let first = sorted[0];
  if (first?.range) {
    const [from, to] = first.range;
    first = sorted.find((f) => f.severity === 'FAIL' && !f.range && f.seq !== null && f.seq >= from && f.seq <= to) ?? first;
  }
  const status = sorted.some((f) => f.severity === 'FAIL') ? 'FAIL' : sorted.length ? 'WARN' : 'PASS';
  return {
    caseId: ev.caseId,
    status,
    events: history.length,
    seq: first?.seq ?? null,
    reason: first?.reason ?? null,
    findings: sorted,
    checkpoints: { anchorsVerified: cp.verified, anchoredSeq: cp.anchoredSeq, latestSeq: ev.latest?.checkpoint.seq ?? null },
  };
}
