/**
 * docket — the offline verifier and key tool. A separate program from the server: it shares no
 * write-path code with it (only the pure engine, the audit library and the workflow machines), so
 * an auditor can judge Docket's records without trusting Docket.
 *
 *   npm run docket -- verify <bundle.json> [--key <public-key.pem>]… [--json]
 *   npm run docket -- verify --all [--key <public-key.pem>]… [--json]   (DATABASE_URL [DATABASE_SCHEMA] or SQLITE_PATH / DATA_DIR)
 *   npm run docket -- keygen [--out <file>]
 *   npm run docket -- backup <file>    (embedded SQLite: SQLITE_PATH / DATA_DIR; online, while the server runs)
 *   npm run docket -- restore <file>   (into a DATA_DIR / SQLITE_PATH that holds no database yet)
 *
 * Exit status: 0 PASS or WARN, 1 FAIL, 2 usage or input error.
 */
import { WorkflowRegistry } from '@app/engine';
import { allWorkflows } from '@app/workflows';
import * as path from 'path';
import { backup, BackupSummary, restore } from './backup.command';
import { DatabaseSource, openDatabase } from './database-reader';
import { keygen } from './keygen.command';
import { bundleReport, summaryReport } from './report';
import { verifyAll } from './verify-all.command';
import { readPublicKeys, verifyBundleFile } from './verify-bundle.command';

const USAGE = `usage:
  docket verify <bundle.json> [--key <public-key.pem>]... [--json]
  docket verify --all [--key <public-key.pem>]... [--json]
      reads DATABASE_URL (+ DATABASE_SCHEMA) or SQLITE_PATH (default DATA_DIR/docket.sqlite, DATA_DIR default ./data)
  docket keygen [--out <file>]
  docket backup <file>      a consistent copy of the embedded database (SQLITE_PATH or DATA_DIR), while the server runs
  docket restore <file>     the backup becomes the embedded database of a DATA_DIR (or SQLITE_PATH) without one`;

class UsageError extends Error {}

/** The database `verify --all` reads, from the same variables the server uses. */
export function databaseSource(env: Record<string, string | undefined>): DatabaseSource {
  if (env.DATABASE_URL) return { type: 'postgres', url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA || 'public' };
  const dataDir = env.DATA_DIR || './data';
  return { type: 'sqlite', path: env.SQLITE_PATH || path.join(dataDir, 'docket.sqlite') };
}

function options(args: string[]) {
  const keys: string[] = [];
  const rest: string[] = [];
  let json = false;
  let all = false;
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--key') keys.push(args[++i] ?? '');
    else if (a === '--json') json = true;
    else if (a === '--all') all = true;
    else if (a === '--out') out = args[++i];
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else rest.push(a);
  }
  if (keys.some((k) => !k)) throw new UsageError('--key needs a file');
  return { keys, rest, json, all, out };
}

/** Runs the CLI; returns the exit status. `write` / `progress` receive stdout / stderr text. */
export async function run(
  argv: string[],
  env: Record<string, string | undefined>,
  io: { write: (s: string) => void; progress: (s: string) => void } = {
    write: (s) => process.stdout.write(s + '\n'),
    progress: (s) => process.stderr.write(s),
  },
): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (command === 'keygen') {
      io.write(keygen(options(args).out));
      return 0;
    }
    if (command === 'backup' || command === 'restore') {
      const { rest } = options(args);
      if (rest.length !== 1) throw new UsageError(`${command} needs one file`);
      const source = databaseSource(env);
      if (source.type !== 'sqlite') throw new UsageError(`${command} is for the embedded SQLite database; with DATABASE_URL use pg_dump / pg_restore`);
      const done: BackupSummary = command === 'backup' ? await backup(source.path, rest[0]) : await restore(rest[0], source.path);
      io.write(`${command === 'backup' ? 'backed up into' : 'restored into'} ${done.file}: ${done.cases} cases, ${done.events} events, ${done.bytes} bytes`);
      return 0;
    }
    if (command !== 'verify') throw new UsageError(command ? `unknown command ${command}` : 'no command');
    const opts = options(args);
    const pinned = opts.keys.length ? readPublicKeys(opts.keys) : undefined;
    const registry = new WorkflowRegistry(allWorkflows);
    if (opts.all) {
      if (opts.rest.length) throw new UsageError('verify --all takes no file');
      const source = databaseSource(env);
      const db = await openDatabase(source);
      try {
        const tty = process.stderr.isTTY;
        const summary = await verifyAll(registry, db, {
          pinnedKeys: pinned,
          onProgress: (done, total, events) => {
            const pct = total ? Math.floor((done / total) * 100) : 100;
            const bar = '#'.repeat(Math.floor(pct / 5)).padEnd(20, '.');
            io.progress(`${tty ? '\r' : ''}[${bar}] ${pct}% ${done}/${total} cases, ${events} events${tty ? '' : '\n'}`);
          },
        });
        if (process.stderr.isTTY) io.progress('\n');
        io.write(opts.json ? JSON.stringify(summary, null, 2) : summaryReport(summary));
        return summary.fail || !summary.checkpoints.ok ? 1 : 0;
      } finally {
        await db.close();
      }
    }
    if (opts.rest.length !== 1) throw new UsageError('verify needs one bundle file (or --all)');
    const verdict = verifyBundleFile(registry, opts.rest[0], pinned);
    io.write(opts.json ? JSON.stringify(verdict, null, 2) : bundleReport(verdict, opts.rest[0]));
    return verdict.status === 'FAIL' ? 1 : 0;
  } catch (e) {
    io.write(e instanceof UsageError ? `${e.message}\n${USAGE}` : `error: ${(e as Error).message}`);
    return 2;
  }
}

if (require.main === module) {
  run(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(2);
    },
  );
}
