import { GENESIS_HASH, hashRecord, stateHash, verifyChain } from './hash-chain';
import { replay } from './replay';
import { alice, bob, carol, rechain, runHistory } from './testing/case-history.fixture';
import type { Step } from './testing/case-history.fixture';
import { leaveRequest } from './testing/leave-request.fixture';
import { WorkflowRegistry } from './workflow-registry';

const v1 = leaveRequest(1);
const v2 = leaveRequest(2);
const registry = new WorkflowRegistry([v1, v2]);

const steps: Step[] = [
  { def: v1, type: 'CREATE', payload: { days: 12, reason: 'wedding' }, actor: alice, at: '2025-03-03T01:00:00Z' },
  { def: v1, type: 'AMEND', payload: { days: 9, reason: 'wedding' }, actor: alice, at: '2025-03-03T02:00:00Z' },
  { def: v1, type: 'SUBMIT', payload: {}, actor: alice, at: '2025-03-03T16:30:00Z', facts: { replyBy: '2025-03-11' } },
  { def: v1, type: 'APPROVE', payload: {}, actor: bob, at: '2025-03-04T02:00:00Z' },
];

describe('replay', () => {
  it('replays an intact history and matches the stored snapshot and revision', () => {
    const { records, snapshot } = runHistory('case-1', steps);
    const report = replay(registry, records, { snapshot, revision: 4 });
    expect(report).toEqual({
      ok: true,
      events: 4,
      chain: { ok: true },
      replay: { ok: true, stateHash: records[3].stateHash },
      headHash: records[3].hash,
    });
    expect(stateHash(snapshot)).toBe(records[3].stateHash);
  });

  it('replays an empty history', () => {
    expect(replay(registry, [])).toEqual({ ok: true, events: 0, chain: { ok: true }, replay: { ok: true, stateHash: GENESIS_HASH }, headHash: GENESIS_HASH });
    expect(replay(registry, [], { snapshot: { value: 'draft' } }).replay).toMatchObject({ ok: false, seq: 0, reason: 'STORED_SNAPSHOT_MISMATCH' });
  });

  it('finds a payload edit re-hashed through the whole tail: the chain verifies, replay diverges at that seq', () => {
    const { records, snapshot } = runHistory('case-1', steps);
    records[1] = { ...records[1], payload: { days: 3, reason: 'wedding' } };
    const forged = rechain(records, 1);
    expect(verifyChain(forged)).toEqual({ ok: true });
    const report = replay(registry, forged, { snapshot });
    expect(report.ok).toBe(false);
    expect(report.chain).toEqual({ ok: true });
    expect(report.replay).toEqual({ ok: false, seq: 2, reason: 'STATE_HASH_MISMATCH', expected: records[1].stateHash, actual: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('reports a forged event the engine refuses (role changed) as REFUSED with the refusal code', () => {
    const { records } = runHistory('case-1', steps);
    records[3] = { ...records[3], actor: alice };
    const report = replay(registry, rechain(records, 3));
    expect(report.replay).toMatchObject({ ok: false, seq: 4, reason: 'REFUSED', actual: 'ROLE_NOT_ALLOWED' });
  });

  it('reports a forged stateAfter as STATE_VALUE_MISMATCH', () => {
    const { records } = runHistory('case-1', steps);
    records[2] = { ...records[2], stateAfter: 'approved' };
    expect(replay(registry, rechain(records, 2)).replay).toEqual({
      ok: false,
      seq: 3,
      reason: 'STATE_VALUE_MISMATCH',
      expected: 'approved',
      actual: { review: 'pending' },
    });
  });

  it('uses the recorded facts: editing them (and re-chaining) is not hidden by the chain', () => {
    const { records } = runHistory('case-1', steps);
    records[2] = { ...records[2], facts: { replyBy: '2099-01-01' } };
    // the fixture machine does not read facts: the forged record replays; the chain still proves the edit
    const forged = rechain(records, 2);
    expect(replay(registry, forged).ok).toBe(true);
    expect(forged[2].hash).not.toBe(runHistory('case-1', steps).records[2].hash);
  });

  it('finds a tampered stored snapshot at the last seq', () => {
    const { records, snapshot } = runHistory('case-1', steps);
    const tampered = { ...snapshot, context: { ...snapshot.context, days: 30 } };
    const report = replay(registry, records, { snapshot: tampered, revision: 4 });
    expect(report.ok).toBe(false);
    expect(report.chain).toEqual({ ok: true });
    expect(report.replay).toEqual({ ok: false, seq: 4, reason: 'STORED_SNAPSHOT_MISMATCH', expected: records[3].stateHash, actual: stateHash(tampered) });
  });

  it('finds a truncated tail through the stored snapshot, and a stored revision that is not the last seq', () => {
    const { records, snapshot } = runHistory('case-1', steps);
    const truncated = records.slice(0, 3);
    expect(verifyChain(truncated)).toEqual({ ok: true });
    expect(replay(registry, truncated, { snapshot }).replay).toMatchObject({ ok: false, seq: 3, reason: 'STORED_SNAPSHOT_MISMATCH' });
    expect(replay(registry, records, { snapshot, revision: 5 }).replay).toEqual({
      ok: false,
      seq: 4,
      reason: 'STORED_REVISION_MISMATCH',
      expected: 4,
      actual: 5,
    });
  });

  it('reports a broken chain (and still folds the records)', () => {
    const { records, snapshot } = runHistory('case-1', steps);
    records[2] = { ...records[2], payload: { days: 1 } }; // SUBMIT ignores its payload
    const report = replay(registry, records, { snapshot });
    expect(report).toMatchObject({ ok: false, chain: { ok: false, seq: 3, reason: 'HASH_MISMATCH' }, replay: { ok: true } });

    const gap = runHistory('case-1', steps).records;
    gap.splice(1, 1);
    expect(replay(registry, gap)).toMatchObject({
      ok: false,
      chain: { ok: false, seq: 2, reason: 'SEQ_GAP' },
      replay: { ok: false, seq: 3, reason: 'REFUSED', actual: 'LEAVE.OVER_QUOTA' },
    });
  });

  it('requires the first record to be the creation', () => {
    const { records } = runHistory('case-1', steps);
    const [, ...rest] = records;
    const forged = rechain(rest.map((r) => ({ ...r })), 0);
    expect(replay(registry, forged).replay).toEqual({ ok: false, seq: 1, reason: 'NOT_A_CREATION', expected: 'CREATE', actual: 'AMEND' });
  });

  describe('with two versions in one history (moved by a recorded migration)', () => {
    // 12 days: over the v1 quota (10), within the v2 quota (15). The case moved to v2 before SUBMIT.
    const admin = { userId: 'u-admin', role: 'admin' as const, orgUnit: 'ou-town' };
    const mixed: Step[] = [
      { def: v1, type: 'CREATE', payload: { days: 12, reason: 'wedding' }, actor: alice, at: '2025-03-03T01:00:00Z' },
      { def: v2, type: 'MIGRATE_WORKFLOW', payload: null, actor: admin, at: '2025-03-03T01:30:00Z' },
      { def: v2, type: 'SUBMIT', payload: {}, actor: alice, at: '2025-03-03T02:00:00Z' },
      { def: v2, type: 'APPROVE', payload: {}, actor: carol, at: '2025-03-04T02:00:00Z' },
    ];

    it('replays each record with the version in force', () => {
      const { records, snapshot } = runHistory('case-2', mixed);
      expect(records.map((r) => r.workflow.version)).toEqual([1, 2, 2, 2]);
      expect(records[1].payload).toEqual({ fromVersion: 1, toVersion: 2, fromState: 'draft', toState: 'draft' });
      expect(replay(registry, records, { snapshot, revision: 4 })).toMatchObject({ ok: true, events: 4, replay: { ok: true } });
    });

    it('diverges where a record claims the version that is not in force', () => {
      const { records } = runHistory('case-2', mixed);
      records[2] = { ...records[2], workflow: { kind: 'leave-request', version: 1 } };
      expect(replay(registry, rechain(records, 2)).replay).toMatchObject({ ok: false, seq: 3, reason: 'VERSION_NOT_IN_FORCE' });
    });

    it('diverges where a version changes without a migration', () => {
      const { records } = runHistory('case-2', mixed);
      const skipped = rechain([records[0], ...records.slice(2)], 1);
      expect(replay(registry, skipped).replay).toMatchObject({
        ok: false,
        seq: 2,
        reason: 'VERSION_NOT_IN_FORCE',
        expected: { kind: 'leave-request', version: 1 },
        actual: { kind: 'leave-request', version: 2 },
      });
    });

    it('reports a version the registry does not hold as UNKNOWN_WORKFLOW', () => {
      const { records } = runHistory('case-2', mixed);
      expect(replay(new WorkflowRegistry([v1]), records).replay).toEqual({
        ok: false,
        seq: 2,
        reason: 'UNKNOWN_WORKFLOW',
        expected: { kind: 'leave-request', version: 2 },
        actual: null,
      });
    });
  });

  it('never throws on garbage records', () => {
    const { records } = runHistory('case-1', steps);
    const garbage = [{ ...records[0], at: 'not a date' }];
    garbage[0] = { ...garbage[0], hash: hashRecord(garbage[0]) };
    expect(replay(registry, garbage).replay).toMatchObject({ ok: false, seq: 1, reason: 'REFUSED', actual: 'INVALID_INSTANT' });
    expect(() => replay(registry, [{} as any, null as any].filter(Boolean))).not.toThrow();
  });
});
