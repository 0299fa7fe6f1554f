import { canonicalJson, GENESIS_HASH, sha256Hex } from '@app/engine';
import type { KeyObject } from 'crypto';
import { consistencyProof, fromHex, leafHash, MerkleAccumulator, MerkleTree, toHex, verifyConsistency, verifyInclusion } from './merkle';
import { signMessage, SigningKey, verifyMessage } from './signing';

/**
 * Signed checkpoints: an RFC 6962 Merkle root over every case's head `(caseId, seq, hash)`,
 * signed with Ed25519 and chained to the previous checkpoint. Checkpoints themselves form an
 * append-only log: each one carries `logRoot`, the Merkle root over the checkpoints before it,
 * so that a holder of an old checkpoint can check a newer one with a consistency proof instead of
 * every checkpoint in between. Every function in this file is pure.
 */

/** The format tag carried by every checkpoint (part of what is signed). */
export const CHECKPOINT_FORMAT = 'docket-checkpoint/1';

/** A case head: the last record of a case's chain. */
export interface CaseHead {
  caseId: string;
  seq: number;
  hash: string;
}

/** What is signed: everything but the signature. */
export interface CheckpointBody {
  format: typeof CHECKPOINT_FORMAT;
  /** 1, 2, 3… */
  seq: number;
  /** server time, ISO 8601 UTC */
  createdAt: string;
  /** number of leaves (cases) of the head tree */
  treeSize: number;
  /** MTH over the case heads sorted by caseId (hex) */
  rootHash: string;
  /** `checkpointHash` of checkpoint seq − 1 (64 zeros for the first) */
  prevCheckpointHash: string;
  /** MTH over the log leaves of checkpoints 1 … seq − 1 (hex; SHA-256("") for the first) */
  logRoot: string;
  /** number of case heads this checkpoint anchors anew (new cases and heads that moved) */
  heads: number;
  keyId: string;
}

export interface Checkpoint extends CheckpointBody {
  /** Ed25519 over the canonical JSON of the body, base64 */
  signature: string;
}

/** A hash path as exchanged in JSON: hex strings, bottom up. */
export type HexProof = string[];

/** Proof that a case head is a leaf of a checkpoint's head tree. */
export interface HeadInclusion {
  checkpointSeq: number;
  head: CaseHead;
  leafIndex: number;
  treeSize: number;
  proof: HexProof;
}

/** Proof that checkpoint `seq` belongs to the log committed by a later checkpoint `toSeq`. */
export interface LogProof {
  seq: number;
  toSeq: number;
  /** audit path of checkpoint `seq` (leaf index seq − 1) in the log of size toSeq − 1 */
  inclusion: HexProof;
  /** consistency of the log of size seq − 1 (this checkpoint's logRoot) with size toSeq − 1 */
  consistency: HexProof;
}

const byCaseId = (a: CaseHead, b: CaseHead) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0);

/**
 * SHA-256(0x00 || canonical JSON of {caseId, seq, hash}): a head's leaf hash. For the usual shape
 * (string id, integer seq, string hash) the RFC 8785 text is written directly — keys in order,
 * strings as JSON.stringify writes them, which is what JCS prescribes — checkpoints hash every head.
 */
export function headLeafHash(head: CaseHead): Buffer {
  const { caseId, seq, hash } = head;
  if (typeof caseId === 'string' && typeof hash === 'string' && Number.isSafeInteger(seq)) {
    return leafHash(`{"caseId":${JSON.stringify(caseId)},"hash":${JSON.stringify(hash)},"seq":${seq}}`);
  }
  return leafHash(canonicalJson({ caseId, seq, hash }));
}

/** Heads sorted by caseId (UTF-16 code units, as every JavaScript runtime compares them); a copy. */
export function sortHeads(heads: readonly CaseHead[]): CaseHead[] {
  return [...heads].sort(byCaseId);
}

