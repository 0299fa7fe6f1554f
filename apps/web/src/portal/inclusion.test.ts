import { describe, expect, it } from 'vitest';
import { checkSealProof, leafHashOf, verifyInclusion } from './inclusion';

// a 5-comment seal computed by the server's libs/audit (RFC 6962 over the comments' leaves)
const ROOT = '7741325f4d42a74a6d545d0cf59b0c3d4eedd997994cbb5c98e8cd4b06b320e5';
const LEAF = "{\"caseId\":\"k\",\"clause\":null,\"confidential\":false,\"contact\":null,\"displayName\":null,\"enteredBy\":null,\"id\":\"c4\",\"late\":false,\"receivedAt\":\"2020-03-14T02:00:00.000Z\",\"receivedOn\":\"2020-03-14\",\"round\":1,\"source\":\"PORTAL\",\"submitterType\":\"INDIVIDUAL\",\"text\":\"意见4\",\"trackingNumber\":\"T4\",\"v\":1}";
const PROOFS = {
  "3": {
    "index": 3,
    "treeSize": 5,
    "leafHash": "7c0eae0bc9be6fbece66882107c8501f73e9759c7317867f8026053ac3b8f6c7",
    "proof": [
      "af0403bfee20f47024ec4690ba96a3553860ad6576c3fdd04af35b958b036b2e",
      "bc01f9bb613999eac295771eb4e386dea7aec745a0b541e6a6a2862350515bf5",
      "7f9c52c43e01233b72aa079e7aa62e2b18c40010ef4285d5b2ed4e668dcf230b"
    ]
  },
  "0": {
    "index": 0,
    "treeSize": 5,
    "leafHash": "8be77919a32668841d58d5de205d76a6ba9e3050695fdd19f1bedbbffeb32614",
    "proof": [
      "974f968818e570b23add9c4fe4e7b8f8683e3c574530302b04af4f9da6d39fbb",
      "589ac53d42d7c0504cf0c67927ffc9789f99e7cde7deb19176f54e35c19a2bd6",
      "7f9c52c43e01233b72aa079e7aa62e2b18c40010ef4285d5b2ed4e668dcf230b"
    ]
  },
  "4": {
    "index": 4,
    "treeSize": 5,
    "leafHash": "7f9c52c43e01233b72aa079e7aa62e2b18c40010ef4285d5b2ed4e668dcf230b",
    "proof": [
      "8e9ea0552d9603dd9741050c16c4086da907d318dd0d64761a72bb0e282add63"
    ]
  }
};

describe('the seal proof checked in the browser', () => {
  it('hashes the leaf as the server does', () => {
    expect(leafHashOf(LEAF)).toBe(PROOFS['3'].leafHash);
  });

  it('folds every audit path up to the sealed root', () => {
    for (const p of Object.values(PROOFS)) expect(verifyInclusion(p.leafHash, p.index, p.treeSize, p.proof, ROOT)).toBe(true);
    expect(checkSealProof({ ...PROOFS['3'], leaf: LEAF, root: ROOT, count: 5 })).toBe(true);
  });

  it('fails for another root, index, size, path or leaf', () => {
    const p = PROOFS['3'];
    expect(verifyInclusion(p.leafHash, p.index, p.treeSize, p.proof, PROOFS['0'].leafHash)).toBe(false);
    expect(verifyInclusion(p.leafHash, 2, p.treeSize, p.proof, ROOT)).toBe(false);
    expect(verifyInclusion(p.leafHash, p.index, 4, p.proof, ROOT)).toBe(false);
    expect(verifyInclusion(p.leafHash, p.index, p.treeSize, p.proof.slice(1), ROOT)).toBe(false);
    expect(verifyInclusion(p.leafHash, 5, 5, p.proof, ROOT)).toBe(false);
    expect(checkSealProof({ ...p, leaf: LEAF.replace('意见4', '意见四'), root: ROOT, count: 5 })).toBe(false);
    // a proof of a tree smaller than the seal does not prove the sealed set
    expect(checkSealProof({ ...p, leaf: LEAF, root: ROOT, count: 6 })).toBe(false);
  });
});
