import type { Actor, HistoryRecord } from '@app/engine';

/** A case_history row as the drivers return it (snake_case columns, JSON as text). */
export interface HistoryRow {
  case_id: string;
  seq: number | string;
  type: string;
  payload: string;
  actor_user_id: string;
  actor_role: string;
  actor_org_unit: string;
  at: string;
  facts: string;
  workflow_kind: string;
  workflow_version: number | string;
  state_after: string;
  state_hash: string;
  prev_hash: string;
  hash: string;
}

/** JSON text parsed as written; text that is no longer JSON stays a string, so its record fails its hash. */
const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** A stored row as the engine's record (read independently of the server's persistence code). */
export function recordOf(row: HistoryRow): HistoryRecord {
  return {
    caseId: row.case_id,
    seq: Number(row.seq),
    type: row.type,
    payload: parse(row.payload),
    actor: { userId: row.actor_user_id, role: row.actor_role as Actor['role'], orgUnit: row.actor_org_unit },
    at: row.at,
    facts: parse(row.facts) as Record<string, unknown>,
    workflow: { kind: row.workflow_kind, version: Number(row.workflow_version) },
    stateAfter: parse(row.state_after),
    stateHash: row.state_hash,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export { parse as parseStoredText };
