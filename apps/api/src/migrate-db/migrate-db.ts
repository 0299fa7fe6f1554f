import { dataSourceOptions } from '@app/persistence';
import * as fs from 'fs';
import * as path from 'path';
import { DataSource } from 'typeorm';

export interface MigrateDbOptions {
  /** the embedded database to copy */
  sqlitePath: string;
  /** its DATA_DIR (attachments are files there on the embedded default) */
  dataDir: string;
  /** the target PostgreSQL */
  url: string;
  schema: string;
  progress?: (line: string) => void;
}

export interface MigrateDbSummary {
  tables: Array<{ table: string; rows: number }>;
  cases: number;
  /** cases whose head hash and history in the target are byte for byte those of the source */
  casesIdentical: number;
  attachmentFiles: number;
}

/** Tables that are not the town's records: each database keeps its own migration log; the test clock is a test's. */
const SKIPPED = new Set(['migrations', 'typeorm_metadata', 'test_clock']);
const BATCH = 200;

/**
 * Copies an embedded town (SQLite) into an empty PostgreSQL schema: the target gets the schema
 * from the same migrations, then every row of every table, in one transaction, in the order of the
 * foreign keys, values converted by the target column's type (SQLite's 0/1 booleans, attachment
 * files into `attachments.content`). Nothing is recomputed: hashes, signatures and revisions are
 * copied as recorded, so the chain and the checkpoints verify on the target as they did on the
 * source (the test runs `docket verify --all` there). Refuses a target that already holds a town.
 */
export async function migrateDb(o: MigrateDbOptions): Promise<MigrateDbSummary> {
  const say = o.progress ?? (() => undefined);
  if (!fs.existsSync(o.sqlitePath)) throw new Error(`no embedded database at ${o.sqlitePath}`);
  const source = new DataSource(dataSourceOptions({ database: { type: 'sqlite', path: o.sqlitePath }, dbLogging: false } as never));
  const target = new DataSource(dataSourceOptions({ database: { type: 'postgres', url: o.url, schema: o.schema }, dbLogging: false } as never));
  await source.initialize();
  try {
    await ensureSchema(o.url, o.schema);
    await target.initialize();
    try {
      const held = await target.query(`SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM users) AS n`);
      if (Number(held[0].n) > 0) throw new Error(`the target schema "${o.schema}" already holds a town (cases or users): migrate into an empty one`);
      const tables = ((await source.query(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)) as Array<{ name: string }>)
        .map((t) => t.name)
        .filter((t) => !SKIPPED.has(t));
      const order = await foreignKeyOrder(target, o.schema, tables);
      const summary: MigrateDbSummary = { tables: [], cases: 0, casesIdentical: 0, attachmentFiles: 0 };
      const runner = target.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        for (const table of order) {
          const types = await columnTypes(runner.query.bind(runner), o.schema, table);
          const rows: Array<Record<string, unknown>> = await source.query(`SELECT * FROM "${table}"`);
          for (let i = 0; i < rows.length; i += BATCH) {
            const batch = rows.slice(i, i + BATCH).map((r) => convert(r, types));
            if (table === 'attachments') summary.attachmentFiles += await withFileContent(batch, o.dataDir);
            await insert(runner.query.bind(runner), table, batch);
          }
          await resetSerials(runner.query.bind(runner), o.schema, table);
          summary.tables.push({ table, rows: rows.length });
          say(`${table}: ${rows.length}\n`);
        }
        await runner.commitTransaction();
      } catch (e) {
        await runner.rollbackTransaction();
        throw e;
      } finally {
        await runner.release();
      }
      // the copy, read back: every case's head and history as the source has them
      const heads = async (ds: DataSource) =>
        new Map(
          ((await ds.query(`SELECT c.id, c.head_hash, c.revision, (SELECT count(*) FROM case_history h WHERE h.case_id = c.id) AS n, (SELECT max(h.hash) FROM case_history h WHERE h.case_id = c.id AND h.seq = c.revision) AS last FROM cases c`)) as Array<{ id: string; head_hash: string; revision: number | string; n: number | string; last: string | null }>).map((r) => [
            r.id,
            `${r.head_hash}/${Number(r.revision)}/${Number(r.n)}/${r.last}`,
          ]),
        );
      const [a, b] = [await heads(source), await heads(target)];
      summary.cases = a.size;
      for (const [id, h] of a) if (b.get(id) === h) summary.casesIdentical++;
      return summary;
    } finally {
      await target.destroy();
    }
  } finally {
    await source.destroy();
  }
}

