import type { Checkpoint, PublicKeyInfo, SealedComment } from '@app/audit';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import type { HistoryRow } from './history-row';

/** Where `verify --all` reads from: the embedded SQLite file or a PostgreSQL schema. */
export type DatabaseSource = { type: 'sqlite'; path: string } | { type: 'postgres'; url: string; schema: string };

export interface CaseRow {
  id: string;
  revision: number;
  head_hash: string;
  snapshot: string;
}

export interface AnchorRow {
  checkpoint_seq: number;
  case_id: string;
  seq: number;
  hash: string;
  leaf_index: number;
  proof: string;
}

/**
 * Read-only access to a Docket database for the verifier: plain SELECTs through the drivers,
 * nothing shared with the server's persistence code (SQLite is opened read-only; PostgreSQL in
 * a read-only transaction).
 */
export interface DatabaseReader {
  caseIds(): Promise<string[]>;
  cases(ids: string[]): Promise<CaseRow[]>;
  history(ids: string[]): Promise<HistoryRow[]>;
  checkpoints(): Promise<Checkpoint[]>;
  anchors(): Promise<AnchorRow[]>;
  keys(): Promise<PublicKeyInfo[]>;
  /** the stored comments of the cases' consultations (the fields the seal covers), none without the table */
  comments?(ids: string[]): Promise<SealedComment[]>;
  close(): Promise<void>;
}

const flag = (v: unknown): boolean => v === true || v === 1 || v === '1';
const orNull = <T>(v: unknown, f: (x: unknown) => T): T | null => (v === null || v === undefined ? null : f(v));

/** A consultation_comments row as the seal reads it (docs/participation.md). */
const toSealedComment = (r: any): SealedComment => ({
  id: String(r.id),
  caseId: String(r.case_id),
  round: Number(r.round),
  trackingNumber: String(r.tracking_number),
  source: String(r.source),
  submitterType: String(r.submitter_type),
  displayName: orNull(r.display_name, String),
  contact: orNull(r.contact, String),
  clause: orNull(r.clause, Number),
  text: String(r.text),
  confidential: flag(r.confidential),
  late: flag(r.late),
  receivedAt: String(r.received_at),
  receivedOn: String(r.received_on),
  enteredBy: orNull(r.entered_by, String),
});

const toCheckpoint = (r: any): Checkpoint => ({
  format: r.format,
  seq: Number(r.seq),
  createdAt: r.created_at,
  treeSize: Number(r.tree_size),
  rootHash: r.root_hash,
  prevCheckpointHash: r.prev_checkpoint_hash,
  logRoot: r.log_root,
  heads: Number(r.heads),
  keyId: r.key_id,
  signature: r.signature,
});

const HISTORY_COLUMNS =
  'case_id, seq, type, payload, actor_user_id, actor_role, actor_org_unit, at, facts, workflow_kind, workflow_version, state_after, state_hash, prev_hash, hash';

async function hasTable(query: (sql: string, params?: unknown[]) => Promise<any[]>, name: string, pg: boolean): Promise<boolean> {
  const rows = pg
    ? await query(`SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1`, [name])
    : await query(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`, [name]);
  return rows.length > 0;
}

function readerOver(query: (sql: string, params?: unknown[]) => Promise<any[]>, pg: boolean, close: () => Promise<void>): DatabaseReader {
  const list = (n: number, from = 1) => Array.from({ length: n }, (_, i) => (pg ? `$${i + from}` : '?')).join(', ');
  let checkpointTables: Promise<boolean> | null = null;
  const withCheckpoints = () => (checkpointTables ??= hasTable(query, 'checkpoints', pg));
  let commentTable: Promise<boolean> | null = null;
  const withComments = () => (commentTable ??= hasTable(query, 'consultation_comments', pg));
  return {
    async caseIds() {
      return (await query('SELECT id FROM cases ORDER BY id')).map((r) => r.id);
    },
    async cases(ids) {
      if (!ids.length) return [];
      const rows = await query(`SELECT id, revision, head_hash, snapshot FROM cases WHERE id IN (${list(ids.length)})`, ids);
      return rows.map((r) => ({ ...r, revision: Number(r.revision) }));
    },
    async history(ids) {
      if (!ids.length) return [];
      return query(`SELECT ${HISTORY_COLUMNS} FROM case_history WHERE case_id IN (${list(ids.length)}) ORDER BY case_id, seq`, ids);
    },
    async checkpoints() {
      if (!(await withCheckpoints())) return [];
      return (await query('SELECT * FROM checkpoints ORDER BY seq')).map(toCheckpoint);
    },
    async anchors() {
      if (!(await withCheckpoints())) return [];
      const rows = await query('SELECT checkpoint_seq, case_id, seq, hash, leaf_index, proof FROM checkpoint_heads ORDER BY checkpoint_seq, case_id');
      return rows.map((r) => ({ ...r, checkpoint_seq: Number(r.checkpoint_seq), seq: Number(r.seq), leaf_index: Number(r.leaf_index) }));
    },
    async keys() {
      if (!(await withCheckpoints())) return [];
      return (await query('SELECT key_id, algorithm, spki FROM signing_keys ORDER BY created_at')).map((r) => ({
        keyId: r.key_id,
        algorithm: r.algorithm,
        spki: r.spki,
      }));
    },
    async comments(ids) {
      if (!ids.length || !(await withComments())) return [];
      const rows = await query(`SELECT * FROM consultation_comments WHERE case_id IN (${list(ids.length)}) ORDER BY case_id, round, received_at, id`, ids);
      return rows.map(toSealedComment);
    },
    close,
  };
}

/** Opens a reader. Throws with the driver's message when the database cannot be opened. */
export async function openDatabase(source: DatabaseSource): Promise<DatabaseReader> {
  if (source.type === 'sqlite') {
    const db = new Database(source.path, { readonly: true, fileMustExist: true });
    return readerOver(async (sql, params = []) => db.prepare(sql).all(...(params as unknown[])), false, async () => void db.close());
  }
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(source.schema)) throw new Error(`invalid schema name ${source.schema}`);
  const client = new Client({ connectionString: source.url });
  await client.connect();
  await client.query(`SET search_path TO ${source.schema}`);
  await client.query('SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY');
  return readerOver(async (sql, params = []) => (await client.query(sql, params as unknown[])).rows, true, () => client.end());
}
