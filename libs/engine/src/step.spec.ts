import { canonicalJson, stateHash } from './hash-chain';
import { allowedEvents, startCase, stepCase } from './step';
import { alice, bob, carol } from './testing/case-history.fixture';
import { DAY_MS, leaveRequest } from './testing/leave-request.fixture';
import type { Actor, PersistedSnapshot, StepAccepted, StepOutcome, WorkflowEvent } from './types';

const def = leaveRequest(1);
const AT = '2025-03-03T01:30:00.000Z';

const ev = (type: string, payload: unknown, actor: Actor = alice, at = AT): WorkflowEvent => ({
  type,
  payload,
  actor,
  at,
  today: '2025-03-03',
  facts: {},
});

function accepted(outcome: StepOutcome): StepAccepted {
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`);
  return outcome;
}

const created = (days = 3) =>
  accepted(startCase(def, { caseId: 'c-1', payload: { days, reason: 'family' }, actor: alice, at: AT, today: '2025-03-03', facts: {} }));
const submitted = () => accepted(stepCase(def, created().snapshot, ev('SUBMIT', {})));
const escalated = (): PersistedSnapshot => {
  const s = submitted().snapshot;
  // the runtime fires the scheduled `after` event; here we move the snapshot as it would
  return { ...s, value: { review: 'escalated' } };
};

describe('startCase', () => {
  it('creates a case in the initial state with context from the input', () => {
    const out = created();
    expect(out.value).toBe('draft');
    expect(out.paths).toEqual(['draft']);
    expect(out.status).toBe('active');
    expect(out.context).toMatchObject({ caseId: 'c-1', requester: 'u-alice', days: 3, reason: 'family', createdOn: '2025-03-03' });
    expect(out.effects).toEqual([]);
    expect(out.stateHash).toBe(stateHash(out.snapshot));
    expect(JSON.parse(JSON.stringify(out.snapshot))).toEqual(out.snapshot);
  });

  it('refuses a role not among create.roles with 403', () => {
    const out = startCase(def, { caseId: 'c-1', payload: { days: 3, reason: 'x' }, actor: bob, at: AT, today: '2025-03-03', facts: {} });
    expect(out).toMatchObject({ ok: false, refusal: { code: 'ROLE_NOT_ALLOWED', status: 403, details: { role: 'legal-reviewer' } } });
  });

  it('evaluates create.rules: payload rule with its article, and a throwing rule as failing', () => {
    const base = { caseId: 'c-1', actor: alice, at: AT, today: '2025-03-03', facts: {} };
    expect(startCase(def, { ...base, payload: { days: 0, reason: 'x' } })).toMatchObject({
      ok: false,
      refusal: { code: 'LEAVE.DAYS_INVALID', article: 'Leave Rules Art. 3', status: 422 },
    });
    expect(startCase(def, { ...base, payload: { days: 2 } })).toMatchObject({ ok: false, refusal: { code: 'LEAVE.REASON_MISSING' } });
  });
});

describe('stepCase', () => {
  it('accepts an event, moves into the nested initial state and returns the effects', () => {
    const out = submitted();
    expect(out.value).toEqual({ review: 'pending' });
    expect(out.paths).toEqual(['review', 'review.pending']);
    expect(out.effects).toEqual([
      { type: 'emit', name: 'notifyReviewer', params: { caseId: 'c-1', days: 3 } },
      { type: 'schedule', id: 'remind', delay: 3 * DAY_MS, event: { type: 'REMIND' } },
      { type: 'schedule', id: 'xstate.after.escalationDelay.leave-request.review.pending', delay: 5 * DAY_MS, event: { type: 'xstate.after.escalationDelay.leave-request.review.pending' } },
    ]);
  });

  it('cancels the pending timers when leaving the state', () => {
    const out = accepted(stepCase(def, submitted().snapshot, ev('APPROVE', {}, bob)));
    expect(out.value).toBe('approved');
    expect(out.status).toBe('done');
    expect(out.context.approvedBy).toBe('u-bob');
    expect(out.effects).toEqual([
      { type: 'cancel', id: 'xstate.after.escalationDelay.leave-request.review.pending' },
      { type: 'cancel', id: 'remind' },
    ]);
  });

  it('schedules the timers again when the state is re-entered', () => {
    const back = accepted(stepCase(def, escalated(), ev('WITHDRAW', {})));
    expect(back.value).toBe('draft');
    const again = accepted(stepCase(def, back.snapshot, ev('SUBMIT', {})));
    expect(again.effects.map((e) => e.type)).toEqual(['emit', 'schedule', 'schedule']);
  });

  it('accepts a targetless transition (self) and updates the context', () => {
    const out = accepted(stepCase(def, created().snapshot, ev('AMEND', { days: 5, reason: 'trip' })));
    expect(out.value).toBe('draft');
    expect(out.context).toMatchObject({ days: 5, reason: 'trip' });
  });

  it('refuses an unknown event type with 400 UNKNOWN_EVENT (also internal events like REMIND)', () => {
    for (const type of ['FLY', 'REMIND', 'CREATE', 'constructor']) {
      expect(stepCase(def, created().snapshot, ev(type, {}))).toMatchObject({
        ok: false,
        refusal: { code: 'UNKNOWN_EVENT', status: 400, zh: expect.stringContaining(type), en: expect.any(String) },
      });
    }
  });

  it('refuses a role not allowed for the event with 403 ROLE_NOT_ALLOWED before looking at the state', () => {
    const out = stepCase(def, created().snapshot, ev('APPROVE', {}, alice));
    expect(out).toMatchObject({
      ok: false,
      refusal: { code: 'ROLE_NOT_ALLOWED', status: 403, details: { event: 'APPROVE', role: 'department-head', allowedRoles: ['legal-reviewer', 'town-head'] } },
    });
    if (!out.ok) expect(out.refusal.zh).toContain('批准');
  });

  it('refuses an event the active state does not accept with 409 and a clerk-readable message', () => {
    const out = stepCase(def, created().snapshot, ev('APPROVE', {}, bob));
    expect(out).toEqual({
      ok: false,
      refusal: {
        code: 'EVENT_NOT_ALLOWED_IN_STATE',
        status: 409,
        zh: '当前环节（草稿）不能执行“批准”操作',
        en: '"Approve" is not possible in the current step (Draft)',
        details: { state: 'draft', event: 'APPROVE', reason: 'STATE' },
      },
    });
  });

  it('answers a failing precondition rule (with its article) instead of 409 when the state does not accept the event', () => {
    const out = stepCase(def, created(99).snapshot, ev('APPROVE', {}, bob));
    expect(out).toMatchObject({ ok: false, refusal: { code: 'LEAVE.OVER_QUOTA', article: 'Leave Rules Art. 7' } });
    // payload rules are not evaluated there: a bad payload still gets the state's 409
    const out2 = stepCase(def, created().snapshot, ev('AMEND', {}, bob));
    expect(out2).toMatchObject({ ok: false });
  });

  it('accepts events handled by an ancestor of the active leaf', () => {
    expect(accepted(stepCase(def, submitted().snapshot, ev('WITHDRAW', {}))).value).toBe('draft');
  });

  it('refuses with the first failing rule, in order, with its article and status', () => {
    const tooLong = accepted(startCase(def, { caseId: 'c-2', payload: { days: 12, reason: 'x' }, actor: alice, at: AT, today: '2025-03-03', facts: {} }));
    expect(stepCase(def, tooLong.snapshot, ev('SUBMIT', {}))).toMatchObject({
      ok: false,
      refusal: { code: 'LEAVE.OVER_QUOTA', article: 'Leave Rules Art. 7', status: 422, details: { rule: 'withinQuota', event: 'SUBMIT' } },
    });
    // payload-dependent rule
    expect(stepCase(def, created().snapshot, ev('AMEND', { days: -1, reason: 'x' }))).toMatchObject({
      ok: false,
      refusal: { code: 'LEAVE.DAYS_INVALID', article: 'Leave Rules Art. 3', status: 422 },
    });
    // actor-dependent rule with its own status
    const selfApproval = { userId: 'u-alice', role: 'town-head', orgUnit: 'ou-civil' } as Actor;
    expect(stepCase(def, submitted().snapshot, ev('APPROVE', {}, selfApproval))).toMatchObject({
      ok: false,
      refusal: { code: 'LEAVE.SELF_APPROVAL', status: 403, article: 'Leave Rules Art. 9' },
    });
  });

  it('counts a rule that throws as failing and does not crash', () => {
    expect(stepCase(def, created().snapshot, ev('AMEND', { days: 4 }))).toMatchObject({ ok: false, refusal: { code: 'LEAVE.REASON_MISSING' } });
    expect(stepCase(def, created().snapshot, ev('AMEND', null))).toMatchObject({ ok: false, refusal: { code: 'LEAVE.DAYS_INVALID' } });
  });

  it('evaluates a rule only where its appliesIn names an active path', () => {
    expect(stepCase(def, submitted().snapshot, ev('APPROVE', {}, bob)).ok).toBe(true);
    expect(stepCase(def, escalated(), ev('APPROVE', {}, bob))).toMatchObject({ ok: false, refusal: { code: 'LEAVE.NOTE_REQUIRED' } });
    expect(accepted(stepCase(def, escalated(), ev('APPROVE', { note: 'sorry' }, carol))).value).toBe('approved');
  });

  it('refuses a guard without a named rule with 409 EVENT_NOT_ALLOWED_IN_STATE', () => {
    expect(stepCase(def, submitted().snapshot, ev('REJECT', {}, bob))).toMatchObject({
      ok: false,
      refusal: { code: 'EVENT_NOT_ALLOWED_IN_STATE', status: 409, details: { state: 'review.pending', event: 'REJECT', reason: 'GUARD' } },
    });
    expect(accepted(stepCase(def, submitted().snapshot, ev('REJECT', { comment: 'no' }, bob))).value).toBe('rejected');
  });

  it('turns a machine that throws on a bad payload into 422 TRANSITION_FAILED', () => {
    expect(stepCase(def, submitted().snapshot, ev('COMMENT', {}, bob))).toMatchObject({
      ok: false,
      refusal: { code: 'TRANSITION_FAILED', status: 422, details: { event: 'COMMENT' } },
    });
    expect(accepted(stepCase(def, submitted().snapshot, ev('COMMENT', { text: ' ok ' }, bob))).context.comments).toEqual(['ok']);
  });

  it('refuses every event on a finished case', () => {
    const done = accepted(stepCase(def, submitted().snapshot, ev('APPROVE', {}, bob)));
    expect(stepCase(def, done.snapshot, ev('WITHDRAW', {}))).toMatchObject({ ok: false, refusal: { code: 'EVENT_NOT_ALLOWED_IN_STATE' } });
  });

  it('throws InvalidSnapshotError on a snapshot that does not fit the machine', () => {
    expect(() => stepCase(def, { value: 'nowhere', context: {} }, ev('SUBMIT', {}))).toThrow(expect.objectContaining({ code: 'INVALID_SNAPSHOT' }));
    expect(() => stepCase(def, 'garbage', ev('SUBMIT', {}))).toThrow(expect.objectContaining({ code: 'INVALID_SNAPSHOT' }));
  });
});

describe('purity', () => {
  it('gives byte-identical canonical snapshots and effects for the same inputs', () => {
    const a = submitted();
    const b = submitted();
    expect(canonicalJson(a.snapshot)).toBe(canonicalJson(b.snapshot));
    expect(canonicalJson(a.effects)).toBe(canonicalJson(b.effects));
    expect(a.stateHash).toBe(b.stateHash);
  });

  it('does not mutate the input snapshot or event', () => {
    const before = submitted().snapshot;
    const frozen = JSON.parse(JSON.stringify(before));
    const deepFreeze = (o: any) => {
      Object.freeze(o);
      Object.values(o).forEach((v) => v && typeof v === 'object' && deepFreeze(v));
      return o;
    };
    const event = deepFreeze(ev('COMMENT', { text: 'hello' }, bob));
    const out = accepted(stepCase(def, deepFreeze(before), event));
    expect(before).toEqual(frozen);
    expect(out.context.comments).toEqual(['hello']);
    expect(out.snapshot).not.toBe(before);
  });

  it('never executes machine actions', () => {
    // notifyReviewer throws if executed; submitted() would fail
    expect(() => submitted()).not.toThrow();
  });
});

describe('allowedEvents', () => {
  it('lists the events the active state accepts for the roles, in definition order', () => {
    expect(allowedEvents(def, created().snapshot, ['department-head']).map((e) => e.type)).toEqual(['SUBMIT', 'AMEND']);
    expect(allowedEvents(def, created().snapshot, ['legal-reviewer'])).toEqual([]);
    expect(allowedEvents(def, submitted().snapshot, ['legal-reviewer'])).toEqual([
      { type: 'APPROVE', label: { zh: '批准', en: 'Approve' }, roles: ['legal-reviewer', 'town-head'], blockedBy: [] },
      { type: 'REJECT', label: { zh: '驳回', en: 'Reject' }, roles: ['legal-reviewer'], blockedBy: [] },
      { type: 'COMMENT', label: { zh: '填写意见', en: 'Comment' }, roles: ['legal-reviewer'], blockedBy: [] },
    ]);
    expect(allowedEvents(def, submitted().snapshot, ['legal-reviewer', 'department-head']).map((e) => e.type)).toEqual([
      'APPROVE',
      'REJECT',
      'COMMENT',
      'WITHDRAW',
    ]);
  });

  it('reports failing precondition rules in blockedBy, and only those', () => {
    const tooLong = accepted(startCase(def, { caseId: 'c-2', payload: { days: 12, reason: 'x' }, actor: alice, at: AT, today: '2025-03-03', facts: {} }));
    const offered = allowedEvents(def, tooLong.snapshot, ['department-head']);
    expect(offered.map((e) => [e.type, e.blockedBy.map((r) => r.code)])).toEqual([
      ['SUBMIT', ['LEAVE.OVER_QUOTA']],
      ['AMEND', []], // daysPositive fails on the empty probe payload, but it is not a precondition
    ]);
    expect(offered[0].blockedBy[0]).toMatchObject({ article: 'Leave Rules Art. 7', status: 422 });
  });

  it('offers nothing on a finished case', () => {
    const done = accepted(stepCase(def, submitted().snapshot, ev('APPROVE', {}, bob)));
    expect(allowedEvents(def, done.snapshot, ['legal-reviewer', 'department-head'])).toEqual([]);
  });
});
