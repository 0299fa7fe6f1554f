import { createMachine } from 'xstate';
import { restingLeafPaths, sameStatesMigration } from './same-states-migration';

const machine = createMachine({
  id: 'm',
  initial: 'a',
  states: {
    a: {},
    b: { initial: 'x', states: { x: {}, y: { initial: 'deep', states: { deep: {} } }, h: { type: 'history' } } },
    p: { type: 'parallel', states: { r1: {}, r2: {} } },
    done: { type: 'final' },
  },
});

describe('the same-states migration', () => {
  it('lists the non-final leaves outside parallel states, nested ones by dotted path', () => {
    expect(restingLeafPaths(machine)).toEqual(['a', 'b.x', 'b.y.deep']);
  });

  it('maps each to the same state value, with the context function when given', () => {
    const reason = { zh: '原因', en: 'reason' };
    expect(sameStatesMigration(machine, 1, reason)).toEqual({ from: 1, states: { a: 'a', 'b.x': { b: 'x' }, 'b.y.deep': { b: { y: 'deep' } } }, reason });
    const ctx = (c: { n: number }) => ({ n: c.n + 1 });
    expect(sameStatesMigration(machine, 2, reason, ctx).context).toBe(ctx);
  });
});