/** The head tree of a set of heads, in leaf order (sorted by caseId). */
export function headTree(heads: readonly CaseHead[]): { sorted: CaseHead[]; tree: MerkleTree } {
  const sorted = sortHeads(heads);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].caseId === sorted[i - 1].caseId) throw new Error(`two heads for case ${sorted[i].caseId}`);
  }
  return { sorted, tree: new MerkleTree(sorted.map(headLeafHash)) };
}

/** The canonical JSON of a checkpoint body: the signed message. */
export function signedMessage(cp: CheckpointBody | Checkpoint): string {
  const { signature: _ignored, ...body } = cp as Checkpoint;
  return canonicalJson(body);
}

/** SHA-256 (hex) of the canonical JSON of the whole checkpoint, signature included: what the next one chains to. */
export function checkpointHash(cp: Checkpoint): string {
  return sha256Hex(canonicalJson(cp));
}

/** The checkpoint's leaf hash in the checkpoint log: SHA-256(0x00 || canonical JSON of the whole checkpoint). */
export function checkpointLeafHash(cp: Checkpoint): Buffer {
  return leafHash(canonicalJson(cp));
}

/** Signs a body. */
export function signCheckpoint(body: CheckpointBody, key: SigningKey): Checkpoint {
  if (body.keyId !== key.keyId) throw new Error(`checkpoint names key ${body.keyId}, signing key is ${key.keyId}`);
  return { ...body, signature: signMessage(signedMessage(body), key) };
}

/** Whether the checkpoint's signature is valid under `publicKey`. Never throws. */
export function verifyCheckpointSignature(cp: Checkpoint, publicKey: KeyObject): boolean {
  try {
    return verifyMessage(signedMessage(cp), cp.signature, publicKey);
  } catch {
    return false;
  }
}

export interface PreparedCheckpoint {
  checkpoint: Checkpoint;
  /** the heads anchored anew, each with its inclusion proof in this checkpoint */
  anchored: HeadInclusion[];
  tree: MerkleTree;
  sorted: CaseHead[];
}

/**
 * Builds and signs the next checkpoint.
 * - `previous`: every earlier checkpoint in seq order (the log; empty for the first).
 * - `heads`: the head of every case, in any order.
 * - `changed`: the case ids whose head is anchored anew (the caller compares with the heads
 *   anchored before); each gets an inclusion proof.
 */
export function prepareCheckpoint(args: {
  previous: readonly Checkpoint[];
  heads: readonly CaseHead[];
  changed: ReadonlySet<string>;
  createdAt: string;
  key: SigningKey;
}): PreparedCheckpoint {
  const { sorted, tree } = headTree(args.heads);
  const prev = args.previous[args.previous.length - 1];
  const body: CheckpointBody = {
    format: CHECKPOINT_FORMAT,
    seq: prev ? prev.seq + 1 : 1,
    createdAt: args.createdAt,
    treeSize: sorted.length,
    rootHash: toHex(tree.root()),
    prevCheckpointHash: prev ? checkpointHash(prev) : GENESIS_HASH,
    logRoot: toHex(new MerkleTree(args.previous.map(checkpointLeafHash)).root()),
    heads: 0,
    keyId: args.key.keyId,
  };
  const anchored: HeadInclusion[] = [];
  sorted.forEach((head, leafIndex) => {
    if (!args.changed.has(head.caseId)) return;
    anchored.push({ checkpointSeq: body.seq, head, leafIndex, treeSize: sorted.length, proof: tree.inclusionProof(leafIndex).map(toHex) });
  });
  body.heads = anchored.length;
  return { checkpoint: signCheckpoint(body, args.key), anchored, tree, sorted };
}

/** Whether `inclusion` proves its head is a leaf of `cp`'s head tree. Never throws. */
export function verifyHeadInclusion(inclusion: HeadInclusion, cp: Checkpoint): boolean {
  try {
    const root = fromHex(cp.rootHash);
    const proof = inclusion.proof.map(fromHex);
    if (!root || proof.some((p) => !p) || inclusion.treeSize !== cp.treeSize || inclusion.checkpointSeq !== cp.seq) return false;
    return verifyInclusion(headLeafHash(inclusion.head), inclusion.leafIndex, cp.treeSize, proof as Buffer[], root);
  } catch {
    return false;
  }
}

