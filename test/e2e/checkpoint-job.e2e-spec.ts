import { generateSigningKey } from '@app/audit';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { randomBytes } from 'crypto';
import { CheckpointIntervalScheduler } from '../../apps/api/src/audit/checkpoint-interval.scheduler';
import { CheckpointJobScheduler } from '../../apps/worker/src/checkpoints/checkpoint-job.scheduler';
import { CHECKPOINT_SCHEDULER_ID, CHECKPOINTS_QUEUE } from '../../apps/worker/src/checkpoints/checkpoint.queue';
import { createMajorDecision } from '../factories/major-decision.factory';
import { ApiClient } from '../setup/api-client';
import { dropPrefix, requireRedis, TEST_REDIS_URL } from '../setup/redis';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { startTestWorker, TestWorker } from '../setup/test-worker';

/**
 * Issue 4 §2 with REDIS_URL set: the periodic signed checkpoint is a BullMQ job scheduler run by
 * the worker (the API's in-process interval stays idle), against the real local Redis. The
 * period is one second here; the checkpoint itself is made by the same writer as POST /checkpoints.
 */
const PERIOD_MS = 1000;

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(DRIVERS)('periodic checkpoints with BullMQ on %s', (driver) => {
  const prefix = `t-checkpoints-${driver}-${randomBytes(4).toString('hex')}`;
  let t: TestApp;
  let api: ApiClient;
  const workers: TestWorker[] = [];
  let queue: Queue;

  const checkpoints = async () => (await api.get('auditor', '/checkpoints?limit=100')).body as { total: number; items: Array<{ seq: number; heads: number }> };

  beforeAll(async () => {
    await requireRedis();
    t = await startTestApp(driver, {
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      ...(driver === 'postgres' ? { DOCKET_SIGNING_KEY: generateSigningKey().base64 } : {}),
    });
    api = new ApiClient(t);
    workers.push(await startTestWorker(t, '2020-08-03T02:00:00.000Z', { checkpointIntervalMs: PERIOD_MS }));
    queue = workers[0].app.get<Queue>(getQueueToken(CHECKPOINTS_QUEUE));
  });
  afterAll(async () => {
    for (const w of workers) await w.close();
    await t?.close();
    await dropPrefix(prefix);
  });

  it('the API does not make periodic checkpoints itself when REDIS_URL is set', () => {
    expect((t.app.get(CheckpointIntervalScheduler) as unknown as { timer: unknown }).timer).toBeNull();
  });

  it('the worker checkpoints every period: a new case is anchored, with an inclusion proof', async () => {
    const id = await createMajorDecision(api);
    const cp = await until('a checkpoint anchoring the new case', async () => {
      const proof = await api.get('auditor', `/cases/${id}/inclusion-proof`);
      return proof.status === 200 && proof.body.verified === true ? proof.body : undefined;
    });
    expect(cp.inclusion.head).toMatchObject({ caseId: id, seq: 1 });
    expect(await queue.getJobSchedulersCount()).toBe(1);
  });

  it('an idle period makes no checkpoint; a moved head is anchored by the next one', async () => {
    await until('the periodic job to catch up', async () => (await queue.getCompletedCount()) >= 2);
    const idle = (await checkpoints()).total;
    const completed = await queue.getCompletedCount();
    // at least three more periods pass with nothing moving
    await until('three idle periods', async () => (await queue.getCompletedCount()) >= completed + 3);
    expect((await checkpoints()).total).toBe(idle);

    const id = await createMajorDecision(api);
    const anchored = await until('the next checkpoint', async () => {
      const list = await checkpoints();
      return list.total > idle ? list : undefined;
    });
    expect(anchored.items[0]).toMatchObject({ seq: idle + 1, heads: 1 });
    expect((await api.get('auditor', `/cases/${id}/inclusion-proof`)).body.verified).toBe(true);
  });

  it('two workers share one scheduler, and the checkpoints stay one chain', async () => {
    workers.push(await startTestWorker(t, '2020-08-03T02:00:00.000Z', { checkpointIntervalMs: PERIOD_MS }));
    expect(await queue.getJobSchedulersCount()).toBe(1);
    await createMajorDecision(api);
    await createMajorDecision(api);
    const before = (await checkpoints()).total;
    await until('a checkpoint', async () => (await checkpoints()).total > before);
    const list = (await checkpoints()).items.map((c) => c.seq).sort((a, b) => a - b);
    expect(list).toEqual(list.map((_, i) => i + 1));
    const verify = await api.get('auditor', `/checkpoints/${list.length}/consistency?from=1`);
    expect(verify.status).toBe(200);
  });

  it('a Redis flush loses the scheduler; the worker re-creates it and checkpoints go on', async () => {
    // the workers' own refresh is held while the flush is observed, then run by hand
    const schedulers = workers.map((w) => w.app.get(CheckpointJobScheduler));
    await Promise.all(schedulers.map((s) => s.stopRefresh()));
    await dropPrefix(prefix);
    expect(await queue.getJobSchedulersCount()).toBe(0);
    // what the worker's ten-minute refresh does
    await schedulers[0].ensure();
    schedulers.forEach((s) => s.startRefresh());
    expect(await queue.getJobScheduler(CHECKPOINT_SCHEDULER_ID)).toMatchObject({ every: PERIOD_MS });
    const before = (await checkpoints()).total;
    const id = await createMajorDecision(api);
    await until('a checkpoint after the flush', async () => (await checkpoints()).total > before);
    expect((await api.get('auditor', `/cases/${id}/inclusion-proof`)).body.verified).toBe(true);
  });
});
