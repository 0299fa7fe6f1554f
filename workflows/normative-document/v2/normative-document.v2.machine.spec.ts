import { normativeDocumentV2Rules } from './normative-document.v2.machine';
import { migrateCase, stepCase, WorkflowRegistry } from '@app/engine';
import { allWorkflows } from '../../index';
import { normativeDocumentV1 } from '../v1/normative-document.definition';
import { createInput } from '../v1/testing/normative-document.fixtures';
import { normativeDocumentV2 } from './normative-document.v2.definition';
import { initialTransition } from 'xstate';

const rule = normativeDocumentV2Rules.validityEndReached;
const ctx = { inEffect: { validUntil: '2025-05-21' } } as any;
const ev = (today: string, dueDate = '2025-05-21') => ({ today, payload: { deadlineKey: 'validityEnd', dueDate } });

describe('normative-document v2: EXPIRE only after the validity ended (N14)', () => {
  it('refuses on the last day of validity (it runs to 24:00) and before', () => {
    expect(rule.check({ context: ctx, event: ev('2025-05-21') })).toBe(false);
    expect(rule.check({ context: ctx, event: ev('2024-12-31') })).toBe(false);
    expect(rule.refusal).toMatchObject({ code: 'VALIDITY_END_NOT_REACHED', article: 'CC Art. 203' });
  });
  it('accepts the day after, for the validity end of the text in force only', () => {
    expect(rule.check({ context: ctx, event: ev('2025-05-22') })).toBe(true);
    expect(rule.check({ context: ctx, event: ev('2025-05-22', '2025-05-20') })).toBe(false);
    expect(rule.check({ context: { inEffect: null } as any, event: ev('2025-05-22') })).toBe(false);
  });
});


describe('normative-document v2 through the engine', () => {
  const registry = new WorkflowRegistry(allWorkflows);
  const v1 = normativeDocumentV1.machine;
  const inForceV1 = () => {
    const [initial] = initialTransition(v1, createInput());
    const context = { ...(initial.context as object), inEffect: { round: 1, unifiedNumber: 'ZJLC01-2020-0001', publishedAt: '2020-04-22', effectiveFrom: '2020-05-22', validUntil: '2025-05-21' } };
    return v1.getPersistedSnapshot(v1.resolveState({ value: { inForce: 'effective' }, context } as never));
  };
  const system = { userId: 'system:deadlines', role: 'system' as const, orgUnit: 'u' };
  const expire = (today: string) => ({ type: 'EXPIRE', payload: { deadlineKey: 'validityEnd', dueDate: '2025-05-21' }, actor: system, at: `${today}T01:00:00.000Z`, today, facts: {} });

  it('keeps v1 registered beside v2 (v3 is the latest since issue 13)', () => {
    expect(registry.get('normative-document', 1)).toBe(normativeDocumentV1);
    expect(registry.get('normative-document', 2)).toBe(normativeDocumentV2);
    expect(registry.latest('normative-document').version).toBe(3);
  });

  it('migrates a v1 case in force to v2, where EXPIRE is refused on the last day and accepted the day after', () => {
    const moved = migrateCase(normativeDocumentV1, normativeDocumentV2, inForceV1(), { role: 'admin' });
    expect(moved).toMatchObject({ ok: true, value: { inForce: 'effective' } });
    if (!moved.ok) return;
    const early = stepCase(normativeDocumentV2, moved.snapshot, expire('2025-05-21'));
    expect(early).toMatchObject({ ok: false, refusal: { code: 'VALIDITY_END_NOT_REACHED', article: 'CC Art. 203' } });
    const done = stepCase(normativeDocumentV2, moved.snapshot, expire('2025-05-22'));
    expect(done).toMatchObject({ ok: true, value: 'expired', status: 'done' });
    if (done.ok) expect(done.context.expiry).toMatchObject({ expiredOn: '2025-05-22', by: system });
    // a person may not send it
    const byHand = stepCase(normativeDocumentV2, moved.snapshot, { ...expire('2025-05-22'), actor: { userId: 'u1', role: 'secretary', orgUnit: 'u' } });
    expect(byHand).toMatchObject({ ok: false, refusal: { code: 'ROLE_NOT_ALLOWED' } });
    // v1 knows no EXPIRE
    expect(stepCase(normativeDocumentV1, inForceV1(), expire('2025-05-22'))).toMatchObject({ ok: false });
  });
});