/**
 * The log proof of checkpoint `seq` in the log committed by checkpoint `toSeq` (seq < toSeq),
 * from the full list of checkpoints 1 … toSeq − 1.
 */
export function logProof(log: readonly Checkpoint[], seq: number, toSeq: number): LogProof {
  if (!(seq >= 1 && seq < toSeq && toSeq - 1 <= log.length)) throw new RangeError(`no log proof from ${seq} to ${toSeq}`);
  const leaves = log.slice(0, toSeq - 1).map(checkpointLeafHash);
  return {
    seq,
    toSeq,
    inclusion: new MerkleTree(leaves).inclusionProof(seq - 1).map(toHex),
    consistency: consistencyProof(leaves, seq - 1).map(toHex),
  };
}

/**
 * Whether `proof` shows that checkpoint `cp` is part of the log committed by the later checkpoint
 * `to`: `cp` is leaf seq − 1 of the log of size to.seq − 1, and the log `cp` itself committed to
 * (size seq − 1, root cp.logRoot) is a prefix of it. Never throws.
 */
export function verifyLogProof(proof: LogProof, cp: Checkpoint, to: Checkpoint): boolean {
  try {
    if (proof.seq !== cp.seq || proof.toSeq !== to.seq || cp.seq >= to.seq) return false;
    const toRoot = fromHex(to.logRoot);
    const fromRoot = fromHex(cp.logRoot);
    const inclusion = proof.inclusion.map(fromHex);
    const consistency = proof.consistency.map(fromHex);
    if (!toRoot || !fromRoot || inclusion.some((p) => !p) || consistency.some((p) => !p)) return false;
    return (
      verifyInclusion(checkpointLeafHash(cp), cp.seq - 1, to.seq - 1, inclusion as Buffer[], toRoot) &&
      verifyConsistency(cp.seq - 1, to.seq - 1, fromRoot, toRoot, consistency as Buffer[])
    );
  } catch {
    return false;
  }
}

export type CheckpointChainProblem = 'SEQ' | 'PREV_HASH' | 'LOG_ROOT' | 'SIGNATURE' | 'UNKNOWN_KEY' | 'FORMAT';

/**
 * Verifies a run of consecutive checkpoints from seq 1: seq numbering, `prevCheckpointHash`,
 * `logRoot` and each signature (keys by keyId). The first problem, or ok.
 */
export function verifyCheckpointChain(
  checkpoints: readonly Checkpoint[],
  keys: ReadonlyMap<string, KeyObject>,
): { ok: true } | { ok: false; seq: number; problem: CheckpointChainProblem } {
  const log = new MerkleAccumulator();
  for (let i = 0; i < checkpoints.length; i++) {
    const cp = checkpoints[i];
    if (cp?.format !== CHECKPOINT_FORMAT) return { ok: false, seq: cp?.seq ?? i + 1, problem: 'FORMAT' };
    if (cp.seq !== i + 1) return { ok: false, seq: i + 1, problem: 'SEQ' };
    const expectedPrev = i === 0 ? GENESIS_HASH : checkpointHash(checkpoints[i - 1]);
    if (cp.prevCheckpointHash !== expectedPrev) return { ok: false, seq: cp.seq, problem: 'PREV_HASH' };
    if (cp.logRoot !== toHex(log.root())) return { ok: false, seq: cp.seq, problem: 'LOG_ROOT' };
    const key = keys.get(cp.keyId);
    if (!key) return { ok: false, seq: cp.seq, problem: 'UNKNOWN_KEY' };
    if (!verifyCheckpointSignature(cp, key)) return { ok: false, seq: cp.seq, problem: 'SIGNATURE' };
    log.append(checkpointLeafHash(cp));
  }
  return { ok: true };
}
