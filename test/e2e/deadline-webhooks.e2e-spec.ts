import {
  BullmqDeadlineScheduler,
  EmbeddedDeadlineScheduler,
  verifyWebhookSignature,
  WEBHOOK_BACKOFF_MS,
  WEBHOOKS_QUEUE,
} from '@app/deadlines';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomBytes } from 'crypto';
import { ph } from '../factories/db-fingerprint';
import { until, waitIdle } from '../factories/queue.factory';
import { caseInLegalityReview, inboxOf, issueOpinion, openReviewDeadlineId } from '../factories/reminders.factory';
import { ApiClient } from '../setup/api-client';
import { dropPrefix, requireRedis, TEST_REDIS_URL } from '../setup/redis';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { startTestWorker, TestWorker } from '../setup/test-worker';
import { WebhookReceiver } from '../setup/webhook-receiver';

const SECRET = 'a-test-webhook-secret-of-32-chars!';

/** Issue 3 §6: the webhook channel. HMAC-signed JSON, its own job, retried with backoff, sent once per delivery. */
describe.each(DRIVERS)('deadline webhooks on %s', (driver) => {
  const receiver = new WebhookReceiver();
  let url: string;

  beforeAll(async () => {
    url = await receiver.start();
  });
  afterAll(async () => receiver.stop());

  const outboxRow = async (t: TestApp, id: string) => (await t.sql(`SELECT * FROM webhook_deliveries WHERE id = ${ph(t, 1)}`, [id]))[0];

  describe('embedded (no Redis): an in-process retry', () => {
    let t: TestApp;
    let api: ApiClient;
    let scheduler: EmbeddedDeadlineScheduler;

    beforeAll(async () => {
      t = await startTestApp(driver, { WEBHOOK_URL: url, WEBHOOK_SECRET: SECRET });
      api = new ApiClient(t);
      scheduler = t.app.get(EmbeddedDeadlineScheduler, { strict: false });
    });
    afterAll(async () => t?.close());

    it('posts each reminder once as signed JSON, retrying a failing receiver with backoff', async () => {
      const id = await caseInLegalityReview(api);
      const deliveryId = `${await openReviewDeadlineId(t, id)}__before-3`;
      receiver.failFirst = receiver.calls.length + 2;
      const at = Date.parse('2020-10-13T01:00:00.000Z');
      await api.setClock(new Date(at).toISOString());
      expect(await scheduler.tick(new Date(at))).toMatchObject({ delivered: 1, webhooksSent: 0, webhooksFailed: 1 });
      // not before the backoff has passed: 10 s, then 20 s
      expect(await scheduler.tick(new Date(at + WEBHOOK_BACKOFF_MS - 1))).toMatchObject({ webhooksFailed: 0, webhooksSent: 0 });
      expect(await scheduler.tick(new Date(at + WEBHOOK_BACKOFF_MS))).toMatchObject({ webhooksFailed: 1 });
      expect(await scheduler.tick(new Date(at + 3 * WEBHOOK_BACKOFF_MS))).toMatchObject({ webhooksSent: 1 });
      expect(await scheduler.tick(new Date(at + 10 * WEBHOOK_BACKOFF_MS))).toMatchObject({ webhooksSent: 0, webhooksFailed: 0 });

      const calls = receiver.callsFor(deliveryId);
      expect(calls.map((c) => c.status)).toEqual([500, 500, 204]);
      for (const c of calls) {
        expect(c.headers['content-type']).toMatch(/^application\/json/);
        expect(c.headers['x-docket-event']).toBe('deadline.reminder');
        expect(verifyWebhookSignature(SECRET, c.body, c.headers['x-docket-signature'] as string)).toBe(true);
        expect(c.body).toBe(calls[0].body);
      }
      expect(verifyWebhookSignature('another-secret-of-enough-length', calls[0].body, calls[0].headers['x-docket-signature'] as string)).toBe(false);
      const body = JSON.parse(calls[0].body);
      expect(body).toMatchObject({
        id: deliveryId,
        event: 'deadline.reminder',
        case: { id, title: '掌起镇农村生活垃圾分类处理实施方案' },
        deadline: {
          key: 'legalityReviewOpinion',
          dueDate: '2020-10-16',
          article: 'R713 Art. 26',
          articleZh: '《重大行政决策程序暂行条例》第二十六条',
          label: { zh: '出具合法性审查意见' },
        },
        reminder: { key: 'before-3', kind: 'reminder', workdays: 3, roles: ['legal-reviewer'] },
        recipients: [expect.objectContaining({ username: 'legal-reviewer' })],
        message: { title: { zh: '【期限提醒】出具合法性审查意见：还有3个工作日到期' } },
      });
      expect(body.message.body.zh).toContain('依据：《重大行政决策程序暂行条例》第二十六条。');
      expect(body.message.body.en).toContain('Basis: R713 Art. 26.');
      expect(await outboxRow(t, deliveryId)).toMatchObject({ status: 'sent', attempts: 3 });

      // the same reminder delivered again: no second notification, no second call
      const { DeadlineReminderService } = await import('@app/deadlines');
      const again = await t.app
        .get(DeadlineReminderService, { strict: false })
        .handle({ deadlineId: deliveryId.split('__')[0], reminderKey: 'before-3', dueDate: '2020-10-16', at: '2020-10-13T01:00:00.000Z' }, new Date(at));
      expect(again).toMatchObject({ outcome: 'delivered', fresh: [], webhookId: deliveryId });
      await scheduler.tick(new Date(at + 100 * WEBHOOK_BACKOFF_MS));
      expect(receiver.callsFor(deliveryId)).toHaveLength(3);
      expect(await inboxOf(api, 'legal-reviewer', id)).toHaveLength(1);
      await issueOpinion(api, id, '2020-10-13T03:00:00.000Z');
    });
  });

  describe('BullMQ: its own job, retried with backoff', () => {
    const prefix = `t-webhooks-${driver}-${randomBytes(4).toString('hex')}`;
    let t: TestApp;
    let api: ApiClient;
    let scheduler: BullmqDeadlineScheduler;
    let webhooks: Queue;
    let worker: TestWorker;

    beforeAll(async () => {
      await requireRedis();
      t = await startTestApp(driver, { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, WEBHOOK_URL: url, WEBHOOK_SECRET: SECRET });
      api = new ApiClient(t);
      scheduler = t.app.get(BullmqDeadlineScheduler, { strict: false });
      webhooks = t.app.get(getQueueToken(WEBHOOKS_QUEUE), { strict: false });
      worker = await startTestWorker(t, '2020-09-29T02:00:00.000Z');
    });
    afterAll(async () => {
      await worker?.close();
      await t?.close();
      await dropPrefix(prefix);
    });

    it('the worker posts the reminder; a failed call is retried as its own job', async () => {
      const id = await caseInLegalityReview(api);
      const deliveryId = `${await openReviewDeadlineId(t, id)}__before-3`;
      receiver.failFirst = receiver.calls.length + 1;
      await api.setClock('2020-10-13T01:00:00.000Z');
      worker.setClock('2020-10-13T01:00:00.000Z');
      await scheduler.promoteDue(new Date('2020-10-13T01:00:00.000Z'));
      await waitIdle(scheduler.queue);
      await until(async () => receiver.callsFor(deliveryId).length === 1, 'the first call');
      const job = await webhooks.getJob(`webhook__${deliveryId}`);
      await until(async () => (await job!.getState()) === 'delayed', 'the retry to be scheduled');
      expect(job!.opts).toMatchObject({ attempts: 10, backoff: { type: 'exponential', delay: WEBHOOK_BACKOFF_MS } });
      // the backoff is real time (10 s): let it come now
      await (await webhooks.getJob(`webhook__${deliveryId}`))!.promote();
      await until(async () => (await webhooks.getJob(`webhook__${deliveryId}`))!.getState().then((s) => s === 'completed'), 'the retry');
      const calls = receiver.callsFor(deliveryId);
      expect(calls.map((c) => c.status)).toEqual([500, 204]);
      expect(verifyWebhookSignature(SECRET, calls[1].body, calls[1].headers['x-docket-signature'] as string)).toBe(true);
      expect(JSON.parse(calls[1].body)).toMatchObject({ event: 'deadline.reminder', case: { id } });
      expect(await outboxRow(t, deliveryId)).toMatchObject({ status: 'sent', attempts: 2 });

      // Redis loses everything: reconciliation finds no pending call, and sends nothing twice
      await dropPrefix(prefix);
      await worker.app.get(BullmqDeadlineScheduler).reconcile(new Date('2020-10-13T02:00:00.000Z'));
      await waitIdle(scheduler.queue);
      await waitIdle(webhooks);
      expect(receiver.callsFor(deliveryId)).toHaveLength(2);
      await issueOpinion(api, id, '2020-10-13T03:00:00.000Z');
    });
  });
});
