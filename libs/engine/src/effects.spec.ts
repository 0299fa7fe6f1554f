import { transition } from 'xstate';
import { effectsOf } from './effects';
import { resolvePersisted } from './resolve-snapshot';
import { stepCase } from './step';
import { alice } from './testing/case-history.fixture';
import { leaveRequest } from './testing/leave-request.fixture';
import { startCase } from './step';

describe('effectsOf', () => {
  it('maps raise-with-delay to schedule, cancel to cancel, named actions and xstate.emit to emit', () => {
    expect(
      effectsOf([
        { type: 'xstate.raise', params: { event: { type: 'T' }, id: 't1', delay: 1000 } },
        { type: 'xstate.raise', params: { event: { type: 'U' }, delay: 'reviewDeadline' } },
        { type: 'xstate.raise', params: { event: { type: 'NOW' } } },
        { type: 'xstate.cancel', params: { sendId: 't1' } },
        { type: 'xstate.emit', params: { event: { type: 'case.escalated', caseId: 'c' } } },
        { type: 'notify', params: { to: 'x' } },
        { type: 'audit' },
        { type: 'xstate.assign', params: {} },
        { type: 'xstate.log', params: { value: 'x' } },
        { type: '(anonymous)' },
      ]),
    ).toEqual([
      { type: 'schedule', id: 't1', delay: 1000, event: { type: 'T' } },
      { type: 'schedule', id: 'U', delay: 'reviewDeadline', event: { type: 'U' } },
      { type: 'cancel', id: 't1' },
      { type: 'emit', name: 'case.escalated', params: { caseId: 'c' } },
      { type: 'emit', name: 'notify', params: { to: 'x' } },
      { type: 'emit', name: 'audit', params: {} },
    ]);
  });

  it('maps the real actions of an after-transition: cancel of the sibling timer and the entry emit', () => {
    const def = leaveRequest(1);
    const created = startCase(def, { caseId: 'c-1', payload: { days: 2, reason: 'r' }, actor: alice, at: '2025-03-03T00:00:00Z', today: '2025-03-03', facts: {} });
    if (!created.ok) throw new Error('refused');
    const submitted = stepCase(def, created.snapshot, { type: 'SUBMIT', payload: {}, actor: alice, at: '2025-03-03T00:00:00Z', today: '2025-03-03', facts: {} });
    if (!submitted.ok) throw new Error('refused');
    const timer = submitted.effects.find((e) => e.type === 'schedule' && e.id.startsWith('xstate.after.'));
    expect(timer).toBeDefined();
    const [next, actions] = transition(def.machine, resolvePersisted(def.machine, submitted.snapshot), (timer as any).event);
    expect(next.value).toEqual({ review: 'escalated' });
    // xstate cancels the timer that just fired on leaving its state: cancelling a fired job must be a no-op
    expect(effectsOf(actions)).toEqual([
      { type: 'cancel', id: 'xstate.after.escalationDelay.leave-request.review.pending' },
      { type: 'emit', name: 'leave.escalated', params: { caseId: 'c-1' } },
    ]);
  });
});
