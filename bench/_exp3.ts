import 'reflect-metadata';
import { allWorkflows } from '@app/workflows';
import { BusinessCalendar } from '@app/calendar';
import { CaseRepository } from '@app/persistence';
import { LoggingEffectSink, SystemClock, WorkflowRuntime } from '@app/runtime';
import { approvalComment, approverFor, benchCreator } from './approval.workflow';
import { BenchDatabases, Driver } from './databases';
import { buildRegistry } from './runtime';
const t: Record<string, number> = { find: 0, advance: 0, dispatch: 0 };
class Timed extends CaseRepository {
  async findById(id: string) { const a = performance.now(); try { return await super.findById(id); } finally { t.find += performance.now() - a; } }
  async advance(...args: Parameters<CaseRepository['advance']>) { const a = performance.now(); try { return await super.advance(...args); } finally { t.advance += performance.now() - a; } }
}
(async () => {
  const dbs = new BenchDatabases();
  const registry = buildRegistry(allWorkflows);
  const rtDb = await dbs.create((process.env.DRV || 'sqlite') as Driver, 'runtime');
  const ds = await dbs.dataSource(rtDb);
  const runtime = new WorkflowRuntime(registry, new Timed(ds), new SystemClock(), BusinessCalendar.fromChineseDays(), rtDb.config, new LoggingEffectSink());
  for (const round of [0, 1]) {
    for (const k in t) t[k] = 0;
    const ids: string[] = [];
    for (let c = 0; c < 600; c++) ids.push((await runtime.createCase({ kind: 'bench-approval', payload: { title: 'x' + c }, actor: benchCreator })).id);
    for (const k in t) t[k] = 0;
    let n = 0;
    for (let s = 1; s <= 5; s++) for (const caseId of ids) { const a = performance.now(); await runtime.dispatch({ caseId, type: `APPROVE_${s}`, payload: approvalComment(s), actor: approverFor(s) }); t.dispatch += performance.now() - a; n++; }
    console.log(round, Object.entries(t).map(([k, v]) => `${k} ${(v / n).toFixed(3)}ms`).join('  '), `other ${((t.dispatch - t.find - t.advance) / n).toFixed(3)}ms`);
  }
  await dbs.cleanup();
})();
