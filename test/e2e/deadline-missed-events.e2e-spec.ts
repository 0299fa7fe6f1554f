import { BullmqDeadlineScheduler, DEADLINE_REMINDER_JOB, DeadlineReminderService, EmbeddedDeadlineScheduler, missedAt } from '@app/deadlines';
import { randomBytes } from 'crypto';
import { ph } from '../factories/db-fingerprint';
import { normativeDocumentSteps, runNormativeDocument, runStep as runNormativeStep } from '../factories/normative-document.factory';
import { createPartyDocument, partyDocumentSteps, runStep } from '../factories/party-normative-document.factory';
import { waitIdle } from '../factories/queue.factory';
import { Deliverer, inboxOf, kindsOf } from '../factories/reminders.factory';
import { ApiClient } from '../setup/api-client';
import { dropPrefix, requireRedis, TEST_REDIS_URL } from '../setup/redis';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { startTestWorker, TestWorker } from '../setup/test-worker';

/** Issued 2020-06-10: the filing is due Fri 2020-07-10 (INV-P2); it has passed at 2020-07-10T16:00Z (24:00 Asia/Shanghai). */
const DUE = '2020-07-10';
const PASSED = missedAt(DUE);

/** A party normative document issued and waiting to be filed with the higher party committee. */
async function issuedPartyDocument(api: ApiClient, title: string): Promise<string> {
  const id = await createPartyDocument(api, title);
  for (const s of partyDocumentSteps()) {
    await runStep(api, id, s);
    if (s.name === 'issue') return id;
  }
  throw new Error('not issued');
}

const fileLate = (api: ApiClient, id: string, on: string) =>
  runStep(api, id, { name: 'file', user: 'secretary', type: 'RECORD_FILING', clock: `${on}T02:00:00Z`, payload: { filedOn: on, filedWith: '中共慈溪市委办公室' } });

async function overdueMarks(api: ApiClient, id: string) {
  const res = await api.get('auditor', `/cases/${id}/history`);
  return (res.body.records as Array<{ type: string; actor: { userId: string; role: string }; payload: unknown; at: string }>).filter((r) => r.type === 'MARK_OVERDUE');
}

/**
 * Issue 3 §3: where the workflow says so, a missed deadline sends a machine event through the
 * runtime path the API uses — here the party-document filing (INV-P2, PFR 2012 Art. 4): the day
 * after the 30 days have passed unfiled, the `system` actor marks the case overdue, once, whether
 * the job runs twice, races itself, or is re-created after a Redis flush.
 */
