import {
  BullmqDeadlineScheduler,
  DEADLINE_REMINDER_JOB,
  DeadlineReminderService,
  EMAIL_BACKOFF_MS,
  EMAIL_DELIVERY_JOB,
  EmailSenderService,
  EMAILS_QUEUE,
  EmbeddedDeadlineScheduler,
} from '@app/deadlines';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomBytes } from 'crypto';
import { ph } from '../factories/db-fingerprint';
import { until, waitIdle } from '../factories/queue.factory';
import { caseInLegalityReview, inboxOf, issueOpinion, openReviewDeadlineId } from '../factories/reminders.factory';
import { ApiClient } from '../setup/api-client';
import { dropPrefix, requireRedis, TEST_REDIS_URL } from '../setup/redis';
import { SmtpReceiver } from '../setup/smtp-receiver';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { startTestWorker, TestWorker } from '../setup/test-worker';

const FROM = '掌起镇 Docket <docket@zhangqi.test>';
const REMINDER_AT = '2020-10-13T01:00:00.000Z';

/**
 * Issue 3 §6: reminders by e-mail over SMTP (SMTP_URL set), against a real SMTP server in this
 * process: one e-mail per reminder per recipient with an address, zh-CN with English alongside,
 * sent once — across a repeated reminder job, a repeated e-mail job and a Redis flush — and
 * retried with backoff when the server refuses it.
 */
