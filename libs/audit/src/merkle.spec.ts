import { createHash } from 'crypto';
import {
  consistencyProof,
  EMPTY_ROOT,
  fromHex,
  leafHash,
  MerkleAccumulator,
  merkleRoot,
  MerkleTree,
  nodeHash,
  splitPoint,
  toHex,
  verifyConsistency,
  verifyInclusion,
} from './merkle';

/**
 * RFC 6962 test vectors: the Certificate Transparency reference leaves and tree heads, the audit
 * paths for leaves 0 and 5 of 8, and the consistency proofs 2→8 and 6→8 (the values every CT
 * implementation is tested against).
 */
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) =>
  leafHash(Buffer.from(h, 'hex')),
);
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const CT_INCLUSION = [
  {
    index: 0,
    size: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    index: 5,
    size: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];
const CT_CONSISTENCY = [
  {
    first: 2,
    second: 8,
    proof: ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'],
  },
  {
    first: 6,
    second: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];

/** RFC 6962 §2.1 MTH, PATH and PROOF written literally (recursion on the split point), as the oracle. */
const ref = {
  mth(d: Buffer[]): Buffer {
    if (d.length === 0) return EMPTY_ROOT;
    if (d.length === 1) return d[0];
    const k = splitPoint(d.length);
    return nodeHash(ref.mth(d.slice(0, k)), ref.mth(d.slice(k)));
  },
  path(m: number, d: Buffer[]): Buffer[] {
    if (d.length <= 1) return [];
    const k = splitPoint(d.length);
    return m < k ? [...ref.path(m, d.slice(0, k)), ref.mth(d.slice(k))] : [...ref.path(m - k, d.slice(k)), ref.mth(d.slice(0, k))];
  },
  subproof(m: number, d: Buffer[], b: boolean): Buffer[] {
    if (m === d.length) return b ? [] : [ref.mth(d)];
    const k = splitPoint(d.length);
    return m <= k
      ? [...ref.subproof(m, d.slice(0, k), b), ref.mth(d.slice(k))]
      : [...ref.subproof(m - k, d.slice(k), false), ref.mth(d.slice(0, k))];
  },
};

const leaves = Array.from({ length: 70 }, (_, i) => leafHash(`leaf ${i}`));
const hex = (bs: Buffer[]) => bs.map(toHex);

describe('RFC 6962 Merkle tree', () => {
  it('hashes leaves with 0x00 and nodes with 0x01; the empty tree is SHA-256("")', () => {
    expect(toHex(EMPTY_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(leafHash(Buffer.alloc(0)))).toBe(CT_ROOTS[0]);
    const [a, b] = CT_LEAVES;
    expect(nodeHash(a, b)).toEqual(createHash('sha256').update(Buffer.from([1])).update(a).update(b).digest());
  });

  it('matches the reference tree heads for sizes 0..8', () => {
    expect(merkleRoot([])).toEqual(EMPTY_ROOT);
    for (let n = 1; n <= 8; n++) expect(toHex(merkleRoot(CT_LEAVES.slice(0, n)))).toBe(CT_ROOTS[n - 1]);
  });

  it('gives the reference audit paths and consistency proofs', () => {
    const tree = new MerkleTree(CT_LEAVES);
    for (const v of CT_INCLUSION) {
      expect(hex(tree.inclusionProof(v.index))).toEqual(v.proof);
      expect(verifyInclusion(CT_LEAVES[v.index], v.index, v.size, v.proof.map((p) => fromHex(p)!), fromHex(CT_ROOTS[v.size - 1])!)).toBe(true);
    }
    for (const v of CT_CONSISTENCY) {
      expect(hex(consistencyProof(CT_LEAVES, v.first, v.second))).toEqual(v.proof);
      const proof = v.proof.map((p) => fromHex(p)!);
      expect(verifyConsistency(v.first, v.second, fromHex(CT_ROOTS[v.first - 1])!, fromHex(CT_ROOTS[v.second - 1])!, proof)).toBe(true);
    }
  });

  it('builds the same roots and paths as the recursive definition for every size up to 70', () => {
    for (let n = 0; n <= leaves.length; n++) {
      const d = leaves.slice(0, n);
      const tree = new MerkleTree(d);
      expect(tree.root()).toEqual(ref.mth(d));
      for (let m = 0; m < n; m++) expect(hex(tree.inclusionProof(m))).toEqual(hex(ref.path(m, d)));
    }
  });

  it('the accumulator agrees with the tree at every size', () => {
    const acc = new MerkleAccumulator();
    expect(acc.root()).toEqual(EMPTY_ROOT);
    leaves.forEach((l, i) => {
      acc.append(l);
      expect(acc.size).toBe(i + 1);
      expect(acc.root()).toEqual(ref.mth(leaves.slice(0, i + 1)));
    });
  });

  it('every inclusion proof verifies, and only for its own leaf, index and root', () => {
    for (let n = 1; n <= 33; n++) {
      const d = leaves.slice(0, n);
      const tree = new MerkleTree(d);
      const root = tree.root();
      for (let m = 0; m < n; m++) {
        const proof = tree.inclusionProof(m);
        expect(verifyInclusion(d[m], m, n, proof, root)).toBe(true);
        expect(verifyInclusion(leafHash('forged'), m, n, proof, root)).toBe(false);
        if (n > 1) expect(verifyInclusion(d[m], (m + 1) % n, n, proof, root)).toBe(false);
        expect(verifyInclusion(d[m], m, n, [...proof, leafHash('extra')], root)).toBe(false);
        if (proof.length) {
          expect(verifyInclusion(d[m], m, n, proof.slice(0, -1), root)).toBe(false);
          const flipped = proof.map((p) => Buffer.from(p));
          flipped[0][0] ^= 1;
          expect(verifyInclusion(d[m], m, n, flipped, root)).toBe(false);
        }
      }
    }
  });

  it('every consistency proof matches the definition and verifies; tampered ones do not', () => {
    for (let n = 1; n <= 33; n++) {
      const d = leaves.slice(0, n);
      for (let m = 0; m <= n; m++) {
        const proof = consistencyProof(d, m, n);
        if (m > 0 && m < n) expect(hex(proof)).toEqual(hex(ref.subproof(m, d, true)));
        const r1 = ref.mth(d.slice(0, m));
        const r2 = ref.mth(d);
        expect(verifyConsistency(m, n, r1, r2, proof)).toBe(true);
        if (m > 0 && m < n) {
          expect(verifyConsistency(m, n, leafHash('other'), r2, proof)).toBe(false);
          expect(verifyConsistency(m, n, r1, leafHash('other'), proof)).toBe(false);
          expect(verifyConsistency(m, n, r1, r2, proof.slice(0, -1))).toBe(false);
          const flipped = proof.map((p) => Buffer.from(p));
          flipped[flipped.length - 1][31] ^= 1;
          expect(verifyConsistency(m, n, r1, r2, flipped)).toBe(false);
        }
      }
    }
  });

  it('refuses a rewritten prefix: a tree whose first leaves changed is not consistent with the old one', () => {
    const old = leaves.slice(0, 5);
    const rewritten = [...leaves.slice(0, 2), leafHash('rewritten'), ...leaves.slice(3, 9)];
    const proof = consistencyProof(rewritten, 5, 9);
    expect(verifyConsistency(5, 9, merkleRoot(old), merkleRoot(rewritten), proof)).toBe(false);
  });

  it('answers malformed input with false or a RangeError, never a wrong yes', () => {
    const tree = new MerkleTree(CT_LEAVES);
    expect(() => tree.inclusionProof(8)).toThrow(RangeError);
    expect(() => tree.inclusionProof(-1)).toThrow(RangeError);
    expect(() => consistencyProof(CT_LEAVES, 5, 3)).toThrow(RangeError);
    expect(() => new MerkleTree([Buffer.alloc(31)])).toThrow(TypeError);
    const root = tree.root();
    expect(verifyInclusion(CT_LEAVES[0], 0, 8, 'nope' as never, root)).toBe(false);
    expect(verifyInclusion(CT_LEAVES[0], 8, 8, tree.inclusionProof(0), root)).toBe(false);
    expect(verifyInclusion(Buffer.alloc(31), 0, 8, tree.inclusionProof(0), root)).toBe(false);
    expect(verifyConsistency(4, 4, root, root, [])).toBe(true);
    expect(verifyConsistency(4, 4, root, EMPTY_ROOT, [])).toBe(false);
    expect(verifyConsistency(0, 8, EMPTY_ROOT, root, [])).toBe(true);
    expect(verifyConsistency(0, 8, root, root, [])).toBe(false);
    expect(verifyConsistency(6, 8, fromHex(CT_ROOTS[5])!, root, [])).toBe(false);
    expect(fromHex('xyz')).toBeNull();
  });
});
