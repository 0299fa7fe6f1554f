import { EmbeddedDeadlineScheduler } from '@app/deadlines';
import { ph } from '../factories/db-fingerprint';
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
      expect(await inboxOf(api, 'legal-reviewer', id)).toEqual([]);
      const head = await inboxOf(api, 'town-head', id);
      expect(head.map((n) => n.title.zh)).toEqual(['【逾期督办】出具合法性审查意见已逾期2个工作日']);
      // the next working day: the next escalation, as usual
      await api.setClock('2020-10-21T01:00:00.000Z');
      await scheduler.tick(new Date('2020-10-21T01:00:00.000Z'));
      expect(kindsOf(await inboxOf(api, 'town-head', id))).toEqual(['escalation', 'escalation']);
      const keys = await t.sql(`SELECT DISTINCT dedupe_key FROM notifications WHERE case_id = ${ph(t, 1)}`, [id]);
      expect(keys.map((r) => r.dedupe_key.split(':')[1]).sort()).toEqual(['escalation-2', 'escalation-3']);
      await issueOpinion(api, id, '2020-10-21T03:00:00.000Z');
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
      expect(office[0].body.zh).toContain('请督促合法性审查人员（司法所）办理');
      expect(kindsOf(await inboxOf(api, 'legal-reviewer', id))).toEqual(['reminder', 'due']);
      await issueOpinion(api, id, '2020-10-28T03:00:00.000Z');
    });
  });
});
