import 'reflect-metadata';
import { allWorkflows } from '@app/workflows';
import { benchApprovalV1 } from './approval.workflow';
import { BenchDatabases, openSqlite } from './databases';
import { planApprovalCases } from './engine';
import { rawSqlite } from './raw';
import { buildRegistry, buildRuntime, measureRuntimeApproval } from './runtime';
import { fmtMs } from './stats';
(async () => {
  const dbs = new BenchDatabases();
  const registry = buildRegistry(allWorkflows);
  const def = registry.get(benchApprovalV1.kind, 1);
  const rawDb = await dbs.create('sqlite', 'raw'); await dbs.migrate(rawDb);
  const db = openSqlite(rawDb.file!);
  const rtDb = await dbs.create('sqlite', 'runtime');
  const ds = await dbs.dataSource(rtDb);
  const runtime = buildRuntime(registry, ds, rtDb.config);
  for (let r = 0; r < 4; r++) {
    const w = planApprovalCases(def, 10), p = planApprovalCases(def, 100);
    const raw = await rawSqlite(db, w.cases, p.cases);
    const rt = await measureRuntimeApproval(runtime, 10, 100);
    console.log(`raw ${raw.perSecond.toFixed(0)}/s p50 ${fmtMs(raw.p50)}  rt ${rt.transitions.perSecond.toFixed(0)}/s p50 ${fmtMs(rt.transitions.p50)} ratio ${(rt.transitions.perSecond/raw.perSecond).toFixed(2)}`);
  }
  db.close();
  await dbs.cleanup();
})();
