import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { TYPES_FILE } from './api-types';

const ROOT = path.join(__dirname, '..', '..', '..');

/**
 * The console's client is typed from the API's own OpenAPI document: the committed openapi.json and
 * schema.d.ts must be what `npm run api:types` writes now. (The script runs in its own Node process:
 * openapi-typescript needs Node's require of ES modules, which jest's module loader lacks.)
 */
describe('generated API types of the web console', () => {
  it('apps/web/src/api/openapi.json and schema.d.ts match what the API builds now (else: npm run api:types)', () => {
    const run = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/web/scripts/api-types.ts', '--check'],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.json' }, timeout: 90_000 },
    );
    expect(`${run.stdout}${run.stderr}`.trim()).toBe('API types are up to date');
    expect(run.status).toBe(0);
  }, 100_000);

  it('types the calls the console makes, e.g. the 我发起的 / 已办 filter of the case list', () => {
    const types = fs.readFileSync(TYPES_FILE, 'utf8');
    expect(types).toContain('"/api/v1/cases"');
    expect(types).toMatch(/mine\?: "created" \| "acted"/);
  });
});
