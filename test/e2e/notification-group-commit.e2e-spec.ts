import { NOTIFICATION_REPOSITORY } from '@app/deadlines';
import { NotificationEntity, NotificationRepository, WebhookDeliveryEntity } from '@app/persistence';
import { randomUUID } from 'crypto';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

const note = (dedupeKey: string, userId: string): NotificationEntity =>
  Object.assign(new NotificationEntity(), {
    id: randomUUID(),
    dedupeKey,
    userId,
    caseId: null,
    deadlineId: null,
    kind: 'reminder',
    titleZh: '【期限提醒】测试',
    titleEn: 'Reminder: test',
    bodyZh: '测试',
    bodyEn: 'test',
    createdAt: '2020-10-13T01:00:00.000Z',
    readAt: null,
  } satisfies NotificationEntity);

/**
 * The notifications' group commit (a burst of deliveries shares transactions): each delivery
 * learns exactly which of its rows it wrote, a key two concurrent deliveries share is written
 * once and counted once, each delivery's outbox row is written with its notifications, and a
 * delivery whose transaction work fails fails alone.
 */
describe.each(DRIVERS)('notification group commit on %s', (driver) => {
  let t: TestApp;
  let repo: NotificationRepository;
  let userId: string;

  beforeAll(async () => {
    t = await startTestApp(driver);
    repo = t.app.get(NOTIFICATION_REPOSITORY, { strict: false });
    userId = (await t.sql(`SELECT id FROM users WHERE username = 'legal-reviewer'`))[0].id;
  });
  afterAll(async () => t?.close());

  it('40 concurrent deliveries, duplicates among them and one failing: each learns its own fresh rows', async () => {
    const run = randomUUID().slice(0, 8);
    const key = (i: number) => `${run}:d${i}:${userId}`;
    await repo.insertNew([note(key(0), userId)]); // already there before the burst
    const calls = Array.from({ length: 40 }, (_, i) => {
      // deliveries 0–9 twice (a redelivered job racing the first), 30–39 once; 20 fails in its transaction
      const k = i < 20 ? key(i % 10) : key(i);
      const webhook = Object.assign(new WebhookDeliveryEntity(), {
        id: `${run}__${i}`,
        event: 'deadline.reminder',
        body: '{}',
        status: 'pending',
        attempts: 0,
        lastError: null,
        createdAt: '2020-10-13T01:00:00.000Z',
        lastAttemptAt: null,
        sentAt: null,
      } satisfies WebhookDeliveryEntity);
      return repo.insertNew([note(k, userId)], async (m) => {
        if (i === 20) throw new Error('this delivery fails');
        await m.createQueryBuilder().insert().into(WebhookDeliveryEntity).values(webhook).orIgnore().execute();
      });
    });
    const results = await Promise.allSettled(calls);
    expect(results[20]).toMatchObject({ status: 'rejected', reason: { message: 'this delivery fails' } });
    const fresh = results.map((r) => (r.status === 'fulfilled' ? r.value : null));
    // key 0 existed: nobody wrote it; keys 1–9: exactly one of the two deliveries did
    expect(fresh[0]).toEqual([]);
    expect(fresh[10]).toEqual([]);
    for (let i = 1; i < 10; i++) expect([...fresh[i]!, ...fresh[i + 10]!]).toEqual([key(i)]);
    for (let i = 21; i < 40; i++) expect(fresh[i]).toEqual([key(i)]);
    const stored = await t.sql(`SELECT dedupe_key FROM notifications WHERE dedupe_key LIKE '${run}:%'`);
    expect(stored.map((r) => r.dedupe_key).sort()).toEqual([...Array.from({ length: 10 }, (_, i) => key(i)), ...Array.from({ length: 19 }, (_, i) => key(i + 21))].sort());
    // the failed delivery left nothing behind; every other one wrote its outbox row with its notifications
    const outbox = await t.sql(`SELECT id FROM webhook_deliveries WHERE id LIKE '${run}__%'`);
    expect(outbox.map((r) => Number(r.id.split('__')[1])).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i).filter((i) => i !== 20));
  });
});
