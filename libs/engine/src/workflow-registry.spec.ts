import { WorkflowRegistry } from './workflow-registry';
import { leaveRequest } from './testing/leave-request.fixture';
import type { WorkflowDefinition } from './types';

describe('WorkflowRegistry', () => {
  it('registers definitions and finds them by kind and version', () => {
    const v1 = leaveRequest(1);
    const v2 = leaveRequest(2);
    const registry = new WorkflowRegistry([v2, v1]);
    expect(registry.get('leave-request', 1)).toBe(v1);
    expect(registry.get('leave-request', 2)).toBe(v2);
    expect(registry.latest('leave-request')).toBe(v2);
    expect(registry.list()).toEqual([v1, v2]);
    expect(registry.has('leave-request', 3)).toBe(false);
  });

  it('throws on a duplicate kind and version', () => {
    const registry = new WorkflowRegistry([leaveRequest(1)]);
    expect(() => registry.register(leaveRequest(1))).toThrow(expect.objectContaining({ code: 'DUPLICATE_WORKFLOW' }));
  });

  it('throws UnknownWorkflowError for an unknown kind or version', () => {
    const registry = new WorkflowRegistry([leaveRequest(1)]);
    expect(() => registry.get('leave-request', 9)).toThrow(expect.objectContaining({ code: 'UNKNOWN_WORKFLOW', kind: 'leave-request', version: 9 }));
    expect(() => registry.get('nope', 1)).toThrow(expect.objectContaining({ code: 'UNKNOWN_WORKFLOW' }));
    expect(() => registry.latest('nope')).toThrow(expect.objectContaining({ code: 'UNKNOWN_WORKFLOW' }));
  });

  it('rejects a definition that breaks the contract', () => {
    const good = leaveRequest(1);
    const { 'review.escalated': _dropped, ...states } = good.states;
    const bad: WorkflowDefinition = {
      ...good,
      states: { ...states, draft: { ...states.draft, stage: 'nowhere' } },
      events: { ...good.events, SUBMIT: { ...good.events.SUBMIT, rules: ['noSuchRule'] }, WITHDRAW: { ...good.events.WITHDRAW, roles: [] } },
    };
    expect(() => new WorkflowRegistry([bad])).toThrow(
      expect.objectContaining({
        code: 'INVALID_WORKFLOW_DEFINITION',
        problems: [
          'state "draft" names undeclared stage "nowhere"',
          'state "review.escalated" has no entry in states',
          'event "SUBMIT" names unknown rule "noSuchRule"',
          'event "WITHDRAW" names no role',
        ],
      }),
    );
  });

  it('checks that a missed deadline’s event exists, is the system role’s and belongs to a due deadline', () => {
    const good = leaveRequest(1);
    const deadline = {
      key: 'answer',
      label: { zh: '答复', en: 'Answer' },
      states: ['draft'],
      type: 'due' as const,
      unit: 'workdays' as const,
      length: { key: 'leave.answer.days', default: 3 },
      responsible: ['department-head' as const],
      supervisor: ['town-head' as const],
      reminders: [0],
      escalate: true,
      article: 'TEST Art. 1',
    };
    const withDeadlines = (deadlines: WorkflowDefinition['deadlines']): WorkflowDefinition => ({ ...good, deadlines });
    expect(() => new WorkflowRegistry([withDeadlines([{ ...deadline, onMissed: { event: 'SUBMIT' } }])])).toThrow(
      expect.objectContaining({ problems: ['deadline "answer": onMissed event "SUBMIT" does not name the system role'] }),
    );
    expect(() => new WorkflowRegistry([withDeadlines([{ ...deadline, type: 'minimum', onMissed: { event: 'NOPE' } }])])).toThrow(
      expect.objectContaining({
        problems: ['deadline "answer": onMissed names unknown event "NOPE"', `deadline "answer": onMissed needs a 'due' deadline (a minimum period is never missed)`],
      }),
    );
    const system: WorkflowDefinition = { ...withDeadlines([{ ...deadline, onMissed: { event: 'SUBMIT' } }]), events: { ...good.events, SUBMIT: { ...good.events.SUBMIT, roles: ['system'] } } };
    expect(new WorkflowRegistry([system]).get('leave-request', 1)).toBe(system);
  });
});
