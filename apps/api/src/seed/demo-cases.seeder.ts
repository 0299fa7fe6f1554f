import type { Actor, HistoryRecord, Role } from '@app/engine';
import { CASE_REPOSITORY, CaseRepository, DATA_SOURCE, DeadlineEntity, USER_REPOSITORY, UserRepository } from '@app/persistence';
import { Clock, CLOCK, DEADLINE_SCHEDULER, DeadlineScheduler, WorkflowRuntime } from '@app/runtime';
import type { DataSource } from 'typeorm';
import { In } from 'typeorm';
import { decisionCatalog } from '@app/workflows';
import type { ModuleRef } from '@nestjs/core';
import { catalogItemRef } from '../catalog/catalog.service';
import { formNumber } from '../review-desk/review-desk.view';
import { DEMO_CASES, DEMO_CATALOG, DEMO_YEAR, DemoCase } from './demo-cases';

/** The demo year's clock: set per case and step, a second further at every reading so that a case's times increase. */
class DemoClock implements Clock {
  private t = 0;
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
  now(): Date {
    this.t += 1000;
    return new Date(this.t);
  }
}

/**
 * A WorkflowRuntime like the application's — the same class, built from the same providers — but
 * reading the demo year's clock, so that the sample cases carry 2020 dates and every rule and
 * deadline is computed as on those days. (Nest's constructor metadata is read so that new
 * constructor parameters of the runtime are resolved without changes here.)
 */
function demoRuntime(moduleRef: ModuleRef, clock: Clock): WorkflowRuntime {
  const types: unknown[] = Reflect.getMetadata('design:paramtypes', WorkflowRuntime) ?? [];
  const declared: Array<{ index: number; param: unknown }> = Reflect.getMetadata('self:paramtypes', WorkflowRuntime) ?? [];
  const optional: number[] = Reflect.getMetadata('optional:paramtypes', WorkflowRuntime) ?? [];
  const args = types.map((type, index) => {
    const token = declared.find((d) => d.index === index)?.param ?? type;
    if (token === CLOCK) return clock;
    try {
      return moduleRef.get(token as never, { strict: false });
    } catch (e) {
      if (optional.includes(index)) return undefined;
      throw e;
    }
  });
  return new (WorkflowRuntime as unknown as new (...a: unknown[]) => WorkflowRuntime)(...args);
}

/**
 * Seeds the demo year: the published decision catalog and sample cases of every type, each driven
 * through WorkflowRuntime with the real events. Idempotent: nothing is done when the demo year's
 * catalog exists. Never part of the e2e test app's seeding (DemoSeedService.seed).
 */
