import { normativeDocumentV2Rules } from './normative-document.v2.machine';

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
