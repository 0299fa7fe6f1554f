import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assign, setup } from 'xstate';
import type { WorkflowEvent } from '@app/engine';
import { machineDriver } from './machine-driver';

const machine = setup({
  types: {} as { context: { n: number; tag: string }; events: { type: 'GO' } | { type: 'BACK' }; input: { caseId: string } },
}).createMachine({
  id: 'toy',
  initial: 'a',
  context: ({ input }) => ({ n: 0, tag: input?.caseId ?? '' }),
  states: {
    a: { on: { GO: { target: 'b', actions: assign({ n: ({ context }) => context.n + 1 }) } } },
    b: { on: { BACK: 'a' } },
  },
});
const e = (type: string) => ({ type, payload: {}, actor: { userId: 'u', role: 'secretary', orgUnit: 'x' }, at: 'T', today: 'D', facts: {} }) as WorkflowEvent;

describe('machine driver', () => {
  const { begin, step, run, withContext } = machineDriver(machine, () => ({ caseId: 'c-1', actor: e('X').actor, at: 'T', today: 'D', payload: {}, facts: {} }) as never);

  it('begins from the input, steps and runs accepted events, and fails loudly on a refused one', () => {
    const s = begin();
    expect([s.value, s.context]).toEqual(['a', { n: 0, tag: 'c-1' }]);
    expect(step(s, e('GO')).value).toBe('b');
    expect(run(s, e('GO'), e('BACK'), e('GO')).context.n).toBe(2);
    expect(() => step(s, e('BACK'))).toThrow('BACK refused in "a"');
  });

  it('gives a snapshot in the same state with a changed context', () => {
    const s = withContext(step(begin(), e('GO')), (c) => ({ n: c.n + 41 }));
    expect([s.value, s.context]).toEqual(['b', { n: 42, tag: 'c-1' }]);
  });

  it('imports xstate only at run time; no clock, no randomness', () => {
    const code = readFileSync(join(__dirname, 'machine-driver.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect([...code.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1])).toEqual(['xstate']);
    expect(code).not.toMatch(/Date\.now|new Date\(|Math\.random|console\.|process\.|require\(/);
  });
});
