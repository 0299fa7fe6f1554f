import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeRuleCases } from './rule-cases';

describe('rule-cases helper', () => {
  it('is a function the specs call', () => {
    expect(typeof describeRuleCases).toBe('function');
  });

  it('imports nothing at run time (engine types only); no clock, no randomness', () => {
    const code = readFileSync(join(__dirname, 'rule-cases.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect([...code.matchAll(/^import\s+(?!type\b)(?:[^;]*?from\s+)?'([^']+)'/gm)].map((m) => m[1])).toEqual([]);
    expect(code).not.toMatch(/Date\.now|new Date\(|Math\.random|console\.|process\.|require\(/);
  });
});
