import { DocketConfig, loadConfig } from '@app/config';
import { dataSourceOptions } from '@app/persistence';
import Database from 'better-sqlite3';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DataSource } from 'typeorm';

export type Driver = 'sqlite' | 'postgres';

/** The PostgreSQL the bench uses (a database whose name contains "test"; it creates and drops `bench_*` schemas in it). */
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

// `pg` ships no type declarations and @types/pg is not installed: the little the bench uses, typed here.
export interface PgResult {
  rows: any[];
  rowCount: number | null;
}
export interface PgClient {
  connect(): Promise<void>;
  query(text: string | { name?: string; text: string; values?: unknown[] }, values?: unknown[]): Promise<PgResult>;
  end(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pg = require('pg') as { Client: new (opts: { connectionString: string; options?: string }) => PgClient };

export async function pgClient(schema?: string): Promise<PgClient> {
  const client = new pg.Client({ connectionString: BENCH_DATABASE_URL, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  await client.connect();
  return client;
}

/** better-sqlite3 opened as Docket opens it (see `dataSourceOptions`): WAL, synchronous=FULL, foreign keys. */
export function openSqlite(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  return db;
}

/**
 * A fresh database with Docket's schema (created by the real migrations): a new SQLite file in a
 * temporary directory, or a new `bench_*` schema in the PostgreSQL test database.
 */
export interface BenchDatabase {
  driver: Driver;
  name: string;
  config: DocketConfig;
  /** SQLite file (sqlite) */
  file?: string;
  /** PostgreSQL schema (postgres) */
  schema?: string;
}

/** Installed versions of the packages the numbers depend on. */
export function packageVersions(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['better-sqlite3', 'pg', 'typeorm', 'xstate', 'class-validator', 'bpmn-engine']) {
    try {
      // some packages do not export ./package.json: find it next to the resolved entry point
      let dir = path.dirname(require.resolve(name));
      while (!fs.existsSync(path.join(dir, 'package.json')) || JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name !== name) {
        const up = path.dirname(dir);
        if (up === dir) throw new Error('not found');
        dir = up;
      }
      out[name] = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
    } catch {
      out[name] = '?';
    }
  }
  return out;
}

export class BenchDatabases {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-bench-'));
  private readonly id = randomBytes(4).toString('hex');
  private readonly schemas: string[] = [];
  private readonly dataSources: DataSource[] = [];
  private admin?: PgClient;

  async create(driver: Driver, name: string): Promise<BenchDatabase> {
    const base = { LOG_LEVEL: 'silent', JWT_SECRET: randomBytes(32).toString('hex') };
    if (driver === 'sqlite') {
      const file = path.join(this.dir, `${name}.sqlite`);
      return { driver, name, file, config: loadConfig({ ...base, SQLITE_PATH: file }) };
    }
    const schema = `bench_${this.id}_${name.replace(/[^a-z0-9_]/g, '_')}`;
    this.admin ??= await pgClient();
    await this.admin.query(`CREATE SCHEMA ${schema}`);
    this.schemas.push(schema);
    return { driver, name, schema, config: loadConfig({ ...base, DATABASE_URL: BENCH_DATABASE_URL, DATABASE_SCHEMA: schema }) };
  }

  /** Docket's TypeORM data source on `db` (the migrations run here). */
  async dataSource(db: BenchDatabase): Promise<DataSource> {
    const ds = new DataSource(dataSourceOptions(db.config));
    await ds.initialize();
    this.dataSources.push(ds);
    return ds;
  }

  /** Creates the schema with the migrations and closes the data source (for the raw baselines). */
  async migrate(db: BenchDatabase): Promise<void> {
    const ds = await this.dataSource(db);
    await this.close(ds);
  }

  async close(ds: DataSource): Promise<void> {
    const i = this.dataSources.indexOf(ds);
    if (i >= 0) this.dataSources.splice(i, 1);
    if (ds.isInitialized) await ds.destroy();
  }

  async versions(): Promise<{ sqlite: string; postgres: string; postgresSettings: string; packages: Record<string, string> }> {
    const mem = new Database(':memory:');
    const sqlite = (mem.prepare('select sqlite_version() as v').get() as { v: string }).v;
    mem.close();
    this.admin ??= await pgClient();
    const postgres = (await this.admin.query('show server_version')).rows[0].server_version as string;
    const settings: string[] = [];
    for (const s of ['synchronous_commit', 'fsync', 'wal_sync_method', 'shared_buffers']) {
      settings.push(`${s}=${(await this.admin.query(`show ${s}`)).rows[0][s]}`);
    }
    return { sqlite, postgres, postgresSettings: settings.join(', '), packages: packageVersions() };
  }

  /** Closes what is open, drops the schemas, removes the temporary directory. Safe to call twice. */
  async cleanup(): Promise<void> {
    for (const ds of this.dataSources.splice(0)) await ds.destroy().catch(() => undefined);
    if (this.schemas.length) {
      this.admin ??= await pgClient().catch(() => undefined);
      for (const s of this.schemas.splice(0)) await this.admin?.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`).catch(() => undefined);
    }
    await this.admin?.end().catch(() => undefined);
    this.admin = undefined;
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