export async function seedDemoCases(moduleRef: ModuleRef): Promise<{ created: string[] } | null> {
  const cases = moduleRef.get<CaseRepository>(CASE_REPOSITORY, { strict: false });
  const users = moduleRef.get<UserRepository>(USER_REPOSITORY, { strict: false });
  const existing = await cases.list({ kind: decisionCatalog.DECISION_CATALOG_KIND, limit: 10_000 });
  if (existing.items.some((r) => (JSON.parse(r.snapshot) as { context?: { year?: number } }).context?.year === DEMO_YEAR)) return null;

  const clock = new DemoClock();
  const runtime = demoRuntime(moduleRef, clock);
  const actors = new Map<string, Actor>();
  const actor = async (username: string): Promise<Actor> => {
    if (!actors.has(username)) {
      const u = await users.findByUsername(username);
      if (!u) throw new Error(`demo user ${username} missing: seed the demo users first`);
      actors.set(username, { userId: u.id, role: (JSON.parse(u.roles) as Role[])[0], orgUnit: u.orgUnit });
    }
    return actors.get(username)!;
  };
  // each case's latest submission to review: its acceptance is received under the form's own number, as at the desk
  const submissions = new Map<string, HistoryRecord>();
  const send = async (caseId: string, user: string, type: string, payload: unknown, at?: string) => {
    if (at) clock.set(at);
    const submitted = submissions.get(caseId);
    const number = type === 'ACCEPT_FOR_REVIEW' && submitted ? formNumber(submitted) : null;
    const sent = number !== null ? { ...(payload as object), receiptNumber: number } : payload;
    const { record } = await runtime.dispatch({ caseId, type, payload: sent, actor: await actor(user) });
    if (type === 'SUBMIT_FOR_LEGALITY_REVIEW') submissions.set(caseId, record);
  };

  // the catalog: compiled, agreed by the party committee, published
  clock.set(DEMO_CATALOG.at);
  const catalog = await runtime.createCase({ kind: decisionCatalog.DECISION_CATALOG_KIND, payload: DEMO_CATALOG.create, actor: await actor('secretary') });
  for (const item of DEMO_CATALOG.items) await send(catalog.id, 'secretary', 'ADD_ITEM', { item, reason: '结合年度工作实际列入年度目录' });
  await send(catalog.id, 'secretary', 'RECORD_PARTY_CONSENT', { contentVersion: DEMO_CATALOG.items.length, ...DEMO_CATALOG.consent }, DEMO_CATALOG.consentAt);
  await send(catalog.id, 'secretary', 'PUBLISH_CATALOG', DEMO_CATALOG.publish, DEMO_CATALOG.publishAt);

  const created = [catalog.id];
  for (const c of [...DEMO_CASES].sort((a, b) => a.at.localeCompare(b.at))) created.push(await runCase(c));
  await quietPastYear(moduleRef, created);
  return { created };

  async function runCase(c: DemoCase): Promise<string> {
    clock.set(c.at);
    const item = c.catalogItemNo ? DEMO_CATALOG.items[c.catalogItemNo - 1] : undefined;
    const proposal = item
      ? { ...c.proposal, legalBasis: item.legalBasis.join('；'), catalogItem: catalogItemRef(catalog.id, c.catalogItemNo!) }
      : c.proposal;
    const row = await runtime.createCase({ kind: c.kind, payload: { title: c.title, proposal }, actor: await actor(c.user) });
    if (item) {
      // as POST /catalogs/:year/items/:no/case and …/start do: link, then start with the item's procedures
      await send(catalog.id, c.user, 'LINK_CASE', { itemNo: c.catalogItemNo, caseId: row.id });
      await send(row.id, 'town-head', 'DECIDE_TO_START', { undertakingUnit: item.undertakingUnit, procedures: item.procedures });
    }
    for (const s of c.steps) await send(row.id, s.user, s.type, s.payload, s.at);
    return row.id;
  }
}

/**
 * The demo year is past: the deadlines its cases leave open (the review queue at the end of the
 * year) stay open and overdue, as the report shows, but they do not escalate day after day to the
 * demo town head. Each sends its responsible party one overdue notice (the collapsed due-day
 * notice, saying how late it is) and nothing more. A deadline opened later by a clerk acting on a
 * demo case is planned as usual.
 */
async function quietPastYear(moduleRef: ModuleRef, caseIds: string[]): Promise<void> {
  const ds = moduleRef.get<DataSource>(DATA_SOURCE, { strict: false });
  const repo = ds.getRepository(DeadlineEntity);
  const rows = (await repo.find({ where: { caseId: In(caseIds), status: 'open', escalate: true } })).filter((r) => !!r.dueDate && r.dueDate < `${DEMO_YEAR + 1}-01-01`);
  if (!rows.length) return;
  await repo.update({ id: In(rows.map((r) => r.id)) }, { escalate: false });
  let scheduler: DeadlineScheduler | undefined;
  try {
    scheduler = moduleRef.get<DeadlineScheduler>(DEADLINE_SCHEDULER, { strict: false });
  } catch {
    return; // no scheduler: reconciliation plans the rows
  }
  for (const row of rows) await scheduler.deadlinesChanged(row.caseId, { open: [{ ...row, escalate: false }], close: [] });
}
