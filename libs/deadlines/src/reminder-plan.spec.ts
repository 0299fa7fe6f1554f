import { BusinessCalendar } from '@app/calendar';
import { PLAUSIBLE_2027 } from '../../../test/factories/calendar-years.factory';
import { deliveriesAt, escalationAfter, isSuperseded, plannedDelivery, ReminderPlanRow, reminderPlan, sentAs } from './reminder-plan';

const calendar = BusinessCalendar.fromChineseDays();

/** The legality review of the seed case: sent Tue 2020-09-29, opinion requested by Fri 2020-10-16. */
const review: ReminderPlanRow = {
  type: 'due',
  dueDate: '2020-10-16',
  reminders: '[3,0]',
  escalate: true,
  openedAt: '2020-09-29T02:00:00.000Z',
};

/** The comment period of the seed case: a minimum period ending Thu 2020-09-03. */
const commentPeriod: ReminderPlanRow = {
  type: 'minimum',
  dueDate: '2020-09-03',
  reminders: '[0]',
  escalate: false,
  openedAt: '2020-08-04T01:00:00.000Z',
};

const keysAt = (plan: Array<{ reminderKey: string; at: string }>) => plan.map((p) => `${p.reminderKey}@${p.at}`);

describe('reminderPlan', () => {
  it('reminds 3 working days before, on the day, and escalates on the first working day after (09:00 Asia/Shanghai)', () => {
    expect(reminderPlan(review, calendar)).toEqual([
      { reminderKey: 'before-3', kind: 'reminder', audience: 'responsible', date: '2020-10-13', at: '2020-10-13T01:00:00.000Z', workdays: 3 },
      { reminderKey: 'due', kind: 'due', audience: 'responsible', date: '2020-10-16', at: '2020-10-16T01:00:00.000Z', workdays: 0 },
      { reminderKey: 'escalation-1', kind: 'escalation', audience: 'supervisor', date: '2020-10-19', at: '2020-10-19T01:00:00.000Z', workdays: 1 },
    ]);
  });

  it('gives a minimum period only the notice that it ends, on its last day', () => {
    expect(reminderPlan(commentPeriod, calendar)).toEqual([
      { reminderKey: 'due', kind: 'period-ended', audience: 'responsible', date: '2020-09-03', at: '2020-09-03T01:00:00.000Z', workdays: 0 },
    ]);
    expect(reminderPlan({ ...commentPeriod, reminders: '[3,0]', escalate: true }, calendar).map((p) => p.reminderKey)).toEqual(['due']);
  });

  it.each([
    {
      why: 'working days around National Day and a make-up Saturday',
      row: { ...review, dueDate: '2020-10-12', reminders: '[5,3,1,0]', openedAt: '2020-09-01T00:00:00.000Z' },
      expected: ['before-5@2020-09-28T01:00:00.000Z', 'before-3@2020-09-30T01:00:00.000Z', 'before-1@2020-10-10T01:00:00.000Z', 'due@2020-10-12T01:00:00.000Z', 'escalation-1@2020-10-13T01:00:00.000Z'],
    },
    {
      why: 'a deadline opened 2 working days before its due date: no "3 days before"',
      row: { ...review, openedAt: '2020-10-14T02:00:00.000Z' },
      expected: ['due@2020-10-16T01:00:00.000Z', 'escalation-1@2020-10-19T01:00:00.000Z'],
    },
    {
      why: 'opened at 09:30 on the reminder day: that reminder has passed',
      row: { ...review, openedAt: '2020-10-13T01:30:00.000Z' },
      expected: ['due@2020-10-16T01:00:00.000Z', 'escalation-1@2020-10-19T01:00:00.000Z'],
    },
    {
      why: 'opened already overdue: escalations start with the next working day',
      row: { ...review, openedAt: '2020-10-20T02:00:00.000Z' },
      expected: ['escalation-3@2020-10-21T01:00:00.000Z'],
    },
    {
      why: 'no escalation declared',
      row: { ...review, escalate: false },
      expected: ['before-3@2020-10-13T01:00:00.000Z', 'due@2020-10-16T01:00:00.000Z'],
    },
    {
      why: 'a due date on a rest day: counted back from it, the notice on the day, escalation the next working day',
      row: { ...review, dueDate: '2020-10-11', reminders: '[1,0]' },
      expected: ['before-1@2020-10-10T01:00:00.000Z', 'due@2020-10-11T01:00:00.000Z', 'escalation-1@2020-10-12T01:00:00.000Z'],
    },
    {
      why: 'the escalation would need 2027, which has no holiday data: left out, not guessed',
      row: { ...review, dueDate: '2026-12-31', openedAt: '2026-12-01T01:00:00.000Z' },
      expected: ['before-3@2026-12-28T01:00:00.000Z', 'due@2026-12-31T01:00:00.000Z'],
    },
    { why: 'calendar-missing: no due date, no plan', row: { ...review, dueDate: null }, expected: [] },
    { why: 'unreadable reminders column', row: { ...review, reminders: 'x', escalate: false }, expected: [] },
  ])('$why', ({ row, expected }) => {
    expect(keysAt(reminderPlan(row, calendar))).toEqual(expected);
  });
});

