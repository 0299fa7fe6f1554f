import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { guardOf, whenOf } from './transition-guards';

describe('transition guards', () => {
  it('no guard is undefined, one its name, several and([...]) in order: rules, then routing', () => {
    expect(guardOf([])).toBeUndefined();
    expect(guardOf(['a'])).toBe('a');
    expect(guardOf([], ['r'])).toBe('r');
    const g = guardOf(['a', 'b'], ['r']);
    expect(typeof g).toBe('function');
    expect(g.guards).toEqual(['a', 'b', 'r']);
  });

  it('reads the event’s rules', () => {
    const when = whenOf<'X' | 'Y' | 'Z', 'a' | 'b' | 'r'>({ X: [], Y: ['a'], Z: ['a', 'b'] } as const);
    expect(when('X')).toBeUndefined();
    expect(when('X', 'r')).toBe('r');
    expect(when('Y')).toBe('a');
    expect(when('Z', 'r').guards).toEqual(['a', 'b', 'r']);
  });

  it('is pure: imports xstate only, no clock, no randomness', () => {
    const code = readFileSync(join(__dirname, 'transition-guards.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect([...code.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1])).toEqual(['xstate']);
    expect(code).not.toMatch(/Date\.now|new Date\(|Math\.random|console\.|process\.|require\(/);
  });
});
