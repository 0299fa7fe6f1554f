import * as fs from 'fs';
import { DOC_FILE, generate, TYPES_FILE } from './api-types';

/** The console's client is typed from the API's own OpenAPI document: the committed types must match it. */
describe('generated API types of the web console', () => {
  it('apps/web/src/api/openapi.json and schema.d.ts match what the API builds now (else: npm run api:types)', async () => {
    const { doc, types } = await generate();
    expect(fs.readFileSync(DOC_FILE, 'utf8')).toBe(doc);
    expect(fs.readFileSync(TYPES_FILE, 'utf8')).toBe(types);
    // the console's calls are typed, e.g. the 我发起的 / 已办 filter
    expect(types).toContain('"/api/v1/cases"');
    expect(types).toMatch(/mine\?: "created" \| "acted"/);
  });
});
