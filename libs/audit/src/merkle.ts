import * as nodeCrypto from 'crypto';
import { createHash } from 'crypto';

/**
 * RFC 6962 §2.1 Merkle Tree Hash, audit paths and consistency proofs over SHA-256.
 * Hashes are 32-byte Buffers here; callers exchange them as lower-case hex.
 * Every function in this file is pure.
 */

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);
const HASH_BYTES = 32;

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_ROOT: Buffer = createHash('sha256').digest();

const isHash = (h: unknown): h is Buffer => Buffer.isBuffer(h) && h.length === HASH_BYTES;

function requireHash(h: unknown, what: string): Buffer {
  if (!isHash(h)) throw new TypeError(`${what} must be a ${HASH_BYTES}-byte hash`);
  return h;
}

// node ≥ 20.12 has a one-shot `crypto.hash` (not yet in @types/node 20), about twice as fast as a Hash object for 65 bytes
type OneShotHash = (algorithm: string, data: Buffer, outputEncoding: 'buffer') => Buffer;
const oneShot = (nodeCrypto as unknown as { hash?: OneShotHash }).hash;
const sha256 = (data: Buffer): Buffer => (oneShot ? oneShot('sha256', data, 'buffer') : createHash('sha256').update(data).digest());

/** SHA-256(0x00 || data): the hash of a leaf. Pure. */
export function leafHash(data: Buffer | string): Buffer {
  return sha256(Buffer.concat([LEAF_PREFIX, typeof data === 'string' ? Buffer.from(data, 'utf8') : data]));
}

/** SHA-256(0x01 || left || right): the hash of an interior node. Pure. */
export function nodeHash(left: Buffer, right: Buffer): Buffer {
  return sha256(Buffer.concat([NODE_PREFIX, left, right]));
}

/** The largest power of two strictly smaller than n (n ≥ 2): RFC 6962's split point. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * A Merkle tree kept level by level, so that the root and any number of audit paths cost one
 * pass. Pairing nodes from the left and carrying an unpaired last node up unchanged builds exactly
 * RFC 6962's tree (split at the largest power of two below n). Immutable after construction.
 */
export class MerkleTree {
  /** levels[0] are the leaf hashes, the last level holds the root (empty tree: no levels) */
  private readonly levels: Buffer[][];

  constructor(leafHashes: readonly Buffer[]) {
    leafHashes.forEach((h, i) => requireHash(h, `leaf ${i}`));
    this.levels = leafHashes.length ? [leafHashes.slice()] : [];
    let level = this.levels[0];
    while (level && level.length > 1) {
      const next: Buffer[] = [];
      for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? nodeHash(level[i], level[i + 1]) : level[i]);
      this.levels.push(next);
      level = next;
    }
  }

  get size(): number {
    return this.levels[0]?.length ?? 0;
  }

  root(): Buffer {
    return this.levels.length ? this.levels[this.levels.length - 1][0] : EMPTY_ROOT;
  }

  /** RFC 6962 §2.1.1 PATH(m, D[n]): the audit path of leaf `index`, bottom up. */
  inclusionProof(index: number): Buffer[] {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) {
      throw new RangeError(`leaf index ${index} is outside a tree of ${this.size}`);
    }
    const path: Buffer[] = [];
    let i = index;
    for (let l = 0; l < this.levels.length - 1; l++) {
      const level = this.levels[l];
      const sibling = i ^ 1;
      // a last node without a sibling is carried up: no hash on the path at this level
      if (sibling < level.length) path.push(level[sibling]);
      i >>= 1;
    }
    return path;
  }
}

/**
 * The root of a growing list of leaves, one append at a time in O(log n): the tree of n leaves is
 * the perfect subtrees given by the binary digits of n, left to right, joined from the right.
 * (A mutable accumulator; its results equal `merkleRoot` over the same leaves.)
 */
export class MerkleAccumulator {
  /** perfect subtrees, largest (leftmost) first */
  private readonly stack: Array<{ size: number; hash: Buffer }> = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  append(leaf: Buffer): void {
    let node = { size: 1, hash: requireHash(leaf, 'leaf') };
    while (this.stack.length && this.stack[this.stack.length - 1].size === node.size) {
      const left = this.stack.pop()!;
      node = { size: left.size * 2, hash: nodeHash(left.hash, node.hash) };
    }
    this.stack.push(node);
    this.count++;
  }

