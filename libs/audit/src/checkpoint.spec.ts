import { canonicalJson, GENESIS_HASH } from '@app/engine';
import {
  CaseHead,
  Checkpoint,
  checkpointHash,
  CHECKPOINT_FORMAT,
  headLeafHash,
  headTree,
  logProof,
  prepareCheckpoint,
  signCheckpoint,
  verifyCheckpointChain,
  verifyCheckpointSignature,
  verifyHeadInclusion,
  verifyLogProof,
} from './checkpoint';
import { EMPTY_ROOT, leafHash, toHex } from './merkle';
import { generateSigningKey, parseSigningKey } from './signing';

const key = parseSigningKey(generateSigningKey().pem);
const other = parseSigningKey(generateSigningKey().pem);
const keys = new Map([[key.keyId, key.publicKey]]);

const head = (i: number, seq = 1): CaseHead => ({
  caseId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  seq,
  hash: toHex(leafHash(`case ${i} head ${seq}`)),
});

/** A log of checkpoints over a set of cases whose heads move between checkpoints. */
function buildLog(rounds: number, cases = 7) {
  const log: Checkpoint[] = [];
  const heads = Array.from({ length: cases }, (_, i) => head(i));
  const prepared = [];
  for (let r = 0; r < rounds; r++) {
    const changed = new Set<string>();
    if (r === 0) heads.forEach((h) => changed.add(h.caseId));
    else {
      const i = r % cases;
      heads[i] = head(i, heads[i].seq + 1);
      changed.add(heads[i].caseId);
    }
    const p = prepareCheckpoint({ previous: log, heads: [...heads].reverse(), changed, createdAt: `2024-01-${String(r + 1).padStart(2, '0')}T00:00:00.000Z`, key });
    log.push(p.checkpoint);
    prepared.push(p);
  }
  return { log, prepared };
}

describe('checkpoints', () => {
  it('commit to the heads sorted by caseId, leaf = SHA-256(0x00 || canonical JSON of {caseId, seq, hash})', () => {
    const h = { caseId: 'b', seq: 2, hash: 'ab'.repeat(32) };
    expect(headLeafHash(h)).toEqual(leafHash(`{"caseId":"b","hash":"${'ab'.repeat(32)}","seq":2}`));
    const odd = { caseId: '案件"\u2028', seq: 7, hash: 'x' };
    expect(headLeafHash(odd)).toEqual(leafHash(canonicalJson({ caseId: odd.caseId, seq: 7, hash: 'x' })));
    const { sorted } = headTree([head(3), head(1), head(2)]);
    expect(sorted.map((x) => x.caseId)).toEqual([head(1), head(2), head(3)].map((x) => x.caseId));
    expect(() => headTree([head(1), head(1, 2)])).toThrow(/two heads/);
  });

  it('the first checkpoint starts the chain and the log; the format is as published', () => {
    const { log, prepared } = buildLog(1);
    const cp = log[0];
    expect(Object.keys(cp).sort()).toEqual(
      ['createdAt', 'format', 'heads', 'keyId', 'logRoot', 'prevCheckpointHash', 'rootHash', 'seq', 'signature', 'treeSize'].sort(),
    );
    expect(cp).toMatchObject({ format: CHECKPOINT_FORMAT, seq: 1, treeSize: 7, heads: 7, prevCheckpointHash: GENESIS_HASH, logRoot: toHex(EMPTY_ROOT), keyId: key.keyId });
    expect(verifyCheckpointSignature(cp, key.publicKey)).toBe(true);
    expect(prepared[0].anchored).toHaveLength(7);
    for (const a of prepared[0].anchored) expect(verifyHeadInclusion(a, cp)).toBe(true);
  });

  it('later checkpoints anchor only the heads that moved, chain to the previous one and verify as a chain', () => {
    const { log, prepared } = buildLog(12);
    expect(log.map((c) => c.heads)).toEqual([7, ...Array(11).fill(1)]);
    log.slice(1).forEach((c, i) => expect(c.prevCheckpointHash).toBe(checkpointHash(log[i])));
    expect(verifyCheckpointChain(log, keys)).toEqual({ ok: true });
    const moved = prepared[5].anchored[0];
    expect(moved.head.seq).toBe(2);
    expect(verifyHeadInclusion(moved, log[5])).toBe(true);
    // a proof is for its own checkpoint only
    expect(verifyHeadInclusion({ ...moved, checkpointSeq: 6 }, log[6])).toBe(false);
  });

  it('every older checkpoint is proven part of a newer one’s log (inclusion and RFC 6962 consistency)', () => {
    const { log } = buildLog(12);
    for (let to = 2; to <= 12; to++) {
      for (let seq = 1; seq < to; seq++) {
        const proof = logProof(log, seq, to);
        expect(verifyLogProof(proof, log[seq - 1], log[to - 1])).toBe(true);
      }
    }
    // a checkpoint from a forked log is not part of it
    const fork = buildLog(5, 6).log;
    expect(verifyLogProof(logProof(log, 3, 9), fork[2], log[8])).toBe(false);
  });

  it('tampering with a checkpoint is found: signature, chain, log root, key', () => {
    const { log } = buildLog(6);
    const edited = log.map((c) => ({ ...c }));
    edited[2].rootHash = toHex(leafHash('forged root'));
    expect(verifyCheckpointSignature(edited[2], key.publicKey)).toBe(false);
    expect(verifyCheckpointChain(edited, keys)).toEqual({ ok: false, seq: 3, problem: 'SIGNATURE' });

    // re-signed by the thief of another key: the chain names the unknown key
    const resigned = [...log.slice(0, 2), signCheckpoint({ ...log[2], keyId: other.keyId }, other), ...log.slice(3)];
    expect(verifyCheckpointChain(resigned, keys)).toMatchObject({ ok: false, seq: 3 });

    // a checkpoint dropped from the middle
    expect(verifyCheckpointChain([log[0], log[2]], keys)).toEqual({ ok: false, seq: 2, problem: 'SEQ' });
    // re-signed in place with the right key but a different history: the next one no longer chains to it
    const rewritten = [...log];
    rewritten[3] = signCheckpoint({ ...log[3], createdAt: '2030-01-01T00:00:00.000Z' }, key);
    expect(verifyCheckpointChain(rewritten, keys)).toEqual({ ok: false, seq: 5, problem: 'PREV_HASH' });
  });

  it('refuses to sign a body naming another key', () => {
    const { log } = buildLog(1);
    expect(() => signCheckpoint({ ...log[0], keyId: other.keyId }, key)).toThrow(/names key/);
  });
});
