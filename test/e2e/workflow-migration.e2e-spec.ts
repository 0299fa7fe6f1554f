import { DeadlineDeclaration, HistoryRecord, MIGRATE_WORKFLOW, WorkflowDefinition, WorkflowRegistry } from '@app/engine';
import { WORKFLOW_REGISTRY } from '@app/runtime';
import { IsObject, IsString } from 'class-validator';
import { buildingPermitV1, buildingPermitV2 } from '../../libs/engine/src/testing/building-permit.fixture';
import { ph } from '../factories/db-fingerprint';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

/**
 * Issue 4 §5 over HTTP: an administrator moves a running case to a new version of its workflow
 * along the migration that version declares; the move is an event of the case's history
 * (MIGRATE_WORKFLOW), replay uses the version in force at each event, the statutory clock of a
 * deadline both versions declare keeps running, and every refusal leaves the case untouched.
 *
 * The workflow is the engine's building-permit test fixture (not a Docket workflow), registered in
 * the running app's registry, with deadlines added so that their carry-over can be checked.
 */
const deadline = (key: string, states: string[], days: number): DeadlineDeclaration => ({
  key,
  label: { zh: `期限 ${key}`, en: `Deadline ${key}` },
  states,
  type: 'due',
  unit: 'workdays',
  length: { key: `test.permit.${key}`, default: days },
  responsible: ['legal-reviewer'],
  supervisor: ['town-head'],
  reminders: [0],
  escalate: false,
  article: 'Test Rules Art. 1',
});

/** What POST /cases sends to a workflow's creation: its title and proposal. */
class PermitApplication {
  @IsString() title!: string;
  @IsObject() proposal!: Record<string, unknown>;
}
const withApplication = (def: WorkflowDefinition): WorkflowDefinition => ({
  ...def,
  create: { ...def.create, payload: PermitApplication },
  visibleToReviewers: () => true,
});

/** v1: one review deadline; v2: the same review deadline (same key) and a new one for the record. */
const v1: WorkflowDefinition = { ...withApplication(buildingPermitV1()), deadlines: [deadline('inspection', ['inspection'], 10), deadline('intake', ['submitted'], 5)] };
const v2: WorkflowDefinition = {
  ...withApplication(buildingPermitV2()),
  deadlines: [deadline('inspection', ['inspection'], 10), deadline('inspectionRecord', ['inspection.scheduled'], 3)],
};

