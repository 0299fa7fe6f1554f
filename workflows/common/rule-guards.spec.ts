import { readFileSync } from 'fs';
import { join } from 'path';
import { ruleGuards } from './rule-guards';

describe('ruleGuards', () => {
  const rules = {
    positive: { check: ({ event }: { event: { payload: { n: number } } }) => event.payload.n > 0 },
    named: { check: ({ event }: { event: { payload: { name: string } } }) => event.payload.name.trim().length },
  };
  const guards = ruleGuards(rules);

  it('gives each rule a guard of the same name answering its check as a boolean', () => {
    expect(Object.keys(guards)).toEqual(['positive', 'named']);
    expect(guards.positive({ event: { payload: { n: 2 } } })).toBe(true);
    expect(guards.positive({ event: { payload: { n: 0 } } })).toBe(false);
    expect(guards.named({ event: { payload: { name: ' a ' } } })).toBe(true);
    expect(guards.named({ event: { payload: { name: '   ' } } })).toBe(false);
  });

  it('counts a check that throws (a malformed payload) as failing', () => {
    expect(guards.named({ event: { payload: {} as { name: string } } })).toBe(false);
  });

  it('is pure: no imports, no clock, no randomness', () => {
    const code = readFileSync(join(__dirname, 'rule-guards.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/^import\s/m);
    expect(code).not.toMatch(/Date\.now|new Date\(|Math\.random|console\.|process\.|require\(/);
  });
});