describe.each(DRIVERS)('deadline reminders by e-mail on %s', (driver) => {
  const smtp = new SmtpReceiver();
  let url: string;

  beforeAll(async () => {
    url = await smtp.start();
  });
  afterAll(async () => smtp.stop());


  /** A second legal reviewer with an e-mail address (the demo one has none). */
  async function reviewerWithEmail(api: ApiClient, username: string, email: string): Promise<string> {
    const res = await api.post('admin', '/users', { username, displayName: '司法所审查员（邮件）', password: 'Docket-test-pw1', orgUnit: 'sfs', roles: ['legal-reviewer'], email });
    expect(res.status).toBe(201);
    expect(res.body.email).toBe(email);
    return res.body.id;
  }

  function expectReminderMail(mail: { subject: string; text: string; from: string; headers: Record<string, string> }, title: string) {
    expect(mail.subject).toBe('【期限提醒】出具合法性审查意见：还有3个工作日到期');
    expect(mail.text).toContain(`案件“${title}”`);
    expect(mail.text).toContain('当前环节：');
    expect(mail.text).toContain('2020-10-16');
    expect(mail.text).toContain('依据：《重大行政决策程序暂行条例》第二十六条。');
    expect(mail.text).not.toMatch(/依据：R713/);
    expect(mail.text).toContain('Reminder: ');
    expect(mail.text).toContain('is due on 2020-10-16');
    expect(mail.text).toContain('Basis: R713 Art. 26');
    expect(mail.from).toBe('docket@zhangqi.test');
    expect(mail.headers['message-id']).toMatch(/^<.+__before-3__.+@docket>$/);
  }

  describe('embedded (no Redis): sent in process, retried with backoff', () => {
    let t: TestApp;
    let api: ApiClient;
    let scheduler: EmbeddedDeadlineScheduler;

    beforeAll(async () => {
      t = await startTestApp(driver, { SMTP_URL: url, SMTP_FROM: FROM });
      api = new ApiClient(t);
      scheduler = t.app.get(EmbeddedDeadlineScheduler, { strict: false });
    });
    afterAll(async () => t?.close());

    it('e-mails the reminder once to the recipient with an address; a refused message is retried; a repeated job sends nothing', async () => {
      const address = `reviewer-${driver}@zhangqi.test`;
      const userId = await reviewerWithEmail(api, `mail-reviewer-${driver}`, address);
      const id = await caseInLegalityReview(api);
      const deadlineId = await openReviewDeadlineId(t, id);
      const deliveryId = `${deadlineId}__before-3__${userId}`;
      smtp.failFirst = smtp.messages.length + 1;
      const at = Date.parse(REMINDER_AT);
      await api.setClock(REMINDER_AT);
      expect(await scheduler.tick(new Date(at))).toMatchObject({ delivered: 1, emailsSent: 0, emailsFailed: 1 });
      expect(smtp.messagesFor(deliveryId)).toHaveLength(0);
      // not before the backoff has passed
      expect(await scheduler.tick(new Date(at + EMAIL_BACKOFF_MS - 1))).toMatchObject({ emailsSent: 0, emailsFailed: 0 });
      expect(await scheduler.tick(new Date(at + EMAIL_BACKOFF_MS))).toMatchObject({ emailsSent: 1 });
      const [mail, ...more] = smtp.messagesFor(deliveryId);
      expect(more).toEqual([]);
      expect(mail.to).toEqual([address]);
      expectReminderMail(mail, '掌起镇农村生活垃圾分类处理实施方案');
      const [row] = await t.sql(`SELECT status, attempts, to_address FROM email_deliveries WHERE id = ${ph(t, 1)}`, [deliveryId]);
      expect(row).toMatchObject({ status: 'sent', attempts: 2, to_address: address });
      // the demo reviewer has no address: an inbox entry, no e-mail
      expect(await inboxOf(api, 'legal-reviewer', id)).toHaveLength(1);
      expect(smtp.messages.filter((m) => m.raw.includes(deadlineId) && !m.to.includes(address))).toEqual([]);

      // the same reminder delivered again, and the same e-mail sent again: nothing new
      const again = await t.app
        .get(DeadlineReminderService, { strict: false })
        .handle({ deadlineId, reminderKey: 'before-3', dueDate: '2020-10-16', at: REMINDER_AT }, new Date(at));
      expect(again).toMatchObject({ outcome: 'delivered', fresh: [], emailIds: [deliveryId] });
      await scheduler.tick(new Date(at + 100 * EMAIL_BACKOFF_MS));
      expect(await t.app.get(EmailSenderService, { strict: false }).deliver(deliveryId)).toBe('already-sent');
      expect(smtp.messagesFor(deliveryId)).toHaveLength(1);
      await issueOpinion(api, id, '2020-10-13T03:00:00.000Z');
    });

    it('an administrator sets or clears an address later; the next reminder goes to the address in force', async () => {
      const users = (await api.get('admin', '/users')).body as Array<{ id: string; username: string; email: string | null }>;
      const demo = users.find((u) => u.username === 'legal-reviewer')!;
      expect(demo.email).toBeNull();
      const put = (user: string, userId: string, body: unknown) => api.put(user, `/users/${userId}/email`, body);
      for (const [body, code] of [[{}, 'VALIDATION_FAILED'], [{ email: 'not an address' }, 'VALIDATION_FAILED'], [{ email: 42 }, 'VALIDATION_FAILED']] as const) {
        const res = await put('admin', demo.id, body);
        expect([res.status, res.body.code]).toEqual([400, code]);
      }
      expect((await put('legal-reviewer', demo.id, { email: 'x@zhangqi.test' })).status).toBe(403);
      expect([(await put('admin', '6f1d8a52-3b7e-4c1a-9d2e-000000000000', { email: 'x@zhangqi.test' })).body.code]).toEqual(['USER_NOT_FOUND']);
      const address = `demo-reviewer-${driver}@zhangqi.test`;
      const set = await put('admin', demo.id, { email: address });
      expect([set.status, set.body.email]).toEqual([200, address]);

      const id = await caseInLegalityReview(api);
      const deadlineId = await openReviewDeadlineId(t, id);
      const at = Date.parse(REMINDER_AT);
      await api.setClock(REMINDER_AT);
      await scheduler.tick(new Date(at));
      const [mail, ...more] = smtp.messagesFor(`${deadlineId}__before-3__${demo.id}`);
      expect(more).toEqual([]);
      expect(mail.to).toEqual([address]);
      await issueOpinion(api, id, '2020-10-13T03:00:00.000Z');

      const cleared = await put('admin', demo.id, { email: null });
      expect([cleared.status, cleared.body.email]).toEqual([200, null]);
      expect((await api.get('admin', '/users')).body.find((u: { id: string }) => u.id === demo.id).email).toBeNull();
    });

    it('refuses a malformed address when the user is created', async () => {
      const res = await api.post('admin', '/users', { username: `bad-mail-${driver}`, displayName: 'x', password: 'Docket-test-pw1', orgUnit: 'sfs', roles: ['legal-reviewer'], email: 'not an address' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('BullMQ: its own job, sent once across a repeated job and a Redis flush', () => {
    const prefix = `t-email-${driver}-${randomBytes(4).toString('hex')}`;
    let t: TestApp;
    let api: ApiClient;
    let scheduler: BullmqDeadlineScheduler;
    let emails: Queue;
    let worker: TestWorker;

    beforeAll(async () => {
      await requireRedis();
      t = await startTestApp(driver, { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, SMTP_URL: url, SMTP_FROM: FROM });
      api = new ApiClient(t);
      scheduler = t.app.get(BullmqDeadlineScheduler, { strict: false });
      emails = t.app.get(getQueueToken(EMAILS_QUEUE), { strict: false });
      worker = await startTestWorker(t, '2020-09-29T02:00:00.000Z');
    });
    afterAll(async () => {
      await worker?.close();
      await t?.close();
      await dropPrefix(prefix);
    });

    it('the worker e-mails the reminder as its own job, exactly once', async () => {
      const address = `reviewer-q-${driver}@zhangqi.test`;
      const userId = await reviewerWithEmail(api, `mail-reviewer-q-${driver}`, address);
      const id = await caseInLegalityReview(api);
      const deadlineId = await openReviewDeadlineId(t, id);
      const deliveryId = `${deadlineId}__before-3__${userId}`;
      await api.setClock(REMINDER_AT);
      worker.setClock(REMINDER_AT);
      await scheduler.promoteDue(new Date(REMINDER_AT));
      await waitIdle(scheduler.queue);
      await until(async () => smtp.messagesFor(deliveryId).length === 1, 'the e-mail');
      const job = await emails.getJob(`email__${deliveryId}`);
      expect(job!.opts).toMatchObject({ attempts: 10, backoff: { type: 'exponential', delay: EMAIL_BACKOFF_MS } });
      await until(async () => (await job!.getState()) === 'completed', 'the e-mail job to complete');
      expectReminderMail(smtp.messagesFor(deliveryId)[0], '掌起镇农村生活垃圾分类处理实施方案');

      // the reminder job delivered again (a redelivery under another id), and the e-mail job run again
      await scheduler.queue.add(DEADLINE_REMINDER_JOB, { deadlineId, reminderKey: 'before-3', dueDate: '2020-10-16', at: REMINDER_AT }, { jobId: `redelivered-${deadlineId}` });
      await waitIdle(scheduler.queue);
      const rerun = await emails.add(EMAIL_DELIVERY_JOB, { deliveryId }, { jobId: `again-${deliveryId}` });
      await until(async () => (await rerun.getState()) === 'completed', 'the repeated e-mail job');
      expect((await emails.getJob(rerun.id!))!.returnvalue).toEqual({ outcome: 'already-sent' });

      // Redis loses everything: reconciliation finds no pending e-mail and sends nothing twice
      await dropPrefix(prefix);
      await worker.app.get(BullmqDeadlineScheduler).reconcile(new Date('2020-10-13T02:00:00.000Z'));
      await waitIdle(scheduler.queue);
      await waitIdle(emails);
      expect(smtp.messagesFor(deliveryId)).toHaveLength(1);
      expect(await t.sql(`SELECT status FROM email_deliveries WHERE id LIKE ${ph(t, 1)}`, [`${deadlineId}%`])).toEqual([{ status: 'sent' }]);
      await issueOpinion(api, id, '2020-10-13T03:00:00.000Z');
    });
  });
});
