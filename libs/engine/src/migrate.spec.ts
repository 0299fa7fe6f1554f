import { hashRecord } from './hash-chain';
import { migrateCase } from './migrate';
import { replay } from './replay';
import { startCase } from './step';
import { runHistory, Step } from './testing/case-history.fixture';
import { buildingPermitV1, buildingPermitV2 } from './testing/building-permit.fixture';
import { MIGRATE_WORKFLOW } from './types';
import type { Actor, HistoryRecord, PersistedSnapshot } from './types';
import { WorkflowRegistry } from './workflow-registry';

const v1 = buildingPermitV1();
const v2 = buildingPermitV2();
const registry = new WorkflowRegistry([v1, v2]);
const applicant: Actor = { userId: 'u-zhang', role: 'department-head', orgUnit: 'ou-civil' };
const inspector: Actor = { userId: 'u-li', role: 'legal-reviewer', orgUnit: 'ou-justice' };
const head: Actor = { userId: 'u-chen', role: 'town-head', orgUnit: 'ou-town' };
const admin: Actor = { userId: 'u-admin', role: 'admin', orgUnit: 'ou-town' };

/** Applied and sent to inspection under v1, migrated, then inspected and granted under v2. */
const STEPS: Step[] = [
  { def: v1, type: 'APPLY', payload: { site: '掌起镇1号' }, actor: applicant, at: '2025-05-06T01:00:00Z' },
  { def: v1, type: 'INSPECT', payload: {}, actor: inspector, at: '2025-05-07T01:00:00Z' },
  { def: v2, type: MIGRATE_WORKFLOW, payload: null, actor: admin, at: '2025-05-08T01:00:00Z' },
  { def: v2, type: 'RECORD_INSPECTION', payload: {}, actor: inspector, at: '2025-05-09T01:00:00Z' },
  { def: v2, type: 'GRANT', payload: {}, actor: head, at: '2025-05-10T01:00:00Z' },
];

const started = (): PersistedSnapshot => {
  const o = startCase(v1, { caseId: 'p-1', payload: { site: 'x' }, actor: applicant, at: '2025-05-06T01:00:00Z', today: '2025-05-06', facts: {} });
  if (!o.ok) throw new Error('start refused');
  return o.snapshot;
};

describe('workflow migrations (issue 4 §5)', () => {
  it('maps the running state and carries the context over into the new version', () => {
    const { records, snapshot } = runHistory('p-1', STEPS.slice(0, 2));
    const out = migrateCase(v1, v2, snapshot, admin);
    expect(out).toMatchObject({
      ok: true,
      value: { inspection: 'scheduled' },
      context: { caseId: 'p-1', site: '掌起镇1号', inspections: [] },
      effects: [],
      payload: { fromVersion: 1, toVersion: 2, fromState: 'inspection', toState: { inspection: 'scheduled' } },
    });
    expect(records).toHaveLength(2);
    expect(migrateCase(v1, v2, started(), admin)).toMatchObject({ ok: true, value: 'lodged' });
  });

  it('is recorded as a MIGRATE_WORKFLOW event, and replay uses the version in force at each event', () => {
    const { records, snapshot } = runHistory('p-1', STEPS);
    expect(records.map((r) => [r.type, r.workflow.version])).toEqual([
      ['APPLY', 1],
      ['INSPECT', 1],
      [MIGRATE_WORKFLOW, 2],
      ['RECORD_INSPECTION', 2],
      ['GRANT', 2],
    ]);
    expect(snapshot).toMatchObject({ status: 'done', value: 'granted', context: { inspections: [{ inspector: 'u-li', on: '2025-05-09' }] } });
    expect(replay(registry, records, { snapshot, revision: 5 })).toMatchObject({ ok: true, replay: { ok: true } });
    // the v1 events cannot be replayed by v2, nor the v2 events by v1: each needs its own version
    expect(replay(new WorkflowRegistry([v2]), records).replay).toMatchObject({ ok: false, seq: 1, reason: 'UNKNOWN_WORKFLOW' });
  });

  it('is refused when it is not declared, not mapped, not by an administrator, or the case has finished', () => {
    const { snapshot: done } = runHistory('p-1', STEPS);
    expect(migrateCase(v2, v1, done, admin)).toMatchObject({ ok: false, refusal: { code: 'MIGRATION_NOT_DEFINED', status: 409 } });
    expect(migrateCase(v1, v2, started(), inspector)).toMatchObject({ ok: false, refusal: { code: 'ROLE_NOT_ALLOWED', status: 403 } });
    const granted = runHistory('p-2', [STEPS[0], STEPS[1], { def: v1, type: 'GRANT', payload: {}, actor: head, at: '2025-05-08T01:00:00Z' }]).snapshot;
    expect(migrateCase(v1, v2, granted, admin)).toMatchObject({ ok: false, refusal: { code: 'CASE_FINISHED' } });
    const partial = { ...v2, migrations: [{ ...v2.migrations![0], states: { submitted: 'lodged' } }] };
    const inInspection = runHistory('p-3', STEPS.slice(0, 2)).snapshot;
    expect(migrateCase(v1, partial, inInspection, admin)).toMatchObject({
      ok: false,
      refusal: { code: 'MIGRATION_STATE_UNMAPPED', details: { state: ['inspection'] } },
    });
  });

  it('a migration onto a state the new version lacks is refused when the definition is registered', () => {
    const broken = { ...v2, migrations: [{ ...v2.migrations![0], states: { submitted: 'intake' } }] };
    expect(() => new WorkflowRegistry([v1, broken])).toThrow(/"submitted" maps to "intake", which is no state of v2/);
    expect(() => new WorkflowRegistry([{ ...v2, migrations: [{ ...v2.migrations![0], from: 2 }] }])).toThrow(/earlier version/);
  });

  it('replay catches a forged migration record', () => {
    const { records } = runHistory('p-1', STEPS);
    const rehash = (r: HistoryRecord): HistoryRecord => ({ ...r, hash: hashRecord(r) });
    // the payload claims another mapping than the declared migration gives
    const lying = records.map((r) => ({ ...r }));
    lying[2] = rehash({ ...lying[2], payload: { ...(lying[2].payload as object), toState: 'lodged' } });
    expect(replay(registry, lying).replay).toMatchObject({ ok: false, seq: 3, reason: 'MIGRATION_MISMATCH' });
    // a migration record by someone who may not migrate
    const byInspector = records.map((r) => ({ ...r }));
    byInspector[2] = rehash({ ...byInspector[2], actor: inspector });
    expect(replay(registry, byInspector).replay).toMatchObject({ ok: false, seq: 3, reason: 'REFUSED', actual: 'ROLE_NOT_ALLOWED' });
  });
});
