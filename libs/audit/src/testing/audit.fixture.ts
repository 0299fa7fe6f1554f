import { buildRecord, HistoryRecord, shanghaiDate, startCase, stepCase, WorkflowRegistry } from '@app/engine';
import type { Actor, PersistedSnapshot } from '@app/engine';
import { leaveRequest } from '../../../engine/src/testing/leave-request.fixture';

/**
 * A leave-request history for the audit specs: creation, submission, three comments, approval.
 * The comments are accepted in any order (only the context differs), so a swap re-forged with the
 * engine replays cleanly: only a checkpoint can reveal it.
 */
export const requester: Actor = { userId: 'u-alice', role: 'department-head', orgUnit: 'ou-civil' };
export const reviewer: Actor = { userId: 'u-bob', role: 'legal-reviewer', orgUnit: 'ou-justice' };

export const leaveRegistry = () => new WorkflowRegistry([leaveRequest(1), leaveRequest(2)]);

export interface PlainStep {
  type: string;
  payload: unknown;
  actor: Actor;
  at: string;
}

export const LEAVE_STEPS: PlainStep[] = [
  { type: 'CREATE', payload: { days: 3, reason: '探亲' }, actor: requester, at: '2024-03-01T01:00:00Z' },
  { type: 'SUBMIT', payload: {}, actor: requester, at: '2024-03-01T02:00:00Z' },
  { type: 'COMMENT', payload: { text: '材料齐全' }, actor: reviewer, at: '2024-03-01T03:00:00Z' },
  { type: 'COMMENT', payload: { text: '同意' }, actor: reviewer, at: '2024-03-01T04:00:00Z' },
  { type: 'COMMENT', payload: { text: '请按时返岗' }, actor: reviewer, at: '2024-03-01T05:00:00Z' },
  { type: 'APPROVE', payload: {}, actor: reviewer, at: '2024-03-01T06:00:00Z' },
];

/**
 * Runs plain steps through the engine and chains them, as the runtime does — and as a forger with
 * the engine at hand would, to rewrite history so that chain and replay both pass.
 */
export function forgeHistory(
  registry: WorkflowRegistry,
  caseId: string,
  steps: readonly PlainStep[],
  version = 1,
): { records: HistoryRecord[]; snapshot: PersistedSnapshot } {
  const def = registry.get('leave-request', version);
  const records: HistoryRecord[] = [];
  let snapshot: PersistedSnapshot | null = null;
  steps.forEach((s, i) => {
    const base = { payload: s.payload, actor: s.actor, at: s.at, today: shanghaiDate(s.at), facts: {} };
    const outcome = i === 0 ? startCase(def, { caseId, ...base }) : stepCase(def, snapshot, { type: s.type, ...base });
    if (!outcome.ok) throw new Error(`step ${i + 1} ${s.type} refused: ${outcome.refusal.code}`);
    snapshot = outcome.snapshot;
    records.push(
      buildRecord(records[records.length - 1] ?? null, {
        caseId,
        type: s.type,
        payload: s.payload,
        actor: s.actor,
        at: s.at,
        facts: {},
        workflow: { kind: def.kind, version: def.version },
        stateAfter: outcome.value,
        stateHash: outcome.stateHash,
      }),
    );
  });
  return { records, snapshot: snapshot! };
}