describe.each(DRIVERS)('missed deadlines send their machine event on %s', (driver) => {
  describe('embedded (no Redis)', () => {
    let t: TestApp;
    let api: ApiClient;
    let scheduler: EmbeddedDeadlineScheduler;
    const deliverer: Deliverer = {
      advanceTo: async (iso) => {
        await api.setClock(iso);
        await scheduler.tick(new Date(iso));
      },
    };
    const filingRow = async (id: string) =>
      (await t.sql(`SELECT id, status, due_date FROM deadlines WHERE case_id = ${ph(t, 1)} AND key = 'partyFiling'`, [id]))[0] as { id: string; status: string; due_date: string };

    beforeAll(async () => {
      t = await startTestApp(driver);
      api = new ApiClient(t);
      scheduler = t.app.get(EmbeddedDeadlineScheduler, { strict: false });
    });
    afterAll(async () => t?.close());

    it('a filing left undone: reminders, then at the end of the due date the case is marked overdue by the system, once; escalations go on until the late filing', async () => {
      const id = await issuedPartyDocument(api, '关于规范村级重大事项决策程序的规定（逾期）');
      expect((await filingRow(id)).due_date).toBe(DUE);
      await deliverer.advanceTo('2020-07-03T01:00:00.000Z');
      await deliverer.advanceTo('2020-07-10T01:00:00.000Z');
      // the due date itself: not overdue yet, even late in the evening
      await deliverer.advanceTo('2020-07-10T15:59:59.000Z');
      expect((await api.get('secretary', `/cases/${id}`)).body.state.path).toBe('filing');
      await deliverer.advanceTo(PASSED);
      const detail = (await api.get('secretary', `/cases/${id}`)).body;
      expect(detail.state.path).toBe('filingOverdue');
      expect(detail.state.label).toEqual({ zh: '逾期未报备（超过30日未报上级党委备案）', en: 'Filing overdue (not filed within 30 days)' });
      const marks = await overdueMarks(api, id);
      expect(marks).toEqual([
        expect.objectContaining({ actor: { userId: 'system:deadlines', role: 'system', orgUnit: 'jjfzb' }, payload: { deadlineKey: 'partyFiling', dueDate: DUE }, at: expect.stringMatching(/^2020-07-10T16:00:00/) }),
      ]);
      // the deadline keeps running: the town head is told every working day until it is met
      expect((await filingRow(id)).status).toBe('open');
      await deliverer.advanceTo('2020-07-13T01:00:00.000Z');
      await deliverer.advanceTo('2020-07-14T01:00:00.000Z');
      // the secretary who must file is told of each escalation as well
      expect(kindsOf(await inboxOf(api, 'secretary', id))).toEqual(['reminder', 'due', 'escalation', 'escalation']);
      expect(kindsOf(await inboxOf(api, 'town-head', id))).toEqual(['escalation', 'escalation']);

      // the same job again (a redelivery), or at a later tick: nothing more
      const job = { deadlineId: (await filingRow(id)).id, reminderKey: 'missed', dueDate: DUE, at: PASSED };
      const service = t.app.get(DeadlineReminderService, { strict: false });
      expect(await service.handle(job, new Date('2020-07-14T02:00:00.000Z'))).toMatchObject({ outcome: 'stale' });
      expect(await overdueMarks(api, id)).toHaveLength(1);

      // the late filing is still recorded; the deadline is closed as missed, and the history verifies
      await fileLate(api, id, '2020-07-14');
      expect((await api.get('secretary', `/cases/${id}`)).body.state.path).toBe('filingReview');
      expect((await filingRow(id)).status).toBe('missed');
      expect((await api.get('auditor', `/cases/${id}/verify`)).body).toMatchObject({ intact: true, replay: { ok: true } });
    });

    it('two deliveries of the missed job racing each other: one event (compare-and-swap), the other finds nothing to do', async () => {
      const id = await issuedPartyDocument(api, '关于规范村级重大事项决策程序的规定（并发）');
      const row = await filingRow(id);
      await api.setClock(PASSED);
      const service = t.app.get(DeadlineReminderService, { strict: false });
      const job = { deadlineId: row.id, reminderKey: 'missed', dueDate: DUE, at: PASSED };
      const outcomes = await Promise.all([service.handle(job), service.handle(job), service.handle(job)]);
      expect(outcomes.map((o) => o.outcome).sort()).toEqual(['event', 'stale', 'stale']);
      expect(await overdueMarks(api, id)).toHaveLength(1);
      const revision = (await api.get('secretary', `/cases/${id}`)).body.revision;
      await scheduler.tick(new Date(PASSED));
      expect((await api.get('secretary', `/cases/${id}`)).body.revision).toBe(revision);
      await fileLate(api, id, '2020-07-13');
    });

    it('a filing recorded in time: no event, the job is stale', async () => {
      const id = await issuedPartyDocument(api, '关于规范村级重大事项决策程序的规定（按时）');
      const row = await filingRow(id);
      await runStep(api, id, partyDocumentSteps().find((s) => s.name === 'file')!);
      await deliverer.advanceTo(PASSED);
      const service = t.app.get(DeadlineReminderService, { strict: false });
      expect(await service.handle({ deadlineId: row.id, reminderKey: 'missed', dueDate: DUE, at: PASSED }, new Date(PASSED))).toMatchObject({
        outcome: 'stale',
        reason: 'the deadline is met',
      });
      expect(await overdueMarks(api, id)).toEqual([]);
      expect((await api.get('secretary', `/cases/${id}`)).body.state.path).toBe('filingReview');
    });

    it('never before the due date has ended: an early job is retried later, not sent', async () => {
      const id = await issuedPartyDocument(api, '关于规范村级重大事项决策程序的规定（提前）');
      const row = await filingRow(id);
      await api.setClock('2020-07-10T15:58:00.000Z');
      const service = t.app.get(DeadlineReminderService, { strict: false });
      await expect(service.handle({ deadlineId: row.id, reminderKey: 'missed', dueDate: DUE, at: PASSED })).rejects.toMatchObject({ code: 'DELIVERY_NOT_YET_DUE' });
      expect(await overdueMarks(api, id)).toEqual([]);
      await fileLate(api, id, '2020-07-10');
    });

    it('a normative document: the filing line left unfiled is marked overdue on its own (INV-N3), the others are untouched', async () => {
      // published 2020-04-22: the township presidium line is due Thu 05-07 (15 days), the government line Fri 05-22 (30 days)
      const { id } = await runNormativeDocument(api, { before: 'fileGovernment' });
      const steps = normativeDocumentSteps();
      await runNormativeStep(api, id, steps.find((s) => s.name === 'fileGovernment')!);
      await deliverer.advanceTo('2020-05-07T15:59:00.000Z');
      expect((await api.get('secretary', `/cases/${id}`)).body.state.value).toMatchObject({ filing: { townshipPresidium: 'pending' } });
      await deliverer.advanceTo(missedAt('2020-05-07'));
      const detail = (await api.get('secretary', `/cases/${id}`)).body;
      expect(detail.state.value).toEqual({ filing: { government: 'filed', peoplesCongress: 'notRequired', townshipPresidium: 'overdue' } });
      const history = (await api.get('auditor', `/cases/${id}/history`)).body.records as Array<{ type: string; actor: { role: string }; payload: unknown }>;
      expect(history.filter((r) => r.type === 'MARK_FILING_OVERDUE')).toEqual([
        expect.objectContaining({ actor: expect.objectContaining({ role: 'system' }), payload: { deadlineKey: 'townshipPresidiumFiling', dueDate: '2020-05-07' } }),
      ]);
      await runNormativeStep(api, id, { ...steps.find((s) => s.name === 'filePresidium')!, clock: '2020-05-08T02:00:00Z', payload: { line: 'TOWNSHIP_PRESIDIUM', filedOn: '2020-05-08', filedWith: '掌起镇人大主席团' } });
      expect((await api.get('secretary', `/cases/${id}`)).body.state.path).toMatch(/^inForce/);
      const rows = await t.sql(`SELECT key, status FROM deadlines WHERE case_id = ${ph(t, 1)} AND key LIKE '%Filing' ORDER BY key`, [id]);
      expect(rows).toEqual([
        { key: 'governmentFiling', status: 'met' },
        { key: 'townshipPresidiumFiling', status: 'missed' },
      ]);
      expect((await api.get('auditor', `/cases/${id}/verify`)).body).toMatchObject({ intact: true, replay: { ok: true } });
    });

    it('no person may send it, and no person may hold the system role', async () => {
      const id = await issuedPartyDocument(api, '关于规范村级重大事项决策程序的规定（人工）');
      await api.setClock('2020-07-13T02:00:00.000Z');
      for (const user of ['secretary', 'town-head', 'admin']) {
        const res = await api.event(user, id, 'MARK_OVERDUE', { deadlineKey: 'partyFiling', dueDate: DUE });
        expect([user, res.status]).toEqual([user, 403]);
      }
      expect(await overdueMarks(api, id)).toEqual([]);
      const created = await api.post('admin', '/users', { username: `robot-${driver}`, displayName: 'robot', password: 'Docket-test-pw1', orgUnit: 'dzb', roles: ['system'] });
      expect([created.status, created.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      // a row that names it anyway (written behind Docket's back) does not give it at login
      await t.sql(`UPDATE users SET roles = ${ph(t, 1)} WHERE username = 'auditor'`, [JSON.stringify(['auditor', 'system'])]);
      try {
        const res = await api.event('auditor', id, 'MARK_OVERDUE', { deadlineKey: 'partyFiling', dueDate: DUE });
        expect(res.status).toBe(403);
        expect((await api.get('auditor', '/auth/me')).body.roles).toEqual(['auditor']);
      } finally {
        await t.sql(`UPDATE users SET roles = ${ph(t, 1)} WHERE username = 'auditor'`, [JSON.stringify(['auditor'])]);
      }
      await fileLate(api, id, '2020-07-13');
    });
  });

  describe('BullMQ: the worker sends it; a redelivered job and a Redis flush send nothing twice', () => {
    const prefix = `t-missed-${driver}-${randomBytes(4).toString('hex')}`;
    let t: TestApp;
    let api: ApiClient;
    let scheduler: BullmqDeadlineScheduler;
    let worker: TestWorker;

    beforeAll(async () => {
      await requireRedis();
      t = await startTestApp(driver, { REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix });
      api = new ApiClient(t);
      scheduler = t.app.get(BullmqDeadlineScheduler, { strict: false });
      worker = await startTestWorker(t, '2020-06-01T01:00:00.000Z');
    });
    afterAll(async () => {
      await worker?.close();
      await t?.close();
      await dropPrefix(prefix);
    });

    it('marks the case overdue once', async () => {
      const id = await issuedPartyDocument(api, '关于规范村级重大事项决策程序的规定（队列）');
      const [row] = await t.sql(`SELECT id FROM deadlines WHERE case_id = ${ph(t, 1)} AND key = 'partyFiling'`, [id]);
      const job = await scheduler.queue.getJob(`${row.id}__missed`);
      expect(job?.data).toEqual({ deadlineId: row.id, reminderKey: 'missed', dueDate: DUE, at: PASSED });
      expect(await job!.getState()).toBe('delayed');

      const at = async (iso: string) => {
        await api.setClock(iso);
        worker.setClock(iso);
        await scheduler.promoteDue(new Date(iso));
        await waitIdle(scheduler.queue);
      };
      await at(PASSED);
      expect((await api.get('secretary', `/cases/${id}`)).body.state.path).toBe('filingOverdue');
      expect(await scheduler.queue.getJob(`${row.id}__missed`).then((j) => j!.returnvalue)).toMatchObject({ outcome: 'event', event: 'MARK_OVERDUE' });

      // redelivered under another id, then Redis flushed and reconciled: still one mark
      await scheduler.queue.add(DEADLINE_REMINDER_JOB, { deadlineId: row.id, reminderKey: 'missed', dueDate: DUE, at: PASSED }, { jobId: `redelivered-${row.id}` });
      await waitIdle(scheduler.queue);
      expect((await scheduler.queue.getJob(`redelivered-${row.id}`))!.returnvalue).toMatchObject({ outcome: 'stale' });
      await dropPrefix(prefix);
      await worker.app.get(BullmqDeadlineScheduler).reconcile(new Date('2020-07-11T02:00:00.000Z'));
      await at('2020-07-13T01:00:00.000Z');
      expect(await overdueMarks(api, id)).toHaveLength(1);
      expect(kindsOf(await inboxOf(api, 'town-head', id))).toEqual(['escalation']);
      await fileLate(api, id, '2020-07-13');
      expect((await api.get('auditor', `/cases/${id}/verify`)).body).toMatchObject({ intact: true, replay: { ok: true } });
    });
  });
});
