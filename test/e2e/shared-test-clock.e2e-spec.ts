import { BullmqDeadlineScheduler, DEADLINE_REMINDER_JOB, REMINDER_JOB_OPTIONS } from '@app/deadlines';
import { ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import { until, waitIdle } from '../factories/queue.factory';
import { caseInLegalityReview, Deliverer, inboxOf, issueOpinion, kindsOf, legalityReviewLeftUntouched, openReviewDeadlineId } from '../factories/reminders.factory';
import { ApiClient } from '../setup/api-client';
import { dropPrefix, requireRedis, TEST_REDIS_URL } from '../setup/redis';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { spawnWorkerProcess, workerEnv } from '../setup/test-worker';

/**
 * Issue 10 item 2: with DOCKET_TEST_CLOCK=1 the API and the worker read one test clock, stored in
 * the database. The reminder scenario runs in the queued mode through real processes: this API and
 * a worker started as its own OS process, which is never told the time — it reads it. Moving the
 * clock (PUT /test/clock) is all a test does; the jobs now due run, and a job queued with a delay
 * from another time is replaced.
 */
describe.each(DRIVERS)('the shared test clock with BullMQ and a worker process on %s', (driver) => {
  const prefix = `t-clock-${driver}-${randomBytes(4).toString('hex')}`;
  let t: TestApp;
  let api: ApiClient;
  let scheduler: BullmqDeadlineScheduler;
  let child: ChildProcess | undefined;

  const start = () => spawnWorkerProcess(workerEnv(t, '', { TEST_CLOCK_AT: '' }));
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
    child = undefined;
  };
  /** Only the API's clock is moved; the worker process finds the time in the database. */
  const deliverer: Deliverer = {
    advanceTo: async (iso) => {
      await api.setClock(iso);
      await waitIdle(scheduler.queue);
    },
  };
  const openReview = (caseId: string) => openReviewDeadlineId(t, caseId);

  beforeAll(async () => {
    await requireRedis();
    t = await startTestApp(driver, { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, QUEUE_LOCK_MS: '1000' });
    api = new ApiClient(t);
    scheduler = t.app.get(BullmqDeadlineScheduler, { strict: false });
    await api.setClock('2020-08-03T01:00:00.000Z');
    child = await start();
  }, 90_000);
  afterAll(async () => {
    await stop();
    await t?.close();
    await dropPrefix(prefix);
  });

  it('GET /test/clock answers the stored time; a process started later starts there', async () => {
    await api.setClock('2020-09-29T02:00:00.000Z');
    const stored = await t.sql('SELECT offset_ms, moved_at FROM test_clock');
    expect(stored).toEqual([expect.objectContaining({ moved_at: '2020-09-29T02:00:00.000Z' })]);
    expect(Math.abs(Date.now() + Number(stored[0].offset_ms) - Date.parse('2020-09-29T02:00:00.000Z'))).toBeLessThan(60_000);
  });

  it('the reminder scenario: reminder, due-day notice and escalations, once each, delivered by the worker process on the shared clock', async () => {
    const { id, reviewer, head } = await legalityReviewLeftUntouched(api, deliverer);
    // the responsible reviewer gets every notice; the escalations also reach the town head
    expect(kindsOf(reviewer)).toEqual(['reminder', 'due', 'escalation', 'escalation']);
    expect(reviewer[0].title.zh).toBe('【期限提醒】出具合法性审查意见：还有3个工作日到期');
    expect(kindsOf(head)).toEqual(['escalation', 'escalation']);
    // written by the worker at the test clock's time, not the machine's
    expect(head.map((n) => n.createdAt.slice(0, 16))).toEqual(['2020-10-19T01:00', '2020-10-20T01:00']);
    expect(head[1].body.zh).toContain('2');
    for (const user of ['dept-head', 'secretary', 'auditor']) expect(await inboxOf(api, user, id)).toEqual([]);
  });

  it('a worker restarted while the clock stands later plans from the test clock, not the machine date', async () => {
    await deliverer.advanceTo('2020-09-29T02:00:00.000Z');
    const id = await caseInLegalityReview(api);
    await stop();
    // the API moves on while no worker runs: the escalations of 10-19 … 10-21 are due when one starts
    await api.setClock('2020-10-21T02:00:00.000Z');
    child = await start();
    await waitIdle(scheduler.queue);
    await until(async () => (await inboxOf(api, 'town-head', id)).length > 0, 'the escalation', 20_000);
    await waitIdle(scheduler.queue);
    const head = await inboxOf(api, 'town-head', id);
    // one escalation (the latest due, collapsed), 3 working days late on the test clock
    expect(head).toHaveLength(1);
    expect(head[0].createdAt.slice(0, 10)).toBe('2020-10-21');
    expect(head[0].body.zh).toContain('3个工作日');
    await issueOpinion(api, id, '2020-10-21T03:00:00.000Z');
  });

  it('a job queued with a delay from another time does not block reconciliation: it is replaced and runs when due', async () => {
    await deliverer.advanceTo('2020-09-29T02:00:00.000Z');
    const id = await caseInLegalityReview(api);
    const deadlineId = await openReview(id);
    const jobId = `${deadlineId}__before-3`;
    // as if queued by a process whose clock was a year behind: due in a year of real time
    await (await scheduler.queue.getJob(jobId))!.remove();
    await scheduler.queue.add(
      DEADLINE_REMINDER_JOB,
      { deadlineId, reminderKey: 'before-3', dueDate: '2020-10-16', at: '2020-10-13T01:00:00.000Z' },
      { ...REMINDER_JOB_OPTIONS, jobId, delay: 365 * 86_400_000 },
    );
    await deliverer.advanceTo('2020-10-13T01:00:00.000Z');
    const job = await scheduler.queue.getJob(jobId);
    expect(await job!.getState()).toBe('completed');
    expect(job!.returnvalue).toMatchObject({ outcome: 'delivered', fresh: 1 });
    expect(kindsOf(await inboxOf(api, 'legal-reviewer', id))).toEqual(['reminder']);
    await issueOpinion(api, id, '2020-10-13T03:00:00.000Z');
  });
});