describe('escalationAfter / plannedDelivery', () => {
  it('escalates every working day after the due date', () => {
    const days: string[] = [];
    let n = 0;
    for (let i = 0; i < 6; i++) {
      const next = escalationAfter(review, n, calendar)!;
      days.push(next.date);
      n = next.workdays;
    }
    expect(days).toEqual(['2020-10-19', '2020-10-20', '2020-10-21', '2020-10-22', '2020-10-23', '2020-10-26']);
    expect(escalationAfter({ ...review, escalate: false }, 1, calendar)).toBeNull();
    expect(escalationAfter(commentPeriod, 0, calendar)).toBeNull();
  });

  it.each([
    { key: 'before-3', date: '2020-10-13' },
    { key: 'due', date: '2020-10-16' },
    { key: 'escalation-1', date: '2020-10-19' },
    { key: 'escalation-7', date: '2020-10-27' },
    { key: 'before-2', date: null },
    { key: 'escalation-0', date: null },
    { key: 'escalation-x', date: null },
    { key: 'nonsense', date: null },
  ])('the key $key stands for $date', ({ key, date }) => {
    expect(plannedDelivery(review, key, calendar)?.date ?? null).toBe(date);
  });
});

describe('deliveriesAt (what reconciliation queues)', () => {
  it.each([
    { now: '2020-09-29T03:00:00Z', current: null, upcoming: ['before-3', 'due', 'escalation-1'] },
    { now: '2020-10-13T00:59:59Z', current: null, upcoming: ['before-3', 'due', 'escalation-1'] },
    { now: '2020-10-13T01:00:00Z', current: 'before-3', upcoming: ['due', 'escalation-1'] },
    { now: '2020-10-17T05:00:00Z', current: 'due', upcoming: ['escalation-1'] },
    { now: '2020-10-19T01:00:00Z', current: 'escalation-1', upcoming: ['escalation-2'] },
    { now: '2020-10-21T00:30:00Z', current: 'escalation-2', upcoming: ['escalation-3'] },
    // Saturday evening in Shanghai: the week's escalations are 1 … 5, the next is on Monday
    { now: '2020-10-24T12:00:00Z', current: 'escalation-5', upcoming: ['escalation-6'] },
  ])('at $now: current $current, upcoming $upcoming', ({ now, current, upcoming }) => {
    const d = deliveriesAt(review, calendar, new Date(now));
    expect(d.current?.reminderKey ?? null).toBe(current);
    expect(d.upcoming.map((p) => p.reminderKey)).toEqual(upcoming);
    expect(d.complete).toBe(true);
  });

  it('an escalation that needs a year without data is counted in calendar days, not left out (issue 10 item 1)', () => {
    const d = deliveriesAt({ ...review, dueDate: '2026-12-31', openedAt: '2026-12-01T01:00:00.000Z' }, calendar, new Date('2026-12-31T02:00:00Z'));
    expect(d).toMatchObject({
      current: { reminderKey: 'due' },
      upcoming: [{ reminderKey: 'escalation-1d', date: '2027-01-01', at: '2027-01-01T01:00:00.000Z', workdays: 1, basis: 'calendar-days', audience: 'supervisor' }],
      complete: false,
      missingYears: [2027],
    });
  });

  it('a passed delivery is superseded once a later one is due', () => {
    const before3 = plannedDelivery(review, 'before-3', calendar)!;
    expect(isSuperseded(review, before3, calendar, new Date('2020-10-15T09:00:00Z'))).toBe(false);
    expect(isSuperseded(review, before3, calendar, new Date('2020-10-16T01:00:00Z'))).toBe(true);
    const esc1 = plannedDelivery(review, 'escalation-1', calendar)!;
    expect(isSuperseded(review, esc1, calendar, new Date('2020-10-19T23:00:00Z'))).toBe(false);
    expect(isSuperseded(review, esc1, calendar, new Date('2020-10-20T01:00:00Z'))).toBe(true);
  });
});

