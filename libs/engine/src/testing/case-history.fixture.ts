import { buildRecord } from '../hash-chain';
import { migrateCase } from '../migrate';
import { shanghaiDate } from '../state-paths';
import { startCase, stepCase } from '../step';
import { MIGRATE_WORKFLOW } from '../types';
import type { Actor, HistoryRecord, PersistedSnapshot, StepAccepted, WorkflowDefinition } from '../types';

/** Actors of the engine specs. */
export const alice: Actor = { userId: 'u-alice', role: 'department-head', orgUnit: 'ou-civil' };
export const bob: Actor = { userId: 'u-bob', role: 'legal-reviewer', orgUnit: 'ou-justice' };
export const carol: Actor = { userId: 'u-carol', role: 'town-head', orgUnit: 'ou-town' };

export interface Step {
  def: WorkflowDefinition;
  type: string;
  payload: unknown;
  actor: Actor;
  at: string;
  facts?: Record<string, unknown>;
}

/**
 * Runs steps through the engine the way the runtime does (record 1 = creation) and chains the
 * records. Throws on a refused step: fixtures must be valid histories.
 */
export function runHistory(caseId: string, steps: Step[]): { records: HistoryRecord[]; snapshot: PersistedSnapshot; last: StepAccepted } {
  const records: HistoryRecord[] = [];
  let last: StepAccepted | undefined;
  for (const [i, s] of steps.entries()) {
    const base = { payload: s.payload, actor: s.actor, at: s.at, today: shanghaiDate(s.at), facts: s.facts ?? {} };
    // a MIGRATE_WORKFLOW step moves the case from the previous step's version to `s.def`
    const migrated = s.type === MIGRATE_WORKFLOW ? migrateCase(steps[i - 1].def, s.def, last!.snapshot, s.actor) : null;
    const outcome = migrated ?? (i === 0 ? startCase(s.def, { caseId, ...base }) : stepCase(s.def, last!.snapshot, { type: s.type, ...base }));
    if (!outcome.ok) throw new Error(`step ${i + 1} (${s.type}) refused: ${JSON.stringify(outcome.refusal)}`);
    last = outcome;
    records.push(
      buildRecord(records[records.length - 1] ?? null, {
        caseId,
        type: s.type,
        payload: migrated ? migrated.payload : s.payload,
        actor: s.actor,
        at: s.at,
        facts: s.facts ?? {},
        workflow: { kind: s.def.kind, version: s.def.version },
        stateAfter: outcome.value,
        stateHash: outcome.stateHash,
      }),
    );
  }
  return { records, snapshot: last!.snapshot, last: last! };
}

/** Recomputes seq links and hashes from index `from` on, as an attacker with write access would. */
export function rechain(records: HistoryRecord[], from: number): HistoryRecord[] {
  const out = records.slice(0, from);
  for (const r of records.slice(from)) {
    const { hash: _h, seq: _s, prevHash: _p, ...body } = r;
    out.push(buildRecord(out[out.length - 1] ?? null, body));
  }
  return out;
}