async function ensureSchema(url: string, schema: string): Promise<void> {
  const { Client } = await import('pg');
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '""')}"`);
  } finally {
    await c.end();
  }
}

type Query = (sql: string, params?: unknown[]) => Promise<any>;

/** The tables in an order where every row's foreign keys point to rows already copied. */
async function foreignKeyOrder(target: DataSource, schema: string, tables: string[]): Promise<string[]> {
  const refs: Array<{ child: string; parent: string }> = await target.query(
    `SELECT DISTINCT tc.table_name AS child, ccu.table_name AS parent
       FROM information_schema.table_constraints tc
       JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.constraint_schema = tc.constraint_schema
      WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = $1`,
    [schema],
  );
  const known = new Set(tables);
  const done: string[] = [];
  const left = new Set(tables);
  while (left.size) {
    const ready = [...left].filter((t) => refs.every((r) => r.child !== t || r.parent === t || !known.has(r.parent) || done.includes(r.parent)));
    if (!ready.length) throw new Error(`foreign keys form a cycle among ${[...left].join(', ')}`);
    for (const t of ready.sort()) {
      done.push(t);
      left.delete(t);
    }
  }
  return done;
}

async function columnTypes(q: Query, schema: string, table: string): Promise<Map<string, string>> {
  const cols: Array<{ column_name: string; data_type: string }> = await q(`SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2`, [schema, table]);
  if (!cols.length) throw new Error(`the target has no table ${table}: is the embedded database newer than this Docket?`);
  return new Map(cols.map((c) => [c.column_name, c.data_type]));
}

function convert(row: Record<string, unknown>, types: Map<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    const type = types.get(k);
    if (!type) throw new Error(`column ${k} has no counterpart in the target`);
    out[k] = v === null ? null : type === 'boolean' ? v === 1 || v === true || v === '1' : v;
  }
  return out;
}

/** Attachments on the embedded default are files under DATA_DIR/attachments; PostgreSQL keeps the bytes. */
async function withFileContent(rows: Array<Record<string, unknown>>, dataDir: string): Promise<number> {
  let n = 0;
  for (const r of rows) {
    if (r.content) continue;
    const sha = String(r.sha256);
    const file = path.join(dataDir, 'attachments', sha.slice(0, 2), sha);
    if (!fs.existsSync(file)) throw new Error(`attachment ${sha} is recorded but its file ${file} is missing`);
    r.content = await fs.promises.readFile(file);
    n++;
  }
  return n;
}

async function insert(q: Query, table: string, rows: Array<Record<string, unknown>>): Promise<void> {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]);
  const params: unknown[] = [];
  const values = rows.map((r) => `(${cols.map((c) => (params.push(r[c]), `$${params.length}`)).join(', ')})`).join(', ');
  await q(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES ${values}`, params);
}

/** SERIAL columns continue after the copied ids. */
async function resetSerials(q: Query, schema: string, table: string): Promise<void> {
  const serials: Array<{ column_name: string }> = await q(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND column_default LIKE 'nextval(%'`,
    [schema, table],
  );
  for (const { column_name } of serials) {
    await q(`SELECT setval(pg_get_serial_sequence($1, $2), GREATEST((SELECT COALESCE(max("${column_name}"), 0) FROM "${table}"), 1), (SELECT count(*) > 0 FROM "${table}"))`, [`"${schema}"."${table}"`, column_name]);
  }
}