describe('sentAs: how a delivery reads on the day it actually goes out', () => {
  const [before3, due, escalation1] = reminderPlan(review, calendar);

  it('on its planned day: not late; working days left until the due date, or late after it', () => {
    expect(sentAs(before3, review, calendar, new Date(before3.at))).toEqual({ on: '2020-10-13', late: false, overdue: false, workdays: 3 });
    expect(sentAs(due, review, calendar, new Date(due.at))).toEqual({ on: '2020-10-16', late: false, overdue: false, workdays: 0 });
    expect(sentAs(escalation1, review, calendar, new Date(escalation1.at))).toEqual({ on: '2020-10-19', late: false, overdue: true, workdays: 1 });
  });

  it('a reminder sent late before the due date counts the working days left from the day it goes out', () => {
    expect(sentAs(before3, review, calendar, new Date('2020-10-15T02:00:00.000Z'))).toEqual({ on: '2020-10-15', late: true, overdue: false, workdays: 1 });
  });

  it('after the due date: overdue, with the working days since it as of the day it goes out', () => {
    const on = '2026-12-03';
    expect(sentAs(due, review, calendar, new Date(`${on}T02:00:00.000Z`))).toEqual({ on, late: true, overdue: true, workdays: calendar.workdaysBetween('2020-10-16', on) });
    // an escalation of a later cadence day states the lateness of today, not of its plan
    expect(sentAs(escalation1, review, calendar, new Date('2020-10-21T01:30:00.000Z'))).toMatchObject({ late: true, overdue: true, workdays: 3 });
  });

  it('a minimum period is never overdue: its end is only late news', () => {
    const [ended] = reminderPlan(commentPeriod, calendar);
    expect(sentAs(ended, commentPeriod, calendar, new Date('2020-09-07T02:00:00.000Z'))).toEqual({ on: '2020-09-07', late: true, overdue: false, workdays: null });
  });

  it('after downtime the collapsed delivery of a deadline that does not escalate is its due-day notice, sent as an overdue notice', () => {
    const quiet: ReminderPlanRow = { ...review, escalate: false };
    const now = new Date('2026-12-03T02:00:00.000Z');
    const { current, upcoming } = deliveriesAt(quiet, calendar, now);
    expect([current?.reminderKey, upcoming]).toEqual(['due', []]);
    expect(sentAs(current!, quiet, calendar, now)).toMatchObject({ late: true, overdue: true });
  });
});

describe('deadlines across a year without holiday data (issue 10 item 1)', () => {
  const with2027 = calendar.withYear(2027, PLAUSIBLE_2027);
  /** overdue since Wed 2026-10-14 */
  const overdue: ReminderPlanRow = { type: 'due', dueDate: '2026-10-14', reminders: '[3,0]', escalate: true, openedAt: '2026-09-30T02:00:00.000Z' };

  it('the lateness on 2027-01-06 is 84 calendar days, said so, and the next escalation follows the next day', () => {
    const d = deliveriesAt(overdue, calendar, new Date('2027-01-06T02:00:00Z'));
    expect(d.current).toMatchObject({ reminderKey: 'escalation-84d', kind: 'escalation', workdays: 84, basis: 'calendar-days', date: '2027-01-06' });
    expect(keysAt(d.upcoming)).toEqual(['escalation-85d@2027-01-07T01:00:00.000Z']);
    expect(d.missingYears).toEqual([2027]);
    expect(plannedDelivery(overdue, 'escalation-84d', calendar)).toMatchObject({ date: '2027-01-06', workdays: 84 });
  });

  it('on the last day of the known year the working-day escalation goes out, the next one in calendar days', () => {
    const d = deliveriesAt(overdue, calendar, new Date('2026-12-31T02:00:00Z'));
    expect(d.current).toMatchObject({ reminderKey: 'escalation-56', workdays: 56 });
    expect(keysAt(d.upcoming)).toEqual(['escalation-79d@2027-01-01T01:00:00.000Z']);
    // 2026-12-31 itself is countable: its calendar-day twin is not in the plan
    expect(plannedDelivery(overdue, 'escalation-78d', calendar)).toBeNull();
  });

  it('a due date the case supplies in 2027: the reminder before it in calendar days, the due-day notice on the day', () => {
    const supplied: ReminderPlanRow = { type: 'due', dueDate: '2027-01-08', reminders: '[3,0]', escalate: true, openedAt: '2026-12-03T02:00:00.000Z' };
    const d = deliveriesAt(supplied, calendar, new Date('2026-12-03T02:00:00Z'));
    expect(keysAt(d.upcoming)).toEqual(['before-3d@2027-01-05T01:00:00.000Z', 'due@2027-01-08T01:00:00.000Z', 'escalation-1d@2027-01-09T01:00:00.000Z']);
    expect(d.missingYears).toEqual([2027]);
  });

  it('once the year is loaded, working days again: the calendar-day deliveries are no longer in the plan', () => {
    const d = deliveriesAt(overdue, with2027, new Date('2027-01-06T02:00:00Z'));
    // 2026-10-15 … 2026-12-31: 56 working days; 2027-01-04 … 01-06: 3 more
    expect(d.current).toMatchObject({ reminderKey: 'escalation-59', workdays: 59 });
    expect(d.complete).toBe(true);
    expect(plannedDelivery(overdue, 'escalation-84d', with2027)).toBeNull();
  });
});
