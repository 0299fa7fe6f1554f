/**
 * `npm run api:types`: builds the API's OpenAPI document (the one served at /api/docs), writes it to
 * apps/web/src/api/openapi.json and types the console's client from it with openapi-typescript
 * (apps/web/src/api/schema.d.ts). Both files are committed; `--check` fails when they are stale
 * (api-types.spec.ts runs it in `npm test`).
 *
 * openapi-typescript declares a TypeScript 5 peer; package.json `overrides` gives it the project's
 * TypeScript 6, whose compiler API it uses (factory + printer) unchanged.
 */
import { loadConfig } from '@app/config';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createApp, openApiDocument } from '../../api/src/app.factory';

export const OUT_DIR = path.join(__dirname, '..', 'src', 'api');
export const DOC_FILE = path.join(OUT_DIR, 'openapi.json');
export const TYPES_FILE = path.join(OUT_DIR, 'schema.d.ts');

/** The OpenAPI document of an API on a throwaway embedded database (no test clock, no queues). */
export async function buildDocument(): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-openapi-'));
  const config = loadConfig({ DATA_DIR: dir, JWT_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'silent' });
  const app = await createApp(config);
  try {
    return JSON.parse(JSON.stringify(openApiDocument(app)));
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function generate(): Promise<{ doc: string; types: string }> {
  const document = await buildDocument();
  // its CommonJS build (loaded here so that only this script needs it) requires ES modules: Node 20.19+ does that, jest does not
  const lib = require('openapi-typescript') as typeof import('openapi-typescript');
  const openapiTS = (lib as unknown as { default?: typeof lib }).default ?? lib;
  const { astToString, COMMENT_HEADER } = lib;
  const ast = await openapiTS(document as never, { alphabetize: true });
  return { doc: JSON.stringify(document, null, 2) + '\n', types: COMMENT_HEADER + astToString(ast) };
}

async function main() {
  const { doc, types } = await generate();
  if (process.argv.includes('--check')) {
    const stale = [
      [DOC_FILE, doc],
      [TYPES_FILE, types],
    ].filter(([file, text]) => !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text);
    if (stale.length) {
      console.error(`stale: ${stale.map(([f]) => path.relative(process.cwd(), f)).join(', ')}; run npm run api:types`);
      process.exit(1);
    }
    console.log('API types are up to date');
    return;
  }
  fs.writeFileSync(DOC_FILE, doc);
  fs.writeFileSync(TYPES_FILE, types);
  console.log(`wrote ${path.relative(process.cwd(), DOC_FILE)} and ${path.relative(process.cwd(), TYPES_FILE)}`);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
