import { BusinessCalendar } from '@app/calendar';
import { DAILY_ESCALATION, deliveriesAt, escalationAfter, escalationPolicy, ESCALATION_RULES, plannedDelivery, ReminderPlanRow, reminderPlan } from './reminder-plan';

const calendar = BusinessCalendar.fromChineseDays();

/** Opinion requested by Fri 2020-10-16: working days after it are Mon 10-19 (1), 10-20 (2), 10-21 (3), … 10-28 (8), 11-04 (13). */
const review: ReminderPlanRow = { type: 'due', dueDate: '2020-10-16', reminders: '[3,0]', escalate: true, openedAt: '2020-09-29T02:00:00.000Z' };

const CAPPED = escalationPolicy({ [ESCALATION_RULES.dailyFor]: 3, [ESCALATION_RULES.thenEvery]: 5 });
const STEPPED = escalationPolicy({ [ESCALATION_RULES.stepUpFrom]: 2 });

describe('escalation policy (DOCKET_RULES deadlines.escalation.*)', () => {
  it('defaults to the issue’s: the supervisor, every working day until met, nobody else', () => {
    expect(escalationPolicy({})).toEqual(DAILY_ESCALATION);
    expect(DAILY_ESCALATION).toEqual({ dailyFor: 0, thenEvery: 5, stepUpFrom: 0 });
    const days = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 40].map((n) => escalationAfter(review, n, calendar)!.workdays);
    expect(days).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 41]);
    expect(plannedDelivery(review, 'escalation-40', calendar)).toMatchObject({ audience: 'supervisor' });
    expect(plannedDelivery(review, 'escalation-40', calendar)).not.toHaveProperty('stepUp');
  });

  it('reads whole working days and keeps the interval at least 1', () => {
    expect(escalationPolicy({ [ESCALATION_RULES.dailyFor]: 2.7, [ESCALATION_RULES.thenEvery]: 0, [ESCALATION_RULES.stepUpFrom]: 4 })).toEqual({ dailyFor: 2, thenEvery: 1, stepUpFrom: 4 });
  });

  it('capped: every working day for N days, then every M working days, never silent while unmet', () => {
    const after = (n: number) => escalationAfter(review, n, calendar, CAPPED)!;
    expect([1, 2, 3, 8, 13].map((n) => [after(n).reminderKey, after(n).date])).toEqual([
      ['escalation-2', '2020-10-20'],
      ['escalation-3', '2020-10-21'],
      ['escalation-8', '2020-10-28'],
      ['escalation-13', '2020-11-04'],
      ['escalation-18', '2020-11-11'],
    ]);
    // a job for a day the policy skips is not in the plan (stale)
    expect(plannedDelivery(review, 'escalation-4', calendar, CAPPED)).toBeNull();
    expect(plannedDelivery(review, 'escalation-8', calendar, CAPPED)).toMatchObject({ date: '2020-10-28' });
    // seen on working day 6 (Mon 10-26): the current escalation is the 3rd (already due), the next the 8th
    const d = deliveriesAt(review, calendar, new Date('2020-10-26T02:00:00Z'), CAPPED);
    expect([d.current?.reminderKey, d.upcoming.map((p) => p.reminderKey)]).toEqual(['escalation-3', ['escalation-8']]);
    expect(reminderPlan(review, calendar, CAPPED).map((p) => p.reminderKey)).toEqual(['before-3', 'due', 'escalation-1']);
  });

  it('stepped up: from working day N on, escalations also go to the step-up roles', () => {
    expect(plannedDelivery(review, 'escalation-1', calendar, STEPPED)).not.toHaveProperty('stepUp');
    expect(plannedDelivery(review, 'escalation-2', calendar, STEPPED)).toMatchObject({ stepUp: true, audience: 'supervisor' });
    expect(escalationAfter(review, 5, calendar, STEPPED)).toMatchObject({ reminderKey: 'escalation-6', stepUp: true });
  });
});
