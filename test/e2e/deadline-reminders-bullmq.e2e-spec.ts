import { BullmqDeadlineScheduler, DEADLINE_REMINDER_JOB, reminderJobId, REMINDER_JOB_OPTIONS } from '@app/deadlines';
import { ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { BusinessCalendar } from '@app/calendar';
import { BUSINESS_CALENDAR } from '@app/runtime';
import { ph } from '../factories/db-fingerprint';
import { LOAD_2027 } from '../factories/calendar-years.factory';
import { NO_PROCEDURES, runMajorDecision } from '../factories/major-decision.factory';
import { runNormativeDocument } from '../factories/normative-document.factory';
import { caseInLegalityReview, Deliverer, inboxOf, issueOpinion, kindsOf, legalityReviewLeftUntouched, yearNoticesOf, openReviewDeadlineId } from '../factories/reminders.factory';
import { until, waitIdle } from '../factories/queue.factory';
import { ApiClient } from '../setup/api-client';
import { dropPrefix, requireRedis, TEST_REDIS_URL } from '../setup/redis';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { spawnWorkerProcess, startTestWorker, TestWorker, workerEnv } from '../setup/test-worker';
import { TEST_DATABASE_URL } from '../setup/test-env';

/**
 * Issue 3 with REDIS_URL set: the API only enqueues delayed BullMQ jobs, the worker delivers
 * them, against the real local Redis (a queue prefix of its own per run). Time moves with the
 * test clock; delayed jobs whose planned time has come are promoted, never waited for.
 */
describe.each(DRIVERS)('deadline reminders with BullMQ on %s', (driver) => {
  const prefix = `t-reminders-${driver}-${randomBytes(4).toString('hex')}`;
  let t: TestApp;
  let api: ApiClient;
  let scheduler: BullmqDeadlineScheduler;
  let worker: TestWorker;
  let now = '2020-08-03T01:00:00.000Z';

  const deliverer: Deliverer = {
    advanceTo: async (iso) => {
      now = iso;
      await api.setClock(iso);
      worker.setClock(iso);
      await scheduler.promoteDue(new Date(iso));
      await waitIdle(scheduler.queue);
    },
  };

  const openReview = (caseId: string) => openReviewDeadlineId(t, caseId);

  beforeAll(async () => {
    await requireRedis();
    t = await startTestApp(driver, { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, QUEUE_LOCK_MS: '1000' });
    api = new ApiClient(t);
    scheduler = t.app.get(BullmqDeadlineScheduler, { strict: false });
    worker = await startTestWorker(t, now);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await dropPrefix(prefix);
  });

  it('the API only enqueues: delayed jobs with deterministic ids, delays from the server clock', async () => {
    const id = await caseInLegalityReview(api);
    const deadlineId = await openReview(id);
    const jobs = await Promise.all(['before-3', 'due', 'escalation-1'].map((k) => scheduler.queue.getJob(reminderJobId({ deadlineId, reminderKey: k }))));
    expect(jobs.map((j) => j && `${j.id}`)).toEqual([`${deadlineId}__before-3`, `${deadlineId}__due`, `${deadlineId}__escalation-1`]);
    // submitted at 2020-09-29T02:00Z on the test clock; the reminder is at 2020-10-13T01:00Z
    expect(jobs[0]!.opts.delay).toBeGreaterThan(14 * 86_400_000 - 3_700_000 - 60_000);
    expect(jobs[0]!.opts.delay).toBeLessThanOrEqual(14 * 86_400_000 - 3_600_000);
    expect(await jobs[0]!.getState()).toBe('delayed');
    expect(jobs[0]!.opts).toMatchObject({ attempts: REMINDER_JOB_OPTIONS.attempts, backoff: REMINDER_JOB_OPTIONS.backoff });
    await issueOpinion(api, id, '2020-10-12T03:00:00.000Z');
    // leaving the state removed the pending jobs
    expect(await scheduler.queue.getJob(`${deadlineId}__before-3`)).toBeUndefined();
  });

  it('a legality review left untouched: the reminder, the due-day notice and the escalations, once each, to the right people', async () => {
    const { id, reviewer, head } = await legalityReviewLeftUntouched(api, deliverer);
    // the escalations go to the reviewer who must act as well as to the town head
    expect(kindsOf(reviewer)).toEqual(['reminder', 'due', 'escalation', 'escalation']);
    expect(kindsOf(head)).toEqual(['escalation', 'escalation']);
    expect(reviewer.slice(2).map((n) => n.title.zh)).toEqual(head.map((n) => n.title.zh));
    expect(reviewer[0].title.zh).toBe('【期限提醒】出具合法性审查意见：还有3个工作日到期');
    expect(head.map((n) => n.createdAt.slice(0, 16))).toEqual(['2020-10-19T01:00', '2020-10-20T01:00']);
    for (const user of ['dept-head', 'secretary', 'auditor', 'admin']) expect(await inboxOf(api, user, id)).toEqual([]);
  });

  it('after downtime: a due-day notice whose day passed long ago goes out once, as an overdue notice saying how late it is', async () => {
    const calendar = BusinessCalendar.fromChineseDays();
    // a document valid until 2025-05-21 (evaluation due that day, no escalation), last touched in 2022
    const { id } = await runNormativeDocument(api, { before: 'evaluate' });
    const [row] = await t.sql(`SELECT id FROM deadlines WHERE case_id = ${ph(t, 1)} AND key = 'expiryEvaluation' AND status = 'open'`, [id]);
    await deliverer.advanceTo('2026-12-03T02:00:00.000Z');
    await worker.app.get(BullmqDeadlineScheduler).reconcile(new Date(now));
    await deliverer.advanceTo('2026-12-03T02:00:00.000Z');
    const late = calendar.workdaysBetween('2025-05-21', '2026-12-03');
    const notices = (await inboxOf(api, 'dept-head', id)).filter((n) => n.deadlineId === row.id);
    expect(notices.map((n) => [n.kind, n.title.zh])).toEqual([['overdue', `【逾期提醒】有效期届满前评估已逾期${late}个工作日`]]);
    expect(notices[0].body.zh).toContain(`期限已于2025-05-21（北京时间24时）届满，至今未办结，截至2026-12-03已逾期${late}个工作日`);
    expect(notices[0].body.zh).not.toContain('今日');
    // normative-document v2 (issue 9 §11): the night after the last day of validity Docket itself
    // expired the document (EXPIRE, system), which closed the evaluation deadline (missed) and
    // removed its jobs; the notice above went out once, before
    expect((await api.get('auditor', `/cases/${id}`)).body.state.path).toBe('expired');
    const [closed] = await t.sql(`SELECT status FROM deadlines WHERE id = ${ph(t, 1)}`, [row.id]);
    expect(closed.status).toBe('missed');
    const due = await scheduler.queue.getJob(`${row.id}__due`);
    if (due) expect(due.returnvalue).toMatchObject({ outcome: 'delivered', fresh: 1 });
    for (const key of ['before-60', 'before-20', 'before-5']) {
      const job = await scheduler.queue.getJob(`${row.id}__${key}`);
      // superseded by the collapsed notice, or stale once the expiry closed the deadline: no notice either way
      if (job) expect({ key, outcome: ['superseded', 'stale'].includes(job.returnvalue?.outcome) }).toEqual({ key, outcome: true });
    }
    await deliverer.advanceTo('2020-09-29T02:00:00.000Z');
  });

  it('a state left before its reminder: no notification, even when its job runs', async () => {
    const id = await caseInLegalityReview(api);
    const deadlineId = await openReview(id);
    await issueOpinion(api, id, '2020-10-12T03:00:00.000Z');
    // a job the API could not remove (e.g. already taken by the worker) is a stale no-op
    await scheduler.queue.add(DEADLINE_REMINDER_JOB, { deadlineId, reminderKey: 'before-3', dueDate: '2020-10-16', at: '2020-10-13T01:00:00.000Z' }, { jobId: `${deadlineId}__before-3` });
    await deliverer.advanceTo('2020-10-13T01:00:00.000Z');
    expect(await (await scheduler.queue.getJob(`${deadlineId}__before-3`))!.returnvalue).toMatchObject({ outcome: 'stale' });
    for (const at of ['2020-10-16T01:00:00.000Z', '2020-10-19T01:00:00.000Z']) await deliverer.advanceTo(at);
    expect(await inboxOf(api, 'legal-reviewer', id)).toEqual([]);
    expect(await inboxOf(api, 'town-head', id)).toEqual([]);
  });

  it('the same job delivered twice: one notification', async () => {
    await deliverer.advanceTo('2020-09-29T02:00:00.000Z');
    const id = await caseInLegalityReview(api);
    const deadlineId = await openReview(id);
    await deliverer.advanceTo('2020-10-13T01:00:00.000Z');
    const jobId = `${deadlineId}__before-3`;
    const first = await scheduler.queue.getJob(jobId);
    expect(first!.returnvalue).toMatchObject({ outcome: 'delivered', recipients: 1, fresh: 1 });
    // delivered again: once under its own id after the completed job is gone, once as a copy at the same time
    await first!.remove();
    await scheduler.queue.add(DEADLINE_REMINDER_JOB, first!.data, { jobId });
    await scheduler.queue.add(DEADLINE_REMINDER_JOB, first!.data, { jobId: `${jobId}__copy` });
    await waitIdle(scheduler.queue);
    const again = await Promise.all([jobId, `${jobId}__copy`].map(async (j) => (await scheduler.queue.getJob(j))!.returnvalue));
    expect(again).toEqual([expect.objectContaining({ outcome: 'delivered', fresh: 0 }), expect.objectContaining({ outcome: 'delivered', fresh: 0 })]);
    expect(kindsOf(await inboxOf(api, 'legal-reviewer', id))).toEqual(['reminder']);
    await issueOpinion(api, id, '2020-10-13T03:00:00.000Z');
  });

  it('Redis flushed with open deadlines: reconciled at worker start, each reminder delivered exactly once', async () => {
    await deliverer.advanceTo('2020-09-29T02:00:00.000Z');
    const ids = [await caseInLegalityReview(api), await caseInLegalityReview(api)];
    await deliverer.advanceTo('2020-10-13T01:00:00.000Z');
    // Redis restarts empty (it keeps nothing on disk here); the worker restarts with it
    await worker.close();
    expect(await dropPrefix(prefix)).toBeGreaterThan(0);
    expect(await scheduler.queue.getJobCounts('delayed', 'completed')).toEqual({ delayed: 0, completed: 0 });
    worker = await startTestWorker(t, now);
    for (const id of ids) expect(await scheduler.queue.getJob(`${await openReview(id)}__due`)).toBeDefined();
    await waitIdle(scheduler.queue);
    for (const at of ['2020-10-16T01:00:00.000Z', '2020-10-19T01:00:00.000Z']) await deliverer.advanceTo(at);
    // and a flush without a worker restart: the periodic reconciliation repairs it
    await dropPrefix(prefix);
    await worker.app.get(BullmqDeadlineScheduler).reconcile(new Date(now));
    await deliverer.advanceTo('2020-10-20T01:00:00.000Z');
    for (const id of ids) {
      expect(kindsOf(await inboxOf(api, 'legal-reviewer', id))).toEqual(['reminder', 'due', 'escalation', 'escalation']);
      expect(kindsOf(await inboxOf(api, 'town-head', id))).toEqual(['escalation', 'escalation']);
      await issueOpinion(api, id, '2020-10-20T03:00:00.000Z');
    }
  });

  it('the worker killed mid-job: the job is retried and writes one notification', async () => {
    await deliverer.advanceTo('2020-09-29T02:00:00.000Z');
    const id = await caseInLegalityReview(api);
    const deadlineId = await openReview(id);
    await worker.close();
    // the shared test clock moves with no worker running: the reminder is due, waiting for one
    now = '2020-10-13T01:00:00.000Z';
    await api.setClock(now);
    expect(await (await scheduler.queue.getJob(`${deadlineId}__before-3`))!.getState()).toBe('waiting');
    // hold the notifications table, so that the child's job stops half-way, inside its transaction
    const release = await lockNotifications(t);
    let child: ChildProcess | undefined;
    try {
      // a worker process that reads the time from the shared test clock (none given to it)
      child = await spawnWorkerProcess(workerEnv(t, now, { TEST_CLOCK_AT: '' }));
      await until(async () => (await scheduler.queue.getActiveCount()) === 1, 'the child to take the job', 20_000);
      await new Promise((r) => setTimeout(r, 300));
      child.kill('SIGKILL');
      await new Promise((r) => child!.once('exit', r));
    } finally {
      await release();
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    expect(await inboxOf(api, 'legal-reviewer', id)).toEqual([]);
    const job = await scheduler.queue.getJob(`${deadlineId}__before-3`);
    expect([await job!.getState(), job!.failedReason]).toEqual(['active', undefined]);
    // a new worker sees the lock expire, takes the job over and completes it
    worker = await startTestWorker(t, now);
    await until(async () => (await (await scheduler.queue.getJob(`${deadlineId}__before-3`))!.getState()) === 'completed', 'the job to be retried', 20_000);
    const done = await scheduler.queue.getJob(`${deadlineId}__before-3`);
    expect(done!.attemptsStarted).toBeGreaterThanOrEqual(2);
    expect(done!.returnvalue).toMatchObject({ outcome: 'delivered', fresh: 1 });
    expect(kindsOf(await inboxOf(api, 'legal-reviewer', id))).toEqual(['reminder']);
    await issueOpinion(api, id, '2020-10-13T03:00:00.000Z');
  });

  it('a calendar-missing deadline: the worker tells the admins, and a year loaded through the API reaches the worker', async () => {
    await deliverer.advanceTo('2020-09-29T02:00:00.000Z');
    const { id } = await runMajorDecision(api, { before: 'party', procedures: NO_PROCEDURES });
    await api.setClock('2026-12-10T02:00:00.000Z');
    worker.setClock('2026-12-10T02:00:00.000Z');
    await api.ok('secretary', id, 'RECORD_PARTY_COMMITTEE_REPORT', { reportedAt: '2026-12-10', outcome: 'AGREED' });
    await waitIdle(scheduler.queue);
    // the admins are told once for the missing year, not per case
    expect((await yearNoticesOf(api, 'admin')).map((n) => n.title.zh)).toEqual(['【缺少节假日数据】请导入2027年节假日安排']);
    expect(await inboxOf(api, 'admin', id)).toEqual([]);
    const loaded = await api.post('admin', '/admin/calendar-years', LOAD_2027);
    expect(loaded.body.recomputed).toEqual([expect.objectContaining({ caseId: id, dueDate: '2027-01-08' })]);
    // the worker has not loaded 2027 itself: it finds it in the table when a job needs it
    await deliverer.advanceTo('2027-01-05T01:00:00.000Z');
    await deliverer.advanceTo('2027-01-11T01:00:00.000Z');
    expect(kindsOf(await inboxOf(api, 'secretary', id))).toEqual(['reminder', 'escalation']);
    expect(kindsOf(await inboxOf(api, 'town-head', id))).toEqual(['escalation']);
    expect(worker.app.get<BusinessCalendar>(BUSINESS_CALENDAR).coveredYears().at(-1)).toBe(2027);
  });

  /** Blocks writers of the notifications table until the returned function is called. */
  async function lockNotifications(app: TestApp): Promise<() => Promise<void>> {
    if (app.config.database.type === 'postgres') {
      const client = new Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query('BEGIN');
      await client.query(`LOCK TABLE ${app.config.database.schema}.notifications IN EXCLUSIVE MODE`);
      return async () => {
        await client.query('ROLLBACK');
        await client.end();
      };
    }
    const db = new Database(app.config.database.path);
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN IMMEDIATE');
    return async () => {
      db.exec('ROLLBACK');
      db.close();
    };
  }
});
