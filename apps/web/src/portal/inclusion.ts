/**
 * The check a citizen's browser makes of the seal proof on the look-up page (RFC 6962 / RFC 9162
 * §2.1.3.2): the leaf's hash from the comment as received, then the audit path folded up to the
 * root sealed at the close. Plain JavaScript SHA-256, so it runs in every browser. Pure.
 */
import { sha256 } from './sha256';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const bytes = (h: string): Uint8Array | null => (/^[0-9a-f]{64}$/.test(h) ? Uint8Array.from(h.match(/../g)!, (x) => parseInt(x, 16)) : null);
const join = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
};

/** SHA-256(0x00 ‖ leaf), hex. */
export const leafHashOf = (leaf: string): string => hex(sha256(join(new Uint8Array([0]), new TextEncoder().encode(leaf))));

/** Whether the audit path `proof` proves `leafHash` at `index` of a tree of `treeSize` leaves against `root`. */
export function verifyInclusion(leafHash: string, index: number, treeSize: number, proof: readonly string[], root: string): boolean {
  const leaf = bytes(leafHash);
  const r0 = bytes(root);
  const path = proof.map(bytes);
  if (!leaf || !r0 || path.some((p) => !p) || !Number.isInteger(index) || index < 0 || index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of path as Uint8Array[]) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = sha256(join(new Uint8Array([1]), p, r));
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = sha256(join(new Uint8Array([1]), r, p));
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && hex(r) === root;
}

/** The seal proof of a look-up answer checked here: the leaf hashes as given and the path reaches the sealed root. */
export function checkSealProof(seal: { leaf: string; leafHash: string | null; index: number | null; treeSize: number | null; proof: string[]; root: string; count: number }): boolean {
  if (seal.leafHash === null || seal.index === null || seal.treeSize === null || seal.treeSize !== seal.count) return false;
  return leafHashOf(seal.leaf) === seal.leafHash && verifyInclusion(seal.leafHash, seal.index, seal.treeSize, seal.proof, seal.root);
}
