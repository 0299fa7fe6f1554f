import { canonicalJson } from '@app/engine';
import { fromHex, leafHash, MerkleTree, toHex, verifyInclusion } from './merkle';

/**
 * The seal of a consultation's comment docket (docs/participation.md, "The seal"): an RFC 6962
 * Merkle tree over every comment of the round received up to the close, hidden and late ones
 * included, in the order received (receivedAt, then id). A leaf is the canonical JSON (RFC 8785:
 * sorted keys, no blanks) of what was received — never what staff did with it afterwards (moderation, grouping,
 * answers change after the close and are recorded in consultation_actions):
 *
 *   {"caseId","clause","confidential","contact","displayName","enteredBy","id","late","receivedAt",
 *    "receivedOn","round","source","submitterType","text","trackingNumber","v":1}
 *
 * Every function in this file is pure.
 */
export const COMMENT_SEAL_SCHEME = 'RFC6962-SHA256/docket-comment-v1';

/** The stored fields of a comment that the seal covers. */
export interface SealedComment {
  id: string;
  caseId: string;
  round: number;
  trackingNumber: string;
  source: string;
  submitterType: string;
  displayName: string | null;
  contact: string | null;
  clause: number | null;
  text: string;
  confidential: boolean;
  late: boolean;
  receivedAt: string;
  receivedOn: string;
  enteredBy: string | null;
}

/** The sealed fields of a stored comment (nothing else of its row). */
export function sealedFields(c: SealedComment): SealedComment {
  return {
    id: c.id,
    caseId: c.caseId,
    round: c.round,
    trackingNumber: c.trackingNumber,
    source: c.source,
    submitterType: c.submitterType,
    displayName: c.displayName ?? null,
    contact: c.contact ?? null,
    clause: c.clause ?? null,
    text: c.text,
    confidential: c.confidential === true,
    late: c.late === true,
    receivedAt: c.receivedAt,
    receivedOn: c.receivedOn,
    enteredBy: c.enteredBy ?? null,
  };
}

/** The leaf of one comment: canonical JSON of the sealed fields (format version 1). */
export function commentLeaf(c: SealedComment): string {
  return canonicalJson({ v: 1, ...sealedFields(c) });
}

/** SHA-256(0x00 || leaf), hex. */
export const commentLeafHash = (c: SealedComment): string => toHex(leafHash(commentLeaf(c)));

/** The order of a sealed set: as received (receivedAt, then id). */
export function sealOrder<T extends SealedComment>(comments: readonly T[]): T[] {
  return [...comments].sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The comments a seal recorded at `sealedAt` covers: those received up to that instant. */
export const commentsSealedAt = <T extends SealedComment>(comments: readonly T[], sealedAt: string): T[] =>
  sealOrder(comments.filter((c) => c.receivedAt <= sealedAt));

function tree(comments: readonly SealedComment[]): MerkleTree {
  return new MerkleTree(comments.map((c) => leafHash(commentLeaf(c))));
}

/** The count and root of a set of comments (already in seal order). */
export function sealComments(comments: readonly SealedComment[]): { count: number; root: string; scheme: string } {
  return { count: comments.length, root: toHex(tree(comments).root()), scheme: COMMENT_SEAL_SCHEME };
}

/** The inclusion proof (RFC 6962 §2.1.1 audit path, bottom up) of one comment of a sealed set. */
export interface CommentInclusion {
  index: number;
  treeSize: number;
  leafHash: string;
  proof: string[];
}

/** The audit path of comment `id` in `comments` (in seal order), or null when it is not one of them. */
export function commentInclusion(comments: readonly SealedComment[], id: string): CommentInclusion | null {
  const index = comments.findIndex((c) => c.id === id);
  if (index < 0) return null;
  const t = tree(comments);
  return { index, treeSize: t.size, leafHash: commentLeafHash(comments[index]), proof: t.inclusionProof(index).map(toHex) };
}

/** Whether `inclusion` proves its leaf against `root` (hex). */
export function verifyCommentInclusion(inclusion: CommentInclusion, root: string): boolean {
  const leaf = fromHex(inclusion.leafHash);
  const r = fromHex(root);
  const path = inclusion.proof.map(fromHex);
  if (!leaf || !r || path.some((p) => !p)) return false;
  return verifyInclusion(leaf, inclusion.index, inclusion.treeSize, path as Buffer[], r);
}

/** What a recomputation of a seal found: the stored comments against the recorded count and root. */
export interface SealCheck {
  ok: boolean;
  sealedCount: number;
  sealedRoot: string;
  count: number;
  root: string;
}

export function checkSeal(comments: readonly SealedComment[], seal: { count: number; root: string }): SealCheck {
  const now = sealComments(comments);
  return { ok: now.count === seal.count && now.root === seal.root, sealedCount: seal.count, sealedRoot: seal.root, count: now.count, root: now.root };
}
