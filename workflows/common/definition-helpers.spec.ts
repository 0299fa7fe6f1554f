import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventEntry, stateMeta, withRules } from './definition-helpers';

class APayload {}

describe('definition helpers', () => {
  it('build state and event meta with their keys in the definitions’ order', () => {
    expect(stateMeta('s', '中', 'En')).toEqual({ stage: 's', label: { zh: '中', en: 'En' } });
    expect(Object.keys(stateMeta('s', 'z', 'e'))).toEqual(['stage', 'label']);
    const bare = eventEntry('z', 'e', ['secretary'], APayload);
    expect(bare).toEqual({ label: { zh: 'z', en: 'e' }, roles: ['secretary'], payload: APayload });
    expect(Object.keys(bare)).toEqual(['label', 'roles', 'payload']);
    const withFacts = eventEntry('z', 'e', ['secretary'], APayload, { reviewer: { kind: 'actor' } });
    expect(Object.keys(withFacts)).toEqual(['label', 'roles', 'payload', 'facts']);
  });

  it('attach each event’s rules (a copy) only where it has any, keeping the events’ order and objects', () => {
    const events = { B: eventEntry('b', 'B', ['secretary'], APayload), A: eventEntry('a', 'A', ['town-head'], APayload) };
    const rules = { A: ['r1', 'r2'], B: [] } as const;
    const out = withRules(events, rules);
    expect(Object.keys(out)).toEqual(['B', 'A']);
    expect(out.B).toBe(events.B);
    expect(out.A).toEqual({ ...events.A, rules: ['r1', 'r2'] });
    expect(Object.keys(out.A)).toEqual(['label', 'roles', 'payload', 'rules']);
    expect(out.A.rules).not.toBe(rules.A);
  });

  it('is pure: type imports only, no clock, no randomness', () => {
    const code = readFileSync(join(__dirname, 'definition-helpers.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect([...code.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1])).toEqual([]);
    expect(code).not.toMatch(/Date\.now|new Date\(|Math\.random|console\.|process\.|require\(/);
  });
});
