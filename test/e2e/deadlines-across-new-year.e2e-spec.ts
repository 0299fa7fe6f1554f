import { BullmqDeadlineScheduler, EmbeddedDeadlineScheduler } from '@app/deadlines';
import { randomBytes } from 'crypto';
import { LOAD_2027 } from '../factories/calendar-years.factory';
import { ph } from '../factories/db-fingerprint';
import { majorDecisionSteps, NO_PROCEDURES, runMajorDecision } from '../factories/major-decision.factory';
import { waitIdle } from '../factories/queue.factory';
import { inboxOf, kindsOf, yearNoticesOf } from '../factories/reminders.factory';
import { ApiClient } from '../setup/api-client';
import { dropPrefix, requireRedis, TEST_REDIS_URL } from '../setup/redis';
import { Driver, DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { startTestWorker, TestWorker } from '../setup/test-worker';

type Mode = 'embedded' | 'bullmq';
const CASES: Array<[Driver, Mode]> = DRIVERS.flatMap((d) => (['embedded', 'bullmq'] as Mode[]).map((m): [Driver, Mode] => [d, m]));

/**
 * Issue 10 item 1: the bundled holiday data ends with 2026. A deadline whose reminders or lateness
 * need 2027 is kept as calendar-missing (also with a due date the case supplies), the admins are
 * told once with the call that loads the year, the reminders and escalations go on counted in
 * calendar days (said so), the lateness is never a wrong working-day count, and loading the year
 * re-plans the deadline in working days. In both modes: embedded, and BullMQ with a worker.
 */
describe.each(CASES)('deadlines across 2026 → 2027 without 2027 holiday data on %s, %s', (driver, mode) => {
  const prefix = `t-newyear-${driver}-${randomBytes(4).toString('hex')}`;
  let t: TestApp;
  let api: ApiClient;
  let worker: TestWorker | undefined;
  let advance: (iso: string) => Promise<void>;

  beforeAll(async () => {
    if (mode === 'bullmq') await requireRedis();
    t = await startTestApp(driver, mode === 'bullmq' ? { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, QUEUE_LOCK_MS: '1000' } : {});
    api = new ApiClient(t);
    if (mode === 'bullmq') {
      const scheduler = t.app.get(BullmqDeadlineScheduler, { strict: false });
      worker = await startTestWorker(t, '2020-08-03T01:00:00.000Z');
      // the worker reads the shared test clock; moving it runs what is due
      advance = async (iso) => {
        await api.setClock(iso);
        await waitIdle(scheduler.queue);
      };
    } else {
      const scheduler = t.app.get(EmbeddedDeadlineScheduler, { strict: false });
      advance = async (iso) => {
        await api.setClock(iso);
        await scheduler.tick(new Date(iso));
      };
    }
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    if (mode === 'bullmq') await dropPrefix(prefix);
  });

  const reviewRow = async (caseId: string) =>
    (await t.sql(`SELECT id, status, due_date FROM deadlines WHERE case_id = ${ph(t, 1)} AND key = 'legalityReviewOpinion'`, [caseId]))[0] as {
      id: string;
      status: string;
      due_date: string | null;
    };

  /** A major decision sent for legality review at `at`, the opinion requested by `requested`. */
  async function submittedForReview(at: string, requested: string): Promise<string> {
    const { id } = await runMajorDecision(api, { before: 'submitReview', procedures: NO_PROCEDURES });
    const submit = majorDecisionSteps(NO_PROCEDURES).find((s) => s.name === 'submitReview')!;
    await api.setClock(at);
    await api.ok(submit.user, id, submit.type, { ...submit.payload, requestedCompletionDate: requested });
    return id;
  }

  it('overdue since 2026-10-14: escalations go on into 2027 counted in calendar days, never a wrong working-day count', async () => {
    const id = await submittedForReview('2026-09-21T02:00:00.000Z', '2026-10-14');
    expect(await reviewRow(id)).toMatchObject({ status: 'open', due_date: '2026-10-14' });
    await advance('2026-12-31T02:00:00.000Z');
    const atYearEnd = await inboxOf(api, 'town-head', id);
    // one escalation after the downtime, in working days: 2026 is known
    expect(atYearEnd.map((n) => n.title.zh)).toEqual(['【逾期督办】出具合法性审查意见已逾期56个工作日']);

    await advance('2027-01-06T02:00:00.000Z');
    const inJanuary = await inboxOf(api, 'town-head', id);
    expect(inJanuary).toHaveLength(2);
    // 2026-10-14 → 2027-01-06 is 84 calendar days: said as calendar days, with the reason
    expect(inJanuary[1].title.zh).toBe('【逾期督办】出具合法性审查意见已逾期84日（自然日）');
    expect(inJanuary[1].body.zh).toContain('因缺少2027年节假日安排数据，暂按自然日计算');
    expect(inJanuary[1].body.zh).not.toContain('工作日）');
    expect(await reviewRow(id)).toMatchObject({ status: 'calendar-missing', due_date: '2026-10-14' });
    // and on: never silent while unmet
    await advance('2027-01-07T02:00:00.000Z');
    expect((await inboxOf(api, 'town-head', id)).map((n) => n.title.zh).at(-1)).toBe('【逾期督办】出具合法性审查意见已逾期85日（自然日）');
    // the admins are told once for 2027: where in the console (zh-CN, no API call in it), and the call (English)
    const notices = await yearNoticesOf(api, 'admin');
    expect(notices).toHaveLength(1);
    expect(notices[0].body.zh).toContain('“管理 → 日历年度”');
    expect(notices[0].body.zh).not.toMatch(/POST|api\/v1/);
    expect(notices[0].body.en).toContain('POST /api/v1/admin/calendar-years {"year": 2027');
  });

  it('a due date the case supplies in 2027: calendar-missing, reminded in calendar days, and re-planned in working days once 2027 is loaded', async () => {
    const id = await submittedForReview('2026-12-16T02:00:00.000Z', '2027-01-08');
    expect(await reviewRow(id)).toMatchObject({ status: 'calendar-missing', due_date: '2027-01-08' });
    expect((await api.get('auditor', `/deadlines?status=calendar-missing&caseId=${id}`)).body.items).toEqual([
      expect.objectContaining({ key: 'legalityReviewOpinion', dueDate: '2027-01-08', status: 'calendar-missing' }),
    ]);
    // 3 calendar days before (the working-day count needs 2027)
    await advance('2027-01-05T01:00:00.000Z');
    const reminded = await inboxOf(api, 'legal-reviewer', id);
    expect(reminded.map((n) => n.title.zh)).toEqual(['【期限提醒】出具合法性审查意见：还有3日到期（自然日）']);
    expect(reminded[0].body.zh).toContain('于2027-01-08（北京时间24时）届满');
    await advance('2027-01-08T01:00:00.000Z');
    expect(kindsOf(await inboxOf(api, 'legal-reviewer', id))).toEqual(['reminder', 'due']);
    // Sat 2027-01-09: the first escalation, in calendar days
    await advance('2027-01-09T01:00:00.000Z');
    expect((await inboxOf(api, 'town-head', id)).map((n) => n.title.zh)).toEqual(['【逾期督办】出具合法性审查意见已逾期1日（自然日）']);

    const loaded = await api.post('admin', '/admin/calendar-years', LOAD_2027);
    expect(loaded.status).toBe(201);
    expect(loaded.body.recomputed).toEqual(expect.arrayContaining([expect.objectContaining({ caseId: id, key: 'legalityReviewOpinion', dueDate: '2027-01-08' })]));
    expect(await reviewRow(id)).toMatchObject({ status: 'open', due_date: '2027-01-08' });
    // Sunday: no calendar-day escalation any more; Monday 01-11 is the first working day late
    await advance('2027-01-10T01:00:00.000Z');
    await advance('2027-01-11T01:00:00.000Z');
    expect((await inboxOf(api, 'town-head', id)).map((n) => n.title.zh)).toEqual([
      '【逾期督办】出具合法性审查意见已逾期1日（自然日）',
      '【逾期督办】出具合法性审查意见已逾期1个工作日',
    ]);
  });
});
