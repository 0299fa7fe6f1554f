import 'reflect-metadata';
import { allWorkflows } from '@app/workflows';
import { CaseEntity, CaseRepository } from '@app/persistence';
import { benchApprovalV1 } from './approval.workflow';
import { BenchDatabases, Driver, openSqlite, pgClient } from './databases';
import { planApprovalCases, PlannedCase } from './engine';
import { rawPostgres, rawSqlite, stepsInOrder } from './raw';
import { buildRegistry, buildRuntime, runApproval } from './runtime';
import { Recorder, fmtMs } from './stats';
const drv = (process.env.DRV || 'sqlite') as Driver;
(async () => {
  const dbs = new BenchDatabases();
  const registry = buildRegistry(allWorkflows);
  const def = registry.get(benchApprovalV1.kind, 1);
  const a = await dbs.create(drv, 'raw'); await dbs.migrate(a);
  const raw = drv === 'sqlite' ? rawSqlite(openSqlite(a.file!)) : rawPostgres(await pgClient(a.schema));
  const b = await dbs.create(drv, 'orm'); const dsB = await dbs.dataSource(b); const repo = new CaseRepository(dsB);
  const c = await dbs.create(drv, 'rt'); const dsC = await dbs.dataSource(c); const rt = buildRuntime(registry, dsC, c.config);
  const recs = { raw: new Recorder(), orm: new Recorder(), rt: new Recorder() };
  const ormRun = async (cases: PlannedCase[], rec?: Recorder) => {
    for (const pc of cases) { const e = Object.assign(new CaseEntity(), { id: pc.row.id, kind: pc.row.kind, workflowVersion: 1, title: pc.row.title, orgUnit: pc.row.org_unit, orgUnits: pc.row.org_units, statePath: pc.row.state_path, stateValue: pc.row.state_value, status: pc.row.status, snapshot: pc.row.snapshot, revision: 1, headHash: pc.row.head_hash, visibleToReviewers: false, createdBy: pc.row.created_by, createdAt: pc.row.created_at, updatedAt: pc.row.updated_at }); await repo.create(e, pc.records[0]); }
    rec?.start();
    for (let s = 0; s < 5; s++) for (const pc of cases) {
      const st = pc.steps[s]; const p = st.patch;
      const patch = { statePath: p.state_path, stateValue: p.state_value, status: p.status, snapshot: p.snapshot, headHash: p.head_hash, visibleToReviewers: p.visible_to_reviewers, orgUnits: p.org_units, updatedAt: p.updated_at, workflowVersion: p.workflow_version };
      const go = async () => { await repo.findById(pc.row.id); await repo.advance(pc.row.id, st.expectedRevision, patch, pc.records[s + 1]); };
      if (rec) await rec.time(go); else await go();
    }
    rec?.pause();
  };
  const w = planApprovalCases(def, 40);
  await raw.load(w.cases); await raw.run(w.cases); await ormRun(w.cases); await runApproval(rt, 40);
  for (let r = 0; r < 6; r++) {
    const p = planApprovalCases(def, 60);
    await raw.load(p.cases); await raw.run(p.cases, recs.raw);
    await ormRun(p.cases, recs.orm);
    await runApproval(rt, 60, recs.rt);
  }
  for (const [k, r] of Object.entries(recs)) { const m = r.result(); console.log(k.padEnd(5), m.perSecond.toFixed(0), '/s p50', fmtMs(m.p50), 'p99', fmtMs(m.p99), 'mean', fmtMs(m.totalMs / m.count)); }
  await raw.close();
  await dbs.cleanup();
})();
