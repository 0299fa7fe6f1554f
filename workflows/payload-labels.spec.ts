import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every labels file under workflows/ (the payload field docs next to the payload classes). */
function labelsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return labelsFiles(path);
    return name.endsWith('.labels.ts') ? [path] : [];
  });
}

const runtimeImports = (file: string) =>
  [...readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').matchAll(/^import\s+(?!type\b)(?:[^;]*?from\s+)?'([^']+)'/gm)].map((m) => m[1]);

describe('payload labels files', () => {
  const files = labelsFiles(__dirname);

  it('exist next to the payload classes of every workflow and of the shared payloads', () => {
    const dirs = files.map((f) => relative(__dirname, f).split('/').slice(0, -1).join('/'));
    expect(dirs).toEqual(expect.arrayContaining(['common', 'common/legality-review', 'common/collective-decision', 'major-decision/v1', 'normative-document/v1']));
  });

  it('are pure data: they import only the payload classes they describe (and types), no clock, no I/O', () => {
    for (const file of files) {
      for (const spec of runtimeImports(file)) expect([relative(__dirname, file), spec]).toEqual([relative(__dirname, file), expect.stringMatching(/^\.\/.*\.payloads?$/)]);
      expect(readFileSync(file, 'utf8')).not.toMatch(/Date\.now|new Date\(|Math\.random|console\.|process\.|require\(/);
    }
  });
});
