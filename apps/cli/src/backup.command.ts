import Database from 'better-sqlite3';
import * as fs from 'fs';
import * as path from 'path';

/** Tables every Docket database has: a file without them is not a Docket backup. */
const DOCKET_TABLES = ['cases', 'case_history', 'migrations'];

export class BackupError extends Error {}

export interface BackupSummary {
  file: string;
  bytes: number;
  cases: number;
  events: number;
}

/** Opens a SQLite file read-only and checks that it is a whole Docket database; answers its counts. */
function inspect(file: string): { cases: number; events: number } {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new BackupError(`${file} cannot be opened as SQLite: ${(e as Error).message}`);
  }
  try {
    let check: string;
    try {
      check = String(db.pragma('quick_check', { simple: true }));
    } catch (e) {
      throw new BackupError(`${file} is not a SQLite database: ${(e as Error).message}`);
    }
    if (check !== 'ok') throw new BackupError(`${file} failed SQLite's integrity check: ${check}`);
    const tables = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map((r) => r.name));
    const missing = DOCKET_TABLES.filter((t) => !tables.has(t));
    if (missing.length) throw new BackupError(`${file} is not a Docket database (no table ${missing.join(', ')})`);
    const count = (table: string) => Number((db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n);
    return { cases: count('cases'), events: count('case_history') };
  } finally {
    db.close();
  }
}

/**
 * `docket backup <file>`: a consistent copy of the embedded database through SQLite's online backup
 * API, while the server runs (the source is opened read-only; writers go on). The copy is checked
 * (integrity, Docket's tables) before it is reported. Refuses to overwrite a file.
 */
export async function backup(source: string, file: string): Promise<BackupSummary> {
  if (!fs.existsSync(source)) throw new BackupError(`no database at ${source} (set SQLITE_PATH or DATA_DIR)`);
  if (fs.existsSync(file)) throw new BackupError(`${file} exists; choose a new file`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  const partial = `${file}.partial`;
  try {
    await db.backup(partial);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw new BackupError(`backup of ${source} failed: ${(e as Error).message}`);
  } finally {
    db.close();
  }
  try {
    const counts = inspect(partial);
    fs.renameSync(partial, file);
    return { file, bytes: fs.statSync(file).size, ...counts };
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
}

/**
 * `docket restore <file>`: the backup, checked first, becomes the embedded database at `target`
 * (SQLITE_PATH, or DATA_DIR/docket.sqlite). Only into a place that holds no database yet: a
 * running or existing town is never overwritten (move it aside first).
 */
export async function restore(file: string, target: string): Promise<BackupSummary> {
  if (!fs.existsSync(file)) throw new BackupError(`no backup file ${file}`);
  const counts = inspect(file);
  for (const f of [target, `${target}-wal`, `${target}-shm`, `${target}.partial`]) {
    if (fs.existsSync(f)) throw new BackupError(`${f} exists: restore goes into a DATA_DIR (or SQLITE_PATH) without a database; move it aside first`);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await db.backup(partial);
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw new BackupError(`restore into ${target} failed: ${(e as Error).message}`);
  } finally {
    db.close();
  }
  fs.renameSync(partial, target);
  return { file: target, bytes: fs.statSync(target).size, ...counts };
}