  root(): Buffer {
    if (!this.stack.length) return EMPTY_ROOT;
    let r = this.stack[this.stack.length - 1].hash;
    for (let i = this.stack.length - 2; i >= 0; i--) r = nodeHash(this.stack[i].hash, r);
    return r;
  }
}

/** MTH(D[n]) over leaf hashes (RFC 6962 §2.1). Pure. */
export function merkleRoot(leafHashes: readonly Buffer[]): Buffer {
  return new MerkleTree(leafHashes).root();
}

/** MTH of leaves[from, to) by the recursive definition (used for consistency proofs). */
function subtreeRoot(leaves: readonly Buffer[], from: number, to: number): Buffer {
  const n = to - from;
  if (n === 0) return EMPTY_ROOT;
  if (n === 1) return leaves[from];
  const k = splitPoint(n);
  return nodeHash(subtreeRoot(leaves, from, from + k), subtreeRoot(leaves, from + k, to));
}

/**
 * RFC 6962 §2.1.2 PROOF(m, D[n]): the consistency proof between the tree of the first `m`
 * leaves and the tree of the first `n` leaves of `leafHashes` (0 ≤ m ≤ n ≤ length).
 * Empty when m = 0 or m = n. Pure.
 */
export function consistencyProof(leafHashes: readonly Buffer[], m: number, n: number = leafHashes.length): Buffer[] {
  leafHashes.forEach((h, i) => requireHash(h, `leaf ${i}`));
  if (!Number.isInteger(m) || !Number.isInteger(n) || m < 0 || m > n || n > leafHashes.length) {
    throw new RangeError(`no consistency proof from ${m} to ${n} over ${leafHashes.length} leaves`);
  }
  if (m === 0 || m === n) return [];
  const proof: Buffer[] = [];
  // SUBPROOF(m, D[from:to], b), iteratively: each step descends into one half
  let from = 0;
  let to = n;
  let mm = m;
  let complete = true;
  const tail: Buffer[] = [];
  for (;;) {
    const size = to - from;
    if (mm === size) {
      if (!complete) tail.push(subtreeRoot(leafHashes, from, to));
      break;
    }
    const k = splitPoint(size);
    if (mm <= k) {
      tail.push(subtreeRoot(leafHashes, from + k, to));
      to = from + k;
    } else {
      tail.push(subtreeRoot(leafHashes, from, from + k));
      from += k;
      mm -= k;
      complete = false;
    }
  }
  // the recursion appends on the way back up: deepest first
  for (let i = tail.length - 1; i >= 0; i--) proof.push(tail[i]);
  return proof;
}

/**
 * Verifies an audit path (RFC 9162 §2.1.3.2, the verification algorithm for RFC 6962 paths):
 * does the leaf with hash `leaf` sit at `index` in a tree of `treeSize` leaves whose root is
 * `root`? Never throws: malformed input is `false`. Pure.
 */
export function verifyInclusion(leaf: Buffer, index: number, treeSize: number, proof: readonly Buffer[], root: Buffer): boolean {
  if (!isHash(leaf) || !isHash(root) || !Array.isArray(proof) || !proof.every(isHash)) return false;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/**
 * Verifies a consistency proof (RFC 9162 §2.1.4.2): is the tree of `first` leaves with root
 * `firstRoot` a prefix of the tree of `second` leaves with root `secondRoot`? With first = 0
 * (empty tree) the proof must be empty; with first = second the roots must be equal and the proof
 * empty. Never throws. Pure.
 */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Buffer,
  secondRoot: Buffer,
  proof: readonly Buffer[],
): boolean {
  if (!isHash(firstRoot) || !isHash(secondRoot) || !Array.isArray(proof) || !proof.every(isHash)) return false;
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second) return false;
  if (first === 0) return proof.length === 0 && firstRoot.equals(EMPTY_ROOT);
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (proof.length === 0) return false;
  const path = (first & (first - 1)) === 0 ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
}

/** Hex ↔ Buffer helpers for hashes exchanged as JSON. Pure. */
export const toHex = (b: Buffer): string => b.toString('hex');

/** Parses a 64-character lower- or upper-case hex hash; `null` for anything else. Pure. */
export function fromHex(s: unknown): Buffer | null {
  return typeof s === 'string' && /^[0-9a-fA-F]{64}$/.test(s) ? Buffer.from(s, 'hex') : null;
}
