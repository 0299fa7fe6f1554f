import { buildRecord, canonicalJson, GENESIS_HASH, hashRecord, sha256Hex, stateHash, verifyChain } from './hash-chain';
import { alice, bob, rechain, runHistory } from './testing/case-history.fixture';
import { leaveRequest } from './testing/leave-request.fixture';
import type { HistoryRecord } from './types';

const v1 = leaveRequest(1);
const history = () =>
  runHistory('case-7', [
    { def: v1, type: 'CREATE', payload: { days: 12, reason: 'wedding' }, actor: alice, at: '2025-03-03T01:00:00Z' },
    { def: v1, type: 'AMEND', payload: { days: 9, reason: 'wedding' }, actor: alice, at: '2025-03-03T02:00:00Z' },
    { def: v1, type: 'SUBMIT', payload: {}, actor: alice, at: '2025-03-03T03:00:00Z' },
    { def: v1, type: 'COMMENT', payload: { text: 'fine' }, actor: bob, at: '2025-03-04T01:00:00Z' },
    { def: v1, type: 'APPROVE', payload: {}, actor: bob, at: '2025-03-04T02:00:00Z' },
  ]).records;

describe('canonical JSON and hashes', () => {
  it('is RFC 8785 canonical: sorted keys, no whitespace, undefined dropped', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined, é: 1e21, d: { z: 1, y: 0.1 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"d":{"y":0.1,"z":1},"é":1e+21}',
    );
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(stateHash({ b: 1, a: 2 })).toBe(stateHash({ a: 2, b: 1 }));
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(() => canonicalJson(NaN)).toThrow();
  });
});

describe('buildRecord', () => {
  it('numbers and links records, hashing everything but the hash', () => {
    const [r1, r2] = history();
    expect(r1.seq).toBe(1);
    expect(r1.prevHash).toBe(GENESIS_HASH);
    expect(r2.seq).toBe(2);
    expect(r2.prevHash).toBe(r1.hash);
    expect(r1.hash).toBe(hashRecord(r1));
    const { hash, ...body } = r1;
    expect(hash).toBe(sha256Hex(canonicalJson(body)));
    expect(r1.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts a predecessor given as { seq, hash } and refuses one of another case', () => {
    const [r1, r2] = history();
    const { hash: _h, seq: _s, prevHash: _p, ...body } = r2;
    expect(buildRecord({ seq: r1.seq, hash: r1.hash }, body)).toEqual(r2);
    expect(() => buildRecord({ ...r1, caseId: 'other' }, body)).toThrow(expect.objectContaining({ code: 'HISTORY_CHAIN_BROKEN' }));
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and an empty one', () => {
    expect(verifyChain(history())).toEqual({ ok: true });
    expect(verifyChain([])).toEqual({ ok: true });
  });

  it('finds an edited payload at its seq (HASH_MISMATCH)', () => {
    const records = history();
    records[2] = { ...records[2], payload: { days: 1 } };
    expect(verifyChain(records)).toMatchObject({ ok: false, seq: 3, reason: 'HASH_MISMATCH', actual: records[2].hash });
  });

  it('finds an edited actor, time or state at its seq', () => {
    for (const patch of [{ actor: { ...alice, role: 'admin' as const } }, { at: '2025-03-03T03:00:01Z' }, { stateAfter: 'approved' }]) {
      const records = history();
      records[3] = { ...records[3], ...patch };
      expect(verifyChain(records)).toMatchObject({ ok: false, seq: 4, reason: 'HASH_MISMATCH' });
    }
  });

  it('finds a deleted middle record as SEQ_GAP at the first missing seq', () => {
    const records = history();
    records.splice(2, 1);
    expect(verifyChain(records)).toEqual({ ok: false, seq: 3, reason: 'SEQ_GAP', expected: 3, actual: 4 });
  });

  it('finds a deleted middle record even when the later ones are renumbered (PREV_HASH_MISMATCH)', () => {
    const records = history();
    records.splice(2, 1);
    const renumbered = records.map((r, i) => {
      const moved = { ...r, seq: i + 1 };
      return { ...moved, hash: hashRecord(moved) };
    });
    expect(verifyChain(renumbered)).toMatchObject({ ok: false, seq: 3, reason: 'PREV_HASH_MISMATCH', expected: renumbered[1].hash });
  });

  it('finds two swapped records (SEQ_ORDER as listed, PREV_HASH_MISMATCH when their seqs are swapped too)', () => {
    const listed = history();
    [listed[1], listed[2]] = [listed[2], listed[1]];
    expect(verifyChain(listed)).toEqual({ ok: false, seq: 2, reason: 'SEQ_ORDER', expected: 2, actual: 3 });

    const renumbered = history();
    [renumbered[1], renumbered[2]] = [
      { ...renumbered[2], seq: 2 },
      { ...renumbered[1], seq: 3 },
    ];
    expect(verifyChain(renumbered)).toMatchObject({ ok: false, seq: 2, reason: 'PREV_HASH_MISMATCH' });
  });

  it('finds a rewritten prevHash at its seq', () => {
    const records = history();
    records[3] = { ...records[3], prevHash: 'f'.repeat(64) };
    expect(verifyChain(records)).toEqual({ ok: false, seq: 4, reason: 'PREV_HASH_MISMATCH', expected: records[2].hash, actual: 'f'.repeat(64) });
    // re-hashing the forged record moves nothing: the link is still broken at seq 4
    records[3] = { ...records[3], hash: hashRecord(records[3]) };
    expect(verifyChain(records)).toMatchObject({ ok: false, seq: 4, reason: 'PREV_HASH_MISMATCH' });
  });

  it('finds a record re-hashed after an edit at the next seq, unless the whole tail is re-chained', () => {
    const records = history();
    const forged = { ...records[1], payload: { days: 3, reason: 'wedding' } };
    records[1] = { ...forged, hash: hashRecord(forged) };
    expect(verifyChain(records)).toMatchObject({ ok: false, seq: 3, reason: 'PREV_HASH_MISMATCH' });
    expect(verifyChain(rechain(records, 1))).toEqual({ ok: true }); // only replay can tell (replay.spec)
  });

  it('finds a record of another case and a duplicated seq', () => {
    const records = history();
    records[4] = { ...records[4], caseId: 'case-8' };
    expect(verifyChain(records)).toMatchObject({ ok: false, seq: 5, reason: 'CASE_MISMATCH', expected: 'case-7', actual: 'case-8' });
    const dup = history();
    dup.splice(2, 0, dup[1]);
    expect(verifyChain(dup)).toMatchObject({ ok: false, seq: 3, reason: 'SEQ_ORDER', actual: 2 });
  });
});
