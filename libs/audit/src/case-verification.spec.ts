import { HistoryRecord, stateHash } from '@app/engine';
import { Anchor, CaseEvidence, verifyCaseEvidence } from './case-verification';
import { CaseHead, Checkpoint, HeadInclusion, logProof, prepareCheckpoint, signCheckpoint } from './checkpoint';
import { leafHash, toHex } from './merkle';
import { generateSigningKey, parseSigningKey } from './signing';
import { rechain } from '../../engine/src/testing/case-history.fixture';
import { forgeHistory, LEAVE_STEPS, leaveRegistry, PlainStep } from './testing/audit.fixture';

const registry = leaveRegistry();
const key = parseSigningKey(generateSigningKey().pem);
const keys = new Map([[key.keyId, key.publicKey]]);
const CASE = '00000000-0000-4000-8000-0000000000aa';
const others: CaseHead[] = Array.from({ length: 5 }, (_, i) => ({
  caseId: `00000000-0000-4000-8000-00000000000${i}`,
  seq: 3,
  hash: toHex(leafHash(`other ${i}`)),
}));

/**
 * The case as the server would hold it: the history of `steps`, with checkpoints taken when the
 * case stood at each of `checkpointAt` (seq numbers), among five other cases.
 */
function evidence(steps: PlainStep[] = LEAVE_STEPS, checkpointAt: number[] = [2, 4, 6]) {
  const { records, snapshot } = forgeHistory(registry, CASE, steps);
  const log: Checkpoint[] = [];
  const anchored: HeadInclusion[] = [];
  for (const seq of checkpointAt) {
    const h = records[seq - 1];
    const p = prepareCheckpoint({
      previous: log,
      heads: [...others, { caseId: CASE, seq, hash: h.hash }],
      changed: new Set([CASE, ...(log.length ? [] : others.map((o) => o.caseId))]),
      createdAt: h.at,
      key,
    });
    log.push(p.checkpoint);
    anchored.push(p.anchored.find((a) => a.head.caseId === CASE)!);
  }
  const latest = log[log.length - 1];
  const anchors: Anchor[] = anchored.map((inclusion) => ({
    checkpoint: log[inclusion.checkpointSeq - 1],
    inclusion,
    log: inclusion.checkpointSeq < latest.seq ? logProof(log, inclusion.checkpointSeq, latest.seq) : null,
  }));
  const ev: CaseEvidence = {
    caseId: CASE,
    history: records,
    stored: { snapshot, revision: records.length, headHash: records[records.length - 1].hash },
    anchors,
    latest: latest ? { checkpoint: latest, inclusion: anchored[anchored.length - 1] } : null,
    keys,
  };
  return { ev, records, snapshot, log };
}

/** A forger's rewrite: history, stored snapshot and head all recomputed, so chain and replay pass. */
function forged(steps: PlainStep[]): Pick<CaseEvidence, 'history' | 'stored'> {
  const { records, snapshot } = forgeHistory(registry, CASE, steps);
  return { history: records, stored: { snapshot, revision: records.length, headHash: records[records.length - 1].hash } };
}

const verify = (ev: CaseEvidence) => verifyCaseEvidence(registry, ev);

