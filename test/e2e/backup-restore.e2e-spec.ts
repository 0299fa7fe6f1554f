/**
 * `docket backup` / `docket restore` (issue 14, operators' tools): the demo town backed up through
 * SQLite's online backup API while the API runs and writes, restored into a fresh DATA_DIR, and
 * `docket verify --all` passes on the restored town with every case and event there.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from '../../apps/cli/src/main';
import { DemoSeedService } from '../../apps/api/src/seed/demo-seed.service';
import { PROPOSAL } from '../factories/major-decision.factory';
import { ApiClient } from '../setup/api-client';
import { startTestApp, TestApp } from '../setup/test-app';

const cli = async (argv: string[], env: Record<string, string>) => {
  const out: string[] = [];
  const code = await run(argv, env, { write: (s) => out.push(s), progress: () => undefined });
  return { code, out: out.join('\n') };
};

describe('docket backup / restore (embedded SQLite)', () => {
  let t: TestApp;
  let dir: string;
  let source: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp('sqlite');
    await t.app.get(DemoSeedService).seedSampleCases();
    expect((await new ApiClient(t).post('admin', '/checkpoints')).status).toBe(201);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-backup-'));
    source = { SQLITE_PATH: (t.config.database as { path: string }).path };
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('backs up the running town, restores it into a fresh DATA_DIR, and verify --all passes there', async () => {
    const [{ cases, events }] = await t.sql('SELECT (SELECT COUNT(*) FROM cases) AS cases, (SELECT COUNT(*) FROM case_history) AS events');
    expect(Number(cases)).toBeGreaterThan(3);
    const file = path.join(dir, 'town.sqlite');

    // the API keeps writing while the backup is taken: the copy holds a consistent town from before, between or after
    const api = new ApiClient(t);
    await api.token('dept-head');
    const writing = Promise.all([1, 2, 3].map((i) => api.post('dept-head', '/cases', { kind: 'major-decision', title: `备份期间新建的决策 ${i}`, proposal: PROPOSAL })));
    const made = await cli(['backup', file], source);
    expect((await writing).map((r) => r.status)).toEqual([201, 201, 201]);
    expect(made).toMatchObject({ code: 0 });
    const m = /^backed up into (.+): (\d+) cases, (\d+) events, \d+ bytes$/.exec(made.out)!;
    expect(m[1]).toBe(file);
    const copied = { cases: Number(m[2]), events: Number(m[3]) };
    expect(copied.cases).toBeGreaterThanOrEqual(Number(cases));
    expect(copied.cases).toBeLessThanOrEqual(Number(cases) + 3);
    expect(copied.events - Number(events)).toBe(copied.cases - Number(cases));
    expect(await cli(['backup', file], source)).toMatchObject({ code: 2, out: expect.stringMatching(/exists/) });

    const fresh = path.join(dir, 'restored-data');
    const restored = await cli(['restore', file], { DATA_DIR: fresh });
    expect(restored.code).toBe(0);
    expect(restored.out).toMatch(new RegExp(`restored into ${path.join(fresh, 'docket.sqlite')}: ${copied.cases} cases, ${copied.events} events`));

    const verified = await cli(['verify', '--all', '--json'], { DATA_DIR: fresh });
    expect(verified.code).toBe(0);
    const summary = JSON.parse(verified.out);
    expect(summary).toMatchObject({ cases: copied.cases, events: copied.events, fail: 0, checkpoints: { ok: true } });

    // a DATA_DIR that has a database is never overwritten
    const before = fs.readFileSync(path.join(fresh, 'docket.sqlite'));
    expect(await cli(['restore', file], { DATA_DIR: fresh })).toMatchObject({ code: 2, out: expect.stringMatching(/exists.*move it aside/) });
    expect(fs.readFileSync(path.join(fresh, 'docket.sqlite')).equals(before)).toBe(true);
  });

  it('refuses what is not a Docket backup, and PostgreSQL', async () => {
    const junk = path.join(dir, 'junk.sqlite');
    fs.writeFileSync(junk, 'not a database at all, just text '.repeat(200));
    expect(await cli(['restore', junk], { DATA_DIR: path.join(dir, 'x') })).toMatchObject({ code: 2, out: expect.stringMatching(/^error: .*not a SQLite database|cannot be opened/) });
    expect(fs.existsSync(path.join(dir, 'x', 'docket.sqlite'))).toBe(false);
    expect(await cli(['restore', path.join(dir, 'missing.sqlite')], { DATA_DIR: path.join(dir, 'y') })).toMatchObject({ code: 2, out: expect.stringMatching(/no backup file/) });
    expect(await cli(['backup', path.join(dir, 'pg.sqlite')], { DATABASE_URL: 'postgres://x@127.0.0.1/db' })).toMatchObject({ code: 2, out: expect.stringMatching(/pg_dump/) });
    expect(await cli(['backup'], source)).toMatchObject({ code: 2, out: expect.stringMatching(/needs one file/) });
  });
});
