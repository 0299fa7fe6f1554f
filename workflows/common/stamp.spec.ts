import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { roundWithdrawal, stamp, withdrawal } from './stamp';

describe('stamp', () => {
  it('copies the actor (userId, role, orgUnit, in this order) and the time, nothing else', () => {
    const actor = { userId: 'u-1', role: 'secretary', orgUnit: '党政办', displayName: 'x' } as never;
    const s = stamp({ actor, at: '2024-03-01T02:00:00.000Z', payload: { a: 1 } } as never);
    expect(s).toEqual({ by: { userId: 'u-1', role: 'secretary', orgUnit: '党政办' }, at: '2024-03-01T02:00:00.000Z' });
    expect(Object.keys(s)).toEqual(['by', 'at']);
    expect(Object.keys(s.by)).toEqual(['userId', 'role', 'orgUnit']);
    expect(s.by).not.toBe(actor);
  });

  it('builds withdrawal records with the keys in the workflows’ order', () => {
    const st = { by: { userId: 'u', role: 'town-head', orgUnit: 'x' }, at: 'T' };
    const w = withdrawal(st, { payload: { reason: '撤回' } });
    expect(w).toEqual({ ...st, reason: '撤回' });
    expect(Object.keys(w)).toEqual(['by', 'at', 'reason']);
    const r = roundWithdrawal(st, 2, { payload: { reason: '撤回' } });
    expect(Object.keys(r)).toEqual(['by', 'at', 'round', 'reason']);
    expect(r).toEqual({ ...st, round: 2, reason: '撤回' });
    expect(withdrawal(st, {}).reason).toBe('');
    expect(roundWithdrawal(st, 1, { payload: 'x' }).reason).toBe('');
    expect(withdrawal(st, { payload: { reason: 5 } }).reason).toBe('5');
  });

  it('is pure: type imports and the shared machine helpers only, no clock, no randomness', () => {
    const code = readFileSync(join(__dirname, 'stamp.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect([...code.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1])).toEqual(['./machine-helpers']);
    expect(code).not.toMatch(/Date\.now|new Date\(|Math\.random|console\.|process\.|require\(/);
  });
});