describe('verifyCaseEvidence', () => {
  it('an untouched, fully anchored case passes', () => {
    const v = verify(evidence().ev);
    expect(v).toMatchObject({ status: 'PASS', events: 6, seq: null, reason: null, findings: [] });
    expect(v.checkpoints).toEqual({ anchorsVerified: 3, anchoredSeq: 6, latestSeq: 3 });
  });

  it('events after the last checkpoint are an unanchored tail (WARN from the first of them)', () => {
    const v = verify(evidence(LEAVE_STEPS, [2, 4]).ev);
    expect(v).toMatchObject({ status: 'WARN', seq: 5, reason: 'unanchored-tail' });
    const none = verify({ ...evidence().ev, anchors: [], latest: null });
    expect(none).toMatchObject({ status: 'WARN', seq: 1, reason: 'unanchored-tail' });
  });

  it('an edited payload fails at its seq (chain)', () => {
    const { ev } = evidence();
    const history = ev.history.map((r) => ({ ...r }));
    history[2].payload = { text: '不同意' };
    expect(verify({ ...ev, history })).toMatchObject({ status: 'FAIL', seq: 3, reason: 'edited' });
  });

  it('a deleted last event fails as truncated, against the stored case and against the checkpoint', () => {
    const { ev } = evidence();
    const history = ev.history.slice(0, 5);
    expect(verify({ ...ev, history })).toMatchObject({ status: 'FAIL', seq: 6, reason: 'truncated' });
    // the forger also rolled the case row back: only the checkpoint still knows seq 6
    const rolledBack = forged(LEAVE_STEPS.slice(0, 5));
    const v = verify({ ...ev, ...rolledBack });
    expect(v).toMatchObject({ status: 'FAIL', seq: 6, reason: 'truncated' });
    expect(v.findings.map((f) => f.check)).toEqual(['checkpoint']);
  });

  it('a tail rewritten with recomputed hashes and states is found only through the checkpoint, between two anchors', () => {
    const { ev } = evidence();
    const steps = LEAVE_STEPS.map((s, i) => (i === 4 ? { ...s, payload: { text: '可以不按时返岗' } } : s));
    const v = verify({ ...ev, ...forged(steps) });
    expect(v).toMatchObject({ status: 'FAIL', seq: 5, reason: 'edited' });
    expect(v.findings).toHaveLength(1);
    expect(v.findings[0]).toMatchObject({ check: 'checkpoint', range: [5, 6] });
  });

  it('two events swapped and re-forged (they commute, so replay passes) are found through the checkpoint', () => {
    const { ev } = evidence(LEAVE_STEPS, [2, 3, 6]);
    const swapped = [...LEAVE_STEPS];
    [swapped[3], swapped[4]] = [swapped[4], swapped[3]];
    const v = verify({ ...ev, ...forged(swapped.map((s, i) => ({ ...s, at: LEAVE_STEPS[i].at }))) });
    expect(v).toMatchObject({ status: 'FAIL', seq: 4, reason: 'edited' });
    expect(v.findings[0].range).toEqual([4, 6]);
  });

  it('a swap that is not re-forged fails at once on the chain', () => {
    const { ev } = evidence();
    const h = ev.history;
    const history = [h[0], h[1], h[3], h[2], h[4], h[5]].map((r, i) => ({ ...r, seq: i + 1 }));
    expect(verify({ ...ev, history })).toMatchObject({ status: 'FAIL', seq: 3, reason: 'reordered' });
  });

  it('an edit re-hashed down the chain but not re-replayed fails on replay', () => {
    const { ev } = evidence();
    const history: HistoryRecord[] = ev.history.map((r) => ({ ...r }));
    history[1] = { ...history[1], type: 'AMEND', payload: { days: 30, reason: '探亲' } };
    const rechained = rechain(history, 1);
    const v = verify({ ...ev, history: rechained, stored: { ...ev.stored!, headHash: rechained[5].hash } });
    expect(v).toMatchObject({ status: 'FAIL', seq: 2 });
    expect(v.findings.map((f) => f.reason)).toContain('replay-diverged');
  });

  it('a stored snapshot edited behind the history fails at the last seq', () => {
    const { ev, snapshot } = evidence();
    const edited = { ...snapshot, context: { ...snapshot.context, days: 30 } };
    expect(stateHash(edited)).not.toBe(stateHash(snapshot));
    expect(verify({ ...ev, stored: { ...ev.stored!, snapshot: edited } })).toMatchObject({ status: 'FAIL', seq: 6, reason: 'edited' });
  });

  it('forged checkpoint evidence is refused, never counted as an anchor', () => {
    const { ev } = evidence();
    const other = parseSigningKey(generateSigningKey().pem);
    const a = ev.anchors[2];
    // re-signed with a key the verifier does not know
    const resigned = signCheckpoint({ ...a.checkpoint, keyId: other.keyId }, other);
    const v1 = verify({ ...ev, anchors: [...ev.anchors.slice(0, 2), { ...a, checkpoint: resigned }], latest: { checkpoint: resigned, inclusion: a.inclusion } });
    expect(v1.status).toBe('FAIL');
    expect(v1.findings.some((f) => f.reason === 'checkpoint-invalid')).toBe(true);
    // an inclusion proof bent to another head
    const bent = { ...a, inclusion: { ...a.inclusion, head: { ...a.inclusion.head, hash: ev.history[4].hash } } };
    const v2 = verify({ ...ev, anchors: [...ev.anchors.slice(0, 2), bent] });
    expect(v2).toMatchObject({ status: 'FAIL', reason: 'checkpoint-invalid' });
    // an older anchor without its place in the latest log
    const v3 = verify({ ...ev, anchors: [{ ...ev.anchors[0], log: null }, ...ev.anchors.slice(1)] });
    expect(v3).toMatchObject({ status: 'FAIL', reason: 'checkpoint-invalid' });
  });
});
