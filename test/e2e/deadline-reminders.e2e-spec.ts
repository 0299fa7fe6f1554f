import { BusinessCalendar } from '@app/calendar';
import { EmbeddedDeadlineScheduler } from '@app/deadlines';
import { AdjustableClock, CLOCK } from '@app/runtime';
import { createApp } from '../../apps/api/src/app.factory';
import { createUser } from '../factories/users.factory';
import { majorDecisionSteps, NO_PROCEDURES, runMajorDecision, runStep } from '../factories/major-decision.factory';
import { caseInLegalityReview, Deliverer, inboxOf, issueOpinion, kindsOf, legalityReviewLeftUntouched } from '../factories/reminders.factory';
import { ApiClient } from '../setup/api-client';
import { ph } from '../factories/db-fingerprint';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

/**
 * Issue 3, embedded mode (REDIS_URL unset, the default): the API process delivers reminders,
 * due-day notices and escalations from the deadline rows, on the test clock, with `tick(now)`.
 */
describe.each(DRIVERS)('deadline reminders without Redis on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  let scheduler: EmbeddedDeadlineScheduler;
  const deliverer: Deliverer = {
    advanceTo: async (iso) => {
      await api.setClock(iso);
      await scheduler.tick(new Date(iso));
    },
  };

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
    scheduler = t.app.get(EmbeddedDeadlineScheduler, { strict: false });
  });
  afterAll(async () => t?.close());

  it('a legality review left untouched: the reminder, the due-day notice and the escalations, once each, to the right people', async () => {
    const { id, reviewer, head } = await legalityReviewLeftUntouched(api, deliverer);
    // the reviewer who must act is told of the escalations too: they add the town head, they do not replace the reviewer
    expect(kindsOf(reviewer)).toEqual(['reminder', 'due', 'escalation', 'escalation']);
    expect(kindsOf(head)).toEqual(['escalation', 'escalation']);
    expect(reviewer.slice(2).map((n) => [n.title.zh, n.createdAt])).toEqual(head.map((n) => [n.title.zh, n.createdAt]));
    expect(head[1].body.zh).toContain('已于2020-10-16届满，至今未办结（截至2020-10-20已逾期2个工作日）');
    expect(reviewer[0].title.zh).toBe('【期限提醒】出具合法性审查意见：还有3个工作日到期');
    expect(reviewer[0].body.zh).toContain('掌起镇农村生活垃圾分类处理实施方案');
    expect(reviewer[0].body.zh).toContain('2020-10-16');
    expect(reviewer[0].body.zh).toContain('依据：《重大行政决策程序暂行条例》第二十六条。');
    expect(reviewer[0].body.en).toContain('R713 Art. 26');
    expect(reviewer[0].body.en).toContain('due on 2020-10-16');
    expect(reviewer[1].title.zh).toBe('【今日到期】出具合法性审查意见');
    expect(head.map((n) => n.title.zh)).toEqual(['【逾期督办】出具合法性审查意见已逾期1个工作日', '【逾期督办】出具合法性审查意见已逾期2个工作日']);
    expect(head.map((n) => n.createdAt)).toEqual(['2020-10-19T01:00:00.000Z', '2020-10-20T01:00:00.000Z']);
    // nobody else was told
    for (const user of ['dept-head', 'secretary', 'auditor', 'admin']) expect(await inboxOf(api, user, id)).toEqual([]);
    const stored = await t.sql(`SELECT dedupe_key FROM notifications WHERE case_id = ${ph(t, 1)} ORDER BY created_at`, [id]);
    expect([...new Set(stored.map((r) => r.dedupe_key.split(':')[1]))]).toEqual(['before-3', 'due', 'escalation-1', 'escalation-2']);
  });

  it('a state left before its reminder: no notification', async () => {
    const id = await caseInLegalityReview(api);
    await issueOpinion(api, id, '2020-10-12T03:00:00.000Z');
    for (const at of ['2020-10-13T01:00:00.000Z', '2020-10-16T01:00:00.000Z', '2020-10-19T01:00:00.000Z']) await deliverer.advanceTo(at);
    expect(await inboxOf(api, 'legal-reviewer', id)).toEqual([]);
    expect(await inboxOf(api, 'town-head', id)).toEqual([]);
    // leaving the state dropped the row's pending deliveries
    const [row] = await t.sql(`SELECT id, status FROM deadlines WHERE case_id = ${ph(t, 1)} AND key = 'legalityReviewOpinion'`, [id]);
    expect(row.status).toBe('met');
    expect(scheduler.pending().filter((j) => j.deadlineId === row.id)).toEqual([]);
  });

  it('a restart loses nothing: the new process plans the open deadlines again from the rows', async () => {
    const id = await caseInLegalityReview(api);
    await deliverer.advanceTo('2020-10-13T01:00:00.000Z');
    const [row] = await t.sql(`SELECT id FROM deadlines WHERE case_id = ${ph(t, 1)} AND status = 'open'`, [id]);
    const restarted = await createApp(t.config);
    // its clock is set before init, when the boot reconciliation runs
    const clock = restarted.get<AdjustableClock>(CLOCK);
    clock.set(new Date('2020-10-13T02:00:00.000Z'));
    await restarted.init();
    try {
      const next = restarted.get(EmbeddedDeadlineScheduler);
      expect(next.pending().filter((j) => j.deadlineId === row.id).map((j) => j.reminderKey)).toEqual(['before-3', 'due', 'escalation-1']);
      // the reminder already delivered is not delivered again; the due-day notice comes once
      await next.tick(new Date('2020-10-13T02:00:00.000Z'));
      clock.set(new Date('2020-10-16T01:00:00.000Z'));
      await next.tick(new Date('2020-10-16T01:00:00.000Z'));
      await scheduler.tick(new Date('2020-10-16T01:00:00.000Z'));
    } finally {
      await restarted.close();
    }
    expect(kindsOf(await inboxOf(api, 'legal-reviewer', id))).toEqual(['reminder', 'due']);
    await issueOpinion(api, id, '2020-10-16T03:00:00.000Z');
  });

  it('the schedule does not remember handled deliveries for the life of the process', async () => {
    const calendar = BusinessCalendar.fromChineseDays();
    const id = await caseInLegalityReview(api);
    const [row] = await t.sql(`SELECT id FROM deadlines WHERE case_id = ${ph(t, 1)} AND status = 'open'`, [id]);
    const remembered: number[] = [];
    // 20 working days of daily escalations, with the periodic reconciliation in between
    for (let n = 1; n <= 20; n++) {
      const at = new Date(`${calendar.addWorkdays('2020-10-16', n)}T01:00:00.000Z`);
      await deliverer.advanceTo(at.toISOString());
      await scheduler.reconcile(at);
      remembered.push(scheduler.doneCount());
    }
    expect(kindsOf(await inboxOf(api, 'town-head', id))).toHaveLength(20);
    // what is remembered stays bounded by the open deadlines' plans: it does not grow with each delivery
    expect(Math.max(...remembered.slice(1))).toBeLessThanOrEqual(remembered[0]);
    const before = scheduler.doneCount();
    await issueOpinion(api, id, `${calendar.addWorkdays('2020-10-16', 20)}T03:00:00.000Z`);
    // a closed deadline's deliveries are forgotten with it
    expect(scheduler.doneCount()).toBeLessThan(before);
    expect(scheduler.pending().filter((j) => j.deadlineId === row.id)).toEqual([]);
  });

  it('a job run twice writes one notification', async () => {
    const id = await caseInLegalityReview(api);
    const [row] = await t.sql(`SELECT id FROM deadlines WHERE case_id = ${ph(t, 1)} AND status = 'open'`, [id]);
    await api.setClock('2020-10-13T02:00:00.000Z');
    const { DeadlineReminderService } = await import('@app/deadlines');
    const service = t.app.get(DeadlineReminderService, { strict: false });
    const job = { deadlineId: row.id, reminderKey: 'before-3', dueDate: '2020-10-16', at: '2020-10-13T01:00:00.000Z' };
    const [a, b] = await Promise.all([service.handle(job), service.handle(job)]);
    const c = await service.handle(job);
    expect([a, b, c].map((o) => o.outcome)).toEqual(['delivered', 'delivered', 'delivered']);
    expect([a, b, c].flatMap((o) => (o.outcome === 'delivered' ? o.fresh : [])).length).toBe(1);
    expect(kindsOf(await inboxOf(api, 'legal-reviewer', id))).toEqual(['reminder']);
  });

  it('a minimum period: the undertaking department is told on its last day, other departments are not', async () => {
    await createUser(api, { username: `dzb-head-${driver}`, orgUnit: 'dzb', roles: ['department-head'] });
    const { id } = await runMajorDecision(api, { before: 'close' });
    await deliverer.advanceTo('2020-09-03T01:00:00.000Z');
    const inbox = await inboxOf(api, 'dept-head', id);
    expect(kindsOf(inbox)).toEqual(['period-ended']);
    expect(inbox[0].title.zh).toBe('【期限届满】公开征求意见期限届满');
    expect(inbox[0].body.zh).toContain('届满后可以进行下一步');
    expect(inbox[0].body.en).toContain('once it has ended you may proceed');
    expect(await inboxOf(api, `dzb-head-${driver}`, id)).toEqual([]);
    const steps = majorDecisionSteps();
    await runStep(api, id, steps.find((s) => s.name === 'close')!);
  });

  it('the inbox lists unread first, and a notification is marked read by its recipient only', async () => {
    const { id } = await runMajorDecision(api, { before: 'accept', procedures: NO_PROCEDURES });
    await deliverer.advanceTo('2020-10-13T01:00:00.000Z');
    await deliverer.advanceTo('2020-10-16T01:00:00.000Z');
    const [reminder, due] = await inboxOf(api, 'legal-reviewer', id);
    expect((await api.post('town-head', `/notifications/${reminder.id}/read`)).status).toBe(404);
    const read = await api.post('legal-reviewer', `/notifications/${reminder.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: reminder.id, readAt: expect.stringMatching(/^2020-10-16T01:00/) });
    await api.setClock('2020-10-16T05:00:00.000Z');
    expect((await api.post('legal-reviewer', `/notifications/${reminder.id}/read`)).body.readAt).toBe(read.body.readAt);
    const list = await api.get('legal-reviewer', '/notifications?limit=500');
    const mine = list.body.items.filter((n: { caseId: string }) => n.caseId === id).map((n: { id: string }) => n.id);
    expect(mine).toEqual([due.id, reminder.id]);
    const firstRead = list.body.items.findIndex((n: { readAt: string | null }) => n.readAt);
    expect(list.body.items.slice(firstRead).every((n: { readAt: string | null }) => n.readAt)).toBe(true);
    expect(list.body.unread).toBe(firstRead);
    const unread = await api.get('legal-reviewer', '/notifications?unread=true&limit=500');
    expect(unread.body.items.map((n: { id: string }) => n.id)).not.toContain(reminder.id);
    expect((await api.post('legal-reviewer', '/notifications/not-a-uuid/read')).status).toBe(400);
    expect((await api.get('legal-reviewer', '/notifications?unread=maybe')).status).toBe(400);
  });
});