describe.each(DRIVERS)('workflow migration on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  let registry: WorkflowRegistry;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
    registry = t.app.get(WORKFLOW_REGISTRY);
    registry.register(v1);
  });
  afterAll(async () => t?.close());

  const open = async () => {
    const res = await api.post('dept-head', '/cases', { kind: 'building-permit', title: '临时建筑许可', proposal: {} });
    expect([res.status, res.body]).toEqual([201, expect.objectContaining({ kind: 'building-permit' })]);
    return res.body.id as string;
  };
  const get = async (id: string) => {
    const res = await api.get('auditor', `/cases/${id}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const records = async (id: string): Promise<HistoryRecord[]> => (await api.get('auditor', `/cases/${id}/history`)).body.records;
  const deadlines = (id: string) =>
    t.sql(`SELECT key, status, due_date AS "dueDate", workflow_version AS "version", opened_seq AS "openedSeq", closed_seq AS "closedSeq" FROM deadlines WHERE case_id = ${ph(t, 1)} ORDER BY key`, [id]);
  const migrate = (id: string, body: Record<string, unknown>, as = 'admin') => api.post(as, `/admin/cases/${id}/migrate`, body);

  let early: string;
  let inInspection: string;
  let finished: string;

  it('cases started under v1 stay on v1 when v2 is registered', async () => {
    early = await open();
    inInspection = await open();
    finished = await open();
    expect((await api.event('legal-reviewer', inInspection, 'INSPECT')).status).toBe(200);
    expect((await api.event('legal-reviewer', finished, 'INSPECT')).status).toBe(200);
    expect((await api.event('town-head', finished, 'GRANT')).status).toBe(200);
    registry.register(v2);
    const c = await get(inInspection);
    expect([c.workflowVersion, c.state.value]).toEqual([1, 'inspection']);
    // the v2 event is not known to a v1 case
    expect((await api.event('legal-reviewer', inInspection, 'RECORD_INSPECTION')).status).toBeGreaterThanOrEqual(400);
    // a new case starts on the latest version
    const fresh = await open();
    expect((await get(fresh)).state.value).toBe('lodged');
    expect((await records(fresh))[0].workflow).toEqual({ kind: 'building-permit', version: 2 });
  });

  it('only an administrator migrates, and refusals change nothing', async () => {
    const before = await records(inInspection);
    const dept = await migrate(inInspection, { toVersion: 2 }, 'dept-head');
    expect(dept.status).toBe(403);
    const reviewer = await migrate(inInspection, { toVersion: 2 }, 'legal-reviewer');
    expect(reviewer.status).toBe(403);
    for (const body of [{}, { toVersion: 'two' }, { toVersion: 0 }, { toVersion: 2, dryRun: 'yes' }, { toVersion: 2, expectedRevision: null }]) {
      const res = await migrate(inInspection, body);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const unknown = await migrate(inInspection, { toVersion: 9 });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'UNKNOWN_WORKFLOW']);
    const same = await migrate(inInspection, { toVersion: 1 });
    expect([same.status, same.body.code]).toEqual([409, 'MIGRATION_NOT_DEFINED']);
    const stale = await migrate(inInspection, { toVersion: 2, expectedRevision: 1 });
    expect([stale.status, stale.body.code]).toEqual([409, 'REVISION_CONFLICT']);
    const done = await migrate(finished, { toVersion: 2 });
    expect([done.status, done.body.code]).toEqual([409, 'CASE_FINISHED']);
    expect(done.body.messageZh).toMatch(/办结/);
    expect(await records(inInspection)).toEqual(before);
    expect((await get(finished)).status).toBe('done');
  });

  it('a dry run shows the new state and writes nothing', async () => {
    const before = await records(inInspection);
    const res = await migrate(inInspection, { toVersion: 2, dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body.dryRun).toBe(true);
    expect(res.body.event).toBeNull();
    expect(res.body.case).toMatchObject({ workflowVersion: 2, revision: 3, state: { value: { inspection: 'scheduled' } } });
    expect((await get(inInspection)).workflowVersion).toBe(1);
    expect(await records(inInspection)).toEqual(before);
  });

  it('migrates a running case: recorded in its history, replayed with the version in force, deadlines carried over', async () => {
    const deadlinesBefore = await deadlines(inInspection);
    expect(deadlinesBefore.map((d: any) => [d.key, d.status])).toEqual([
      ['inspection', 'open'],
      ['intake', 'met'],
    ]);
    const res = await migrate(inInspection, { toVersion: 2, expectedRevision: 2 });
    expect(res.status).toBe(200);
    expect(res.body.event).toMatchObject({
      seq: 3,
      type: MIGRATE_WORKFLOW,
      workflow: { kind: 'building-permit', version: 2 },
      payload: { fromVersion: 1, toVersion: 2, fromState: 'inspection', toState: { inspection: 'scheduled' } },
      actor: { role: 'admin' },
    });
    expect(res.body.case).toMatchObject({ workflowVersion: 2, revision: 3, state: { value: { inspection: 'scheduled' } } });
    expect(res.body.case.allowedEvents.map((e: any) => e.type)).toEqual([]); // an admin takes no step of the permit
    expect(await get(inInspection)).toMatchObject({ workflowVersion: 2, revision: 3 });
    const after = await records(inInspection);
    expect(after.map((r) => [r.type, r.workflow.version])).toEqual([
      ['APPLY', 1],
      ['INSPECT', 1],
      [MIGRATE_WORKFLOW, 2],
    ]);
    // the review deadline keeps its due date (same row), the new v2 one is opened at the migration
    const rows = await deadlines(inInspection);
    const inspection = rows.filter((d: any) => d.key === 'inspection');
    expect(inspection).toHaveLength(1);
    expect(inspection[0]).toMatchObject({ status: 'open', dueDate: deadlinesBefore[0].dueDate, openedSeq: 2 });
    expect(rows.find((d: any) => d.key === 'inspectionRecord')).toMatchObject({ status: 'open', openedSeq: 3 });

    // v2's events now apply; v1's no longer do
    expect((await api.event('legal-reviewer', inInspection, 'INSPECT')).status).toBeGreaterThanOrEqual(400);
    expect((await api.event('legal-reviewer', inInspection, 'RECORD_INSPECTION')).status).toBe(200);
    expect((await deadlines(inInspection)).find((d: any) => d.key === 'inspectionRecord')).toMatchObject({ status: 'met', closedSeq: 4 });
    expect((await api.event('town-head', inInspection, 'GRANT')).status).toBe(200);
    expect((await deadlines(inInspection)).find((d: any) => d.key === 'inspection')).toMatchObject({ status: 'met', closedSeq: 5 });

    const verify = (await api.get('auditor', `/cases/${inInspection}/verify`)).body;
    expect(verify.intact).toBe(true);
    expect(verify.verdict.status).not.toBe('FAIL');
    expect(verify.ok).toBe(true);
  });

  it('a deadline the new version does not declare is closed as cancelled', async () => {
    const res = await migrate(early, { toVersion: 2 });
    expect(res.status).toBe(200);
    expect(res.body.event.payload).toMatchObject({ fromState: 'submitted', toState: 'lodged' });
    const rows = await deadlines(early);
    expect(rows.map((d: any) => [d.key, d.status, d.closedSeq])).toEqual([['intake', 'cancelled', 2]]);
    // and it cannot be migrated twice
    const again = await migrate(early, { toVersion: 2 });
    expect([again.status, again.body.code]).toEqual([409, 'MIGRATION_NOT_DEFINED']);
    expect((await api.get('auditor', `/cases/${early}/verify`)).body.intact).toBe(true);
  });

  it('there is no way back: v1 declares no migration from v2', async () => {
    const c = await open(); // v2 now
    expect((await records(c))[0].workflow.version).toBe(2);
    const res = await migrate(c, { toVersion: 1 });
    expect([res.status, res.body.code]).toEqual([409, 'MIGRATION_NOT_DEFINED']);
  });
});
