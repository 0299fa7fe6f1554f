import type Database from 'better-sqlite3';
import type { PgClient } from './databases';
import type { CaseRowValues, HistoryRowValues, PlannedCase, PlannedStep } from './engine';
import type { Recorder } from './stats';

/**
 * The raw baselines: the same driver Docket uses, with no ORM and no engine, committing the rows
 * the runtime commits for each transition (computed beforehand by `planApprovalCases`):
 * one transaction = compare-and-swap UPDATE of the case row + INSERT of the history row.
 */

const CASE_COLUMNS: Array<keyof CaseRowValues> = [
  'id',
  'kind',
  'workflow_version',
  'title',
  'org_unit',
  'org_units',
  'state_path',
  'state_value',
  'status',
  'snapshot',
  'revision',
  'head_hash',
  'visible_to_reviewers',
  'created_by',
  'created_at',
  'updated_at',
];
const HISTORY_COLUMNS: Array<keyof HistoryRowValues> = [
  'case_id',
  'seq',
  'type',
  'payload',
  'actor_user_id',
  'actor_role',
  'actor_org_unit',
  'at',
  'facts',
  'workflow_kind',
  'workflow_version',
  'state_after',
  'state_hash',
  'prev_hash',
  'hash',
];
const PATCH_COLUMNS: Array<keyof PlannedStep['patch']> = [
  'state_path',
  'state_value',
  'status',
  'snapshot',
  'head_hash',
  'visible_to_reviewers',
  'org_units',
  'updated_at',
  'workflow_version',
];

type Placeholder = (i: number) => string;
const sqlitePh: Placeholder = () => '?';
const pgPh: Placeholder = (i) => `$${i}`;

function insertSql(table: string, columns: readonly string[], ph: Placeholder): string {
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => ph(i + 1)).join(', ')})`;
}

function updateSql(ph: Placeholder): string {
  const sets = PATCH_COLUMNS.map((c, i) => `${c} = ${ph(i + 1)}`);
  const n = PATCH_COLUMNS.length;
  return `UPDATE cases SET ${sets.join(', ')}, revision = revision + 1 WHERE id = ${ph(n + 1)} AND revision = ${ph(n + 2)}`;
}

const sqliteValue = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v);
const values = <T extends object>(row: T, columns: ReadonlyArray<keyof T>, map = (v: unknown) => v) => columns.map((c) => map(row[c]));
const updateValues = (s: PlannedStep, map = (v: unknown) => v) => [...values(s.patch, PATCH_COLUMNS, map), s.caseId, s.expectedRevision];

/** Transitions in the order the DB measurements send them: step 1 of every case, then step 2, … */
export function stepsInOrder(cases: readonly PlannedCase[]): PlannedStep[] {
  const steps = cases[0]?.steps.length ?? 0;
  const out: PlannedStep[] = [];
  for (let s = 0; s < steps; s++) for (const c of cases) out.push(c.steps[s]);
  return out;
}

/** A raw baseline: `load` inserts the cases (not timed), `run` commits their transitions step by step. */
export interface RawBaseline {
  load(cases: readonly PlannedCase[]): Promise<void>;
  run(cases: readonly PlannedCase[], rec?: Recorder): Promise<void>;
  close(): Promise<void>;
}

/** better-sqlite3, WAL + synchronous=FULL, prepared statements, one transaction per transition. */
export function rawSqlite(db: Database.Database): RawBaseline {
  const insCase = db.prepare(insertSql('cases', CASE_COLUMNS, sqlitePh));
  const insHistory = db.prepare(insertSql('case_history', HISTORY_COLUMNS, sqlitePh));
  const update = db.prepare(updateSql(sqlitePh));
  const create = db.transaction((pc: PlannedCase) => {
    insCase.run(values(pc.row, CASE_COLUMNS, sqliteValue));
    insHistory.run(values(pc.history, HISTORY_COLUMNS, sqliteValue));
  });
  const advance = db.transaction((s: PlannedStep) => {
    const res = update.run(updateValues(s, sqliteValue));
    if (res.changes !== 1) throw new Error(`CAS failed for ${s.caseId}@${s.expectedRevision}`);
    insHistory.run(values(s.history, HISTORY_COLUMNS, sqliteValue));
  });
  return {
    load: async (cases) => cases.forEach((pc) => create(pc)),
    run: async (cases, rec) => {
      rec?.start();
      for (const s of stepsInOrder(cases)) {
        if (rec) await rec.time(() => advance(s));
        else advance(s);
      }
      rec?.pause();
    },
    close: async () => void db.close(),
  };
}

/** pg Client, named prepared statements, BEGIN / UPDATE (CAS) / INSERT / COMMIT per transition. */
export function rawPostgres(client: PgClient): RawBaseline {
  const insCase = { name: 'bench_ins_case', text: insertSql('cases', CASE_COLUMNS, pgPh) };
  const insHistory = { name: 'bench_ins_history', text: insertSql('case_history', HISTORY_COLUMNS, pgPh) };
  const update = { name: 'bench_cas_case', text: updateSql(pgPh) };
  const tx = async (work: () => Promise<void>) => {
    await client.query('BEGIN');
    try {
      await work();
      await client.query('COMMIT');
    } catch (e) {
      await client.query('ROLLBACK');
      throw e;
    }
  };
  const create = (pc: PlannedCase) =>
    tx(async () => {
      await client.query({ ...insCase, values: values(pc.row, CASE_COLUMNS) });
      await client.query({ ...insHistory, values: values(pc.history, HISTORY_COLUMNS) });
    });
  const advance = (s: PlannedStep) =>
    tx(async () => {
      const res = await client.query({ ...update, values: updateValues(s) });
      if (res.rowCount !== 1) throw new Error(`CAS failed for ${s.caseId}@${s.expectedRevision}`);
      await client.query({ ...insHistory, values: values(s.history, HISTORY_COLUMNS) });
    });
  return {
    load: async (cases) => {
      for (const pc of cases) await create(pc);
    },
    run: async (cases, rec) => {
      rec?.start();
      for (const s of stepsInOrder(cases)) {
        if (rec) await rec.time(() => advance(s));
        else await advance(s);
      }
      rec?.pause();
    },
    close: () => client.end(),
  };
}
