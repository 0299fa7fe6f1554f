import { BusinessCalendar } from '@app/calendar';
import { EmbeddedDeadlineScheduler } from '@app/deadlines';
import { ph } from '../factories/db-fingerprint';
import { runNormativeDocument } from '../factories/normative-document.factory';
import { caseInLegalityReview, inboxOf, issueOpinion, kindsOf } from '../factories/reminders.factory';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

/**
 * Issue 3, two behaviours decided (docs/deadlines.md):
 * - after downtime, reminders whose moment has passed collapse into the latest delivery that is
 *   due; that one always goes out, so an escalation that is due is never skipped;
 * - escalations are daily until met by default; DOCKET_RULES may cap the daily ones (then every N
 *   working days, never silent) and step them up to the general office after N working days.
 * The review's opinion is due Fri 2020-10-16; working days after it: 10-19 (1), 10-20 (2), … 10-27 (7).
 */
const calendar = BusinessCalendar.fromChineseDays();

describe.each(DRIVERS)('reminder policy on %s', (driver) => {
  describe('after downtime (default policy)', () => {
    let t: TestApp;
    let api: ApiClient;
    let scheduler: EmbeddedDeadlineScheduler;

    beforeAll(async () => {
      t = await startTestApp(driver);
      api = new ApiClient(t);
      scheduler = t.app.get(EmbeddedDeadlineScheduler, { strict: false });
    });
    afterAll(async () => t?.close());

    it('down from before the reminder until the second escalation: only the escalation due now goes out, once', async () => {
      const id = await caseInLegalityReview(api);
      // nothing ran on 10-13, 10-16 nor 10-19: the process comes back on Tue 10-20 at 09:30
      await api.setClock('2020-10-20T01:30:00.000Z');
      expect(await scheduler.tick(new Date('2020-10-20T01:30:00.000Z'))).toMatchObject({ delivered: 1, superseded: 3 });
      // the one escalation goes to the reviewer who must act and to the town head, saying how late and since when
      const head = await inboxOf(api, 'town-head', id);
      expect(head.map((n) => n.title.zh)).toEqual(['【逾期督办】出具合法性审查意见已逾期2个工作日']);
      expect(head[0].body.zh).toContain('期限已于2020-10-16届满，至今未办结（截至2020-10-20已逾期2个工作日）');
      expect((await inboxOf(api, 'legal-reviewer', id)).map((n) => [n.kind, n.title.zh])).toEqual([['escalation', head[0].title.zh]]);
      // the next working day: the next escalation, as usual
      await api.setClock('2020-10-21T01:00:00.000Z');
      await scheduler.tick(new Date('2020-10-21T01:00:00.000Z'));
      expect(kindsOf(await inboxOf(api, 'town-head', id))).toEqual(['escalation', 'escalation']);
      const keys = await t.sql(`SELECT DISTINCT dedupe_key FROM notifications WHERE case_id = ${ph(t, 1)}`, [id]);
      expect([...new Set(keys.map((r) => r.dedupe_key.split(':')[1]))].sort()).toEqual(['escalation-2', 'escalation-3']);
      expect(keys).toHaveLength(4); // each to the reviewer and the town head
      await issueOpinion(api, id, '2020-10-21T03:00:00.000Z');
    });

    it('a due-day notice whose day passed long ago goes out once as an overdue notice saying how late it is, never as "due today"', async () => {
      // a document valid until 2025-05-21 (evaluation due that day, no escalation), last touched in 2022
      const { id } = await runNormativeDocument(api, { before: 'evaluate' });
      const [row] = await t.sql(`SELECT id, due_date FROM deadlines WHERE case_id = ${ph(t, 1)} AND key = 'expiryEvaluation' AND status = 'open'`, [id]);
      expect(row.due_date).toBe('2025-05-21');
      const back = '2026-12-03T02:00:00.000Z';
      await api.setClock(back);
      await scheduler.reconcile(new Date(back));
      await scheduler.tick(new Date(back));
      const late = calendar.workdaysBetween('2025-05-21', '2026-12-03');
      const notices = (await inboxOf(api, 'dept-head', id)).filter((n) => n.deadlineId === row.id);
      expect(notices.map((n) => [n.kind, n.title.zh, n.createdAt])).toEqual([['overdue', `【逾期提醒】有效期届满前评估已逾期${late}个工作日`, back]]);
      expect(notices[0].body.zh).toContain(`期限已于2025-05-21（北京时间24时）届满，至今未办结，截至2026-12-03已逾期${late}个工作日，请尽快办理。`);
      expect(notices[0].body.zh).not.toMatch(/今日|还有\d+个工作日/);
      expect(notices[0].body.en).toContain(`${late} working days late as of 2026-12-03`);
      // the earlier reminders (60, 20, 5 working days before) were superseded, not sent; and nothing more comes later
      for (const at of ['2026-12-04T01:00:00.000Z', '2026-12-07T01:00:00.000Z']) {
        await api.setClock(at);
        await scheduler.reconcile(new Date(at));
        await scheduler.tick(new Date(at));
      }
      const keys = await t.sql(`SELECT dedupe_key, kind FROM notifications WHERE deadline_id = ${ph(t, 1)}`, [row.id]);
      expect(keys.map((r) => `${r.dedupe_key.split(':')[1]}:${r.kind}`)).toEqual(['due:overdue']);
    });
  });

  describe('capped and stepped up (DOCKET_RULES)', () => {
    let t: TestApp;
    let api: ApiClient;
    let scheduler: EmbeddedDeadlineScheduler;
    const at = async (iso: string) => {
      await api.setClock(iso);
      await scheduler.tick(new Date(iso));
    };

    beforeAll(async () => {
      t = await startTestApp(driver, {
        DOCKET_RULES: JSON.stringify({
          'deadlines.escalation.dailyWorkdays': 2,
          'deadlines.escalation.thenEveryWorkdays': 5,
          'deadlines.escalation.stepUpAfterWorkdays': 2,
        }),
      });
      api = new ApiClient(t);
      scheduler = t.app.get(EmbeddedDeadlineScheduler, { strict: false });
    });
    afterAll(async () => t?.close());

    it('daily for 2 working days, then every 5; from the 2nd the general office is told as well', async () => {
      const id = await caseInLegalityReview(api);
      for (const day of ['2020-10-13', '2020-10-16', '2020-10-19', '2020-10-20', '2020-10-21', '2020-10-22', '2020-10-23', '2020-10-26', '2020-10-27', '2020-10-28']) {
        await at(`${day}T01:00:00.000Z`);
      }
      const head = await inboxOf(api, 'town-head', id);
      expect(head.map((n) => n.createdAt.slice(0, 10))).toEqual(['2020-10-19', '2020-10-20', '2020-10-27']);
      expect(head.map((n) => n.title.zh)).toEqual([
        '【逾期督办】出具合法性审查意见已逾期1个工作日',
        '【逾期督办】出具合法性审查意见已逾期2个工作日',
        '【逾期督办】出具合法性审查意见已逾期7个工作日',
      ]);
      const office = await inboxOf(api, 'secretary', id);
      expect(office.map((n) => n.createdAt.slice(0, 10))).toEqual(['2020-10-20', '2020-10-27']);
      // the responsible people by name and unit, never by id or username
      expect(office[0].body.zh).toContain('请督促合法性审查人员（司法所）司法所审查员（司法所）办理');
      expect(office[0].body.zh).not.toContain('legal-reviewer');
      const reviewer = await inboxOf(api, 'legal-reviewer', id);
      expect(kindsOf(reviewer)).toEqual(['reminder', 'due', 'escalation', 'escalation', 'escalation']);
      expect(reviewer.slice(2).map((n) => n.createdAt.slice(0, 10))).toEqual(['2020-10-19', '2020-10-20', '2020-10-27']);
      await issueOpinion(api, id, '2020-10-28T03:00:00.000Z');
    });

    it('back after downtime between two cadence days: the escalation says how late it is on the day it goes out', async () => {
      const id = await caseInLegalityReview(api);
      // nothing ran from before the reminder until working day 9 after the due date (escalation days: 1, 2, 7, 12, …)
      const back = `${calendar.addWorkdays('2020-10-16', 9)}T01:30:00.000Z`;
      await at(back);
      const late = calendar.workdaysBetween('2020-10-16', back.slice(0, 10));
      expect(late).toBe(9);
      for (const user of ['town-head', 'legal-reviewer']) {
        const inbox = await inboxOf(api, user, id);
        expect({ user, titles: inbox.map((n) => n.title.zh) }).toEqual({ user, titles: [`【逾期督办】出具合法性审查意见已逾期${late}个工作日`] });
        expect(inbox[0].body.zh).toContain(`已于2020-10-16届满，至今未办结（截至${back.slice(0, 10)}已逾期${late}个工作日）`);
      }
      await issueOpinion(api, id, `${back.slice(0, 10)}T03:00:00.000Z`);
    });
  });
});
