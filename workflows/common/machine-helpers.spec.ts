import { readFileSync } from 'fs';
import { join } from 'path';
import { isDay, lastOf, nonEmpty, ofRound, orNull, payloadOf, strings } from './machine-helpers';

describe('machine helpers', () => {
  it('read a payload defensively', () => {
    expect(payloadOf<{ a: number }>({ payload: { a: 1 } })).toEqual({ a: 1 });
    for (const payload of [undefined, null, 'x', 3]) expect(payloadOf({ payload })).toEqual({});
  });

  it('check and shape values', () => {
    expect([nonEmpty(' a '), nonEmpty('  '), nonEmpty(3)]).toEqual([true, false, false]);
    expect([isDay('2020-10-16'), isDay('2020-10-16T00:00Z'), isDay(20201016)]).toEqual([true, false, false]);
    expect(strings(['a', 1, 'b', null])).toEqual(['a', 'b']);
    expect(strings('a')).toEqual([]);
    expect([orNull(undefined), orNull(null), orNull(0), orNull('')]).toEqual([null, null, 0, '']);
    expect([lastOf([1, 2, 3]), lastOf([])]).toEqual([3, undefined]);
    expect(ofRound([{ round: 1, x: 'a' }, { round: 2, x: 'b' }, { round: 1, x: 'c' }], 1).map((r) => r.x)).toEqual(['a', 'c']);
  });

  it('are pure: no imports, no clock, no randomness', () => {
    const code = readFileSync(join(__dirname, 'machine-helpers.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/^import\s/m);
    expect(code).not.toMatch(/Date\.now|new Date\(|Math\.random|console\.|process\.|require\(/);
  });
});
