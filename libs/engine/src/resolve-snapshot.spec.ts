import { createMachine, initialTransition, transition } from 'xstate';
import { resolvePersisted } from './resolve-snapshot';

describe('resolvePersisted', () => {
  const machine = createMachine({
    id: 'h',
    initial: 'work',
    states: {
      work: { initial: 'a', states: { a: { on: { NEXT: 'b' } }, b: {}, hist: { type: 'history' } }, on: { PAUSE: 'paused' } },
      paused: { on: { RESUME: 'work.hist' } },
    },
  });
  const roundTrip = (s: unknown) => JSON.parse(JSON.stringify(machine.getPersistedSnapshot(s as any)));

  it('revives history values so a persisted snapshot can re-enter a history state', () => {
    let [s] = initialTransition(machine);
    for (const type of ['NEXT', 'PAUSE', 'RESUME']) [s] = transition(machine, resolvePersisted(machine, roundTrip(s)), { type });
    expect(s.value).toEqual({ work: 'b' });
  });

  it('rejects snapshots that do not fit', () => {
    expect(() => resolvePersisted(machine, null)).toThrow(expect.objectContaining({ code: 'INVALID_SNAPSHOT' }));
    expect(() => resolvePersisted(machine, { value: { work: 'zzz' }, context: {} })).toThrow(expect.objectContaining({ code: 'INVALID_SNAPSHOT' }));
    expect(() => resolvePersisted(machine, { value: 'paused', context: {}, historyValue: { 'h.work.hist': [{ id: 'nope' }] } })).toThrow(
      expect.objectContaining({ code: 'INVALID_SNAPSHOT' }),
    );
  });
});
