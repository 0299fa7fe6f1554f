import { commentSealVerdicts } from '@app/audit';
import { OrgUnitNames } from '../users/org-unit-names';
import type { AuthenticatedUser } from '@app/auth';
import { roleNotAllowed } from '@app/auth';
import { Actor, allowedEvents, Label, replay, Role, ROLE_LABELS, shanghaiDate, WorkflowRegistry } from '@app/engine';
import { CASE_REPOSITORY, CaseEntity, CaseListFilter, CaseRepository, parseStoredJson, USER_REPOSITORY, UserRepository } from '@app/persistence';
import { caseNotFound, CLOCK, Clock, validationFailed, WORKFLOW_REGISTRY, WorkflowRuntime } from '@app/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { actingRoles, assertCanView, listScope, notYourOrgUnit, ownsCase } from './case-access.policy';
import { CaseEvidenceService } from '../audit/case-evidence.service';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { toCaseDetail, toCaseSummary } from './case.mapper';
import { CreateCaseRequestDto } from './dto/create-case.request.dto';
import { CaseExportRow, renderCasesCsv, renderCasesXlsx } from './case-export';
import { ExportCasesRequestDto, ListCasesRequestDto, ListTasksRequestDto } from './dto/list-cases.request.dto';
import { REQUEST_FIELD_TITLES } from '../common/request-field-titles';

/** The most rows one export writes (a township's cases over many years fit well inside). */
export const MAX_EXPORT_ROWS = 20_000;
/** Active cases read per query while the task list looks at every one of them. */
const TASK_SCAN_PAGE = 500;

/** The instant a Beijing calendar year starts, as stored (ISO 8601 UTC). */
function beijingYearStart(year: number): string {
  return new Date(Date.UTC(year, 0, 1) - 8 * 3600_000).toISOString();
}
import { SendEventRequestDto } from './dto/send-event.request.dto';

@Injectable()
export class CasesService {
  constructor(
    private readonly runtime: WorkflowRuntime,
    @Inject(CASE_REPOSITORY) private readonly cases: CaseRepository,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly deadlines: DeadlinesService,
    private readonly evidence: CaseEvidenceService,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
  ) {}

  private probe(user: AuthenticatedUser, roles: Role[]) {
    return { actor: this.actor(user, roles[0] ?? user.roles[0]), at: this.clock.now().toISOString() };
  }

  private detail(user: AuthenticatedUser, row: CaseEntity) {
    const roles = actingRoles(user, row);
    return toCaseDetail(row, this.registry.get(row.kind, row.workflowVersion), roles, this.probe(user, roles));
  }

  private actor(user: AuthenticatedUser, role: Role): Actor {
    return { userId: user.id, role, orgUnit: user.orgUnit };
  }

  async create(user: AuthenticatedUser, dto: CreateCaseRequestDto) {
    const def = this.runtime.latest(dto.kind);
    const role = user.roles.find((r) => def.create.roles.includes(r));
    if (!role) throw roleNotAllowed(def.create.roles);
    const row = await this.runtime.createCase({
      kind: dto.kind,
      payload: { title: dto.title, proposal: dto.proposal },
      actor: this.actor(user, role),
    });
    return this.detail(user, row);
  }

  /** Loads a case the user may see; 404 when it does not exist, 403 when it is another unit's. */
  async load(user: AuthenticatedUser, id: string): Promise<CaseEntity> {
    const row = await this.cases.findById(id);
    if (!row) throw caseNotFound(id);
    assertCanView(user, row);
    return row;
  }

  async get(user: AuthenticatedUser, id: string) {
    const row = await this.load(user, id);
    const deadlines = await this.deadlines.forCase(id);
    return { ...this.detail(user, row), deadlines: deadlines.filter((d) => d.status === 'open' || d.status === 'calendar-missing') };
  }

  /** The repository filter of the list's query: stage → its states, year → Beijing-time bounds, overdue → today. */
  private filterOf(user: AuthenticatedUser, q: Omit<ListCasesRequestDto, 'limit' | 'offset'>): CaseListFilter {
    let statePathsAny: string[] | undefined;
    if (q.stage) {
      const defs = this.registry.list().filter((d) => !q.kind || d.kind === q.kind);
      if (!this.registry.list().some((d) => q.stage! in d.stages)) {
        const en = 'stage must be a stage of a workflow (GET /cases/filters)';
        const zh = '不是任何事项流程中的阶段';
        throw validationFailed([{ field: 'stage', title: REQUEST_FIELD_TITLES.stage, problems: [en], problemsZh: [zh], constraints: [{ code: 'isIn', zh, en }] }]);
      }
      statePathsAny = [...new Set(defs.flatMap((d) => Object.entries(d.states).filter(([, m]) => m.stage === q.stage).map(([p]) => p)))];
    }
    return {
      kind: q.kind,
      statePath: q.state,
      statePathsAny,
      orgUnit: q.orgUnit,
      createdFrom: q.year ? beijingYearStart(q.year) : undefined,
      createdBefore: q.year ? beijingYearStart(q.year + 1) : undefined,
      overdue: q.overdue ? { is: q.overdue === 'true', today: this.deadlines.today() } : undefined,
      status: q.status,
      createdBy: q.mine === 'created' ? user.id : undefined,
      actedBy: q.mine === 'acted' ? user.id : undefined,
      scope: listScope(user),
    };
  }

  async list(user: AuthenticatedUser, q: ListCasesRequestDto) {
    const { items, total } = await this.cases.list({ ...this.filterOf(user, q), limit: q.limit, offset: q.offset });
    const clocks = await this.deadlines.nearestOpen(items.map((r) => r.id));
    return {
      total,
      items: items.map((r) => ({ ...toCaseSummary(r, this.registry.get(r.kind, r.workflowVersion)), nearestDeadline: clocks.get(r.id) ?? null })),
    };
  }

  /** What the case list can be filtered by, with labels: matter types, stages, states, departments, years. */
  async filters() {
    const kinds = new Map<string, Label>();
    const stages = new Map<string, Label>();
    const states = new Map<string, { kind: string; path: string; label: Label; stage: string }>();
    for (const def of this.registry.list()) {
      kinds.set(def.kind, def.label);
      for (const [id, label] of Object.entries(def.stages)) if (!stages.has(id)) stages.set(id, label);
      for (const [path, meta] of Object.entries(def.states)) states.set(`${def.kind}:${path}`, { kind: def.kind, path, label: meta.label, stage: meta.stage });
    }
    const units = await this.users.listOrgUnits();
    const thisYear = Number(shanghaiDate(this.clock.now().toISOString()).slice(0, 4));
    return {
      kinds: [...kinds].map(([id, label]) => ({ id, label })),
      stages: [...stages].map(([id, label]) => ({ id, label })),
      states: [...states.values()],
      orgUnits: units.map((u) => ({ id: u.id, label: { zh: u.nameZh, en: u.nameEn } })),
      years: Array.from({ length: 6 }, (_, i) => thisYear - i),
    };
  }

  /** Every case matching the list's filters (all pages), as CSV (UTF-8 with BOM) or XLSX. */
  async export(user: AuthenticatedUser, q: ExportCasesRequestDto): Promise<{ body: Buffer; contentType: string; fileName: string }> {
    const filter = this.filterOf(user, q);
    const lang = q.lang ?? 'zh-CN';
    const pick = (l: Label | undefined) => (l ? (lang === 'en' ? l.en : l.zh) : '');
    const units = new Map((await this.users.listOrgUnits()).map((u) => [u.id, lang === 'en' ? u.nameEn : u.nameZh]));
    const rows: CaseExportRow[] = [];
    for (let offset = 0; rows.length < MAX_EXPORT_ROWS; offset += 500) {
      const { items } = await this.cases.list({ ...filter, limit: 500, offset });
      const clocks = await this.deadlines.nearestOpen(items.map((r) => r.id));
      for (const r of items) {
        const s = toCaseSummary(r, this.registry.get(r.kind, r.workflowVersion));
        const d = clocks.get(r.id);
        rows.push({
          title: s.title,
          kind: pick(s.kindLabel),
          unit: units.get(s.orgUnit) ?? '',
          state: pick(s.state.label) || (lang === 'en' ? 'Closed' : '已办结'),
          dueDate: d?.dueDate ?? '',
          clock: clockText(d, lang),
          createdAt: beijingDateTime(s.createdAt),
        });
      }
      if (items.length < 500) break;
    }
    const today = this.deadlines.today();
    if (q.format === 'xlsx') {
      return { body: await renderCasesXlsx(rows, lang), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: `cases-${today}.xlsx` };
    }
    return { body: renderCasesCsv(rows, lang), contentType: 'text/csv; charset=utf-8', fileName: `cases-${today}.csv` };
  }

  async send(user: AuthenticatedUser, id: string, dto: SendEventRequestDto) {
    const row = await this.load(user, id);
    const def = this.registry.get(row.kind, row.workflowVersion);
    const meta = def.events[dto.type];
    let role: Role | undefined = user.roles[0];
    if (meta) {
      const eligible = user.roles.filter((r) => meta.roles.includes(r));
      if (!eligible.length) throw roleNotAllowed(meta.roles);
      // A department head acts only on its own unit's cases.
      role = eligible.find((r) => r !== 'department-head' || ownsCase(user, row));
      if (!role) throw notYourOrgUnit(id);
    }
    const { case: updated, record } = await this.runtime.dispatch({
      caseId: id,
      type: dto.type,
      payload: dto.payload ?? {},
      actor: this.actor(user, role),
      expectedRevision: dto.expectedRevision,
      ...(dto.backfill ? { backfill: { reason: dto.backfill.reason } } : {}),
    });
    return { case: this.detail(user, updated), event: record };
  }

  async history(user: AuthenticatedUser, id: string) {
    const row = await this.load(user, id);
    const records = await this.cases.history(id);
    const def = this.registry.get(row.kind, row.workflowVersion);
    const labels = Object.fromEntries([
      [def.create.type, def.create.label],
      ...Object.entries(def.events).map(([k, v]) => [k, v.label]),
    ]);
    // who acted, as a person reads it: names, units and roles (never ids)
    const people: Record<string, { displayName: string }> = {};
    for (const uid of new Set(records.map((r) => r.actor.userId))) {
      const u = await this.users.findById(uid);
      if (u) people[uid] = { displayName: u.displayName };
    }
    const units = await this.users.listOrgUnits();
    const orgUnitLabels = Object.fromEntries(units.map((u) => [u.id, { zh: u.nameZh, en: u.nameEn }]));
    // each record's unit by the name it bore then (a unit renamed since keeps its old name in the history)
    const named = new OrgUnitNames(units);
    const actorUnitLabels = Object.fromEntries(records.flatMap((r) => {
      const label = named.at(r.actor.orgUnit, r.at);
      return label ? [[String(r.seq), label]] : [];
    }));
    return { caseId: id, records, eventLabels: labels, backfills: backfillsOf(records), people, orgUnitLabels, actorUnitLabels, roleLabels: ROLE_LABELS };
  }

  /** Recomputes the chain and replays the history through the recorded workflow versions. */
  async verify(user: AuthenticatedUser, id: string) {
    const row = await this.load(user, id);
    const records = await this.cases.history(id);
    const report = replay(this.registry, records, { snapshot: parseStoredJson(row.snapshot), revision: row.revision });
    const headMatches = records.length > 0 && records[records.length - 1].hash === row.headHash && records.length === row.revision;
    // the same verdict as the offline verifier: chain, replay, stored case and the signed checkpoints
    const verdict = await this.evidence.verdict(row, records);
    // the comments sealed at each close, recomputed from the stored rows (docs/participation.md)
    const stored = await this.evidence.sealedComments(row.id, records);
    const seals = stored ? commentSealVerdicts(records, stored) : [];
    const comments = { status: !seals.length ? 'NONE' : seals.every((s) => s.ok) ? 'PASS' : 'FAIL', seals };
    const cp = verdict.findings.filter((f) => f.check === 'checkpoint');
    const checkpoint = {
      status: cp.some((f) => f.severity === 'FAIL') ? 'FAIL' : cp.length ? 'WARN' : 'PASS',
      ...verdict.checkpoints,
      findings: cp,
    };
    return {
      caseId: id,
      intact: report.ok && headMatches && checkpoint.status !== 'FAIL' && comments.status !== 'FAIL',
      revision: row.revision,
      storedHeadHash: row.headHash,
      headMatches,
      ...report,
      checkpoint,
      verdict: { status: verdict.status, seq: verdict.seq, reason: verdict.reason, findings: verdict.findings },
      comments,
    };
  }

  /** Cases whose next step the caller may take now. */
  /**
   * The caller's tasks: every active case in scope whose next step the caller may take now (each
   * active case is looked at, in pages of 500), most recently updated first; a page of them with
   * `limit`/`offset`, each with its nearest open deadline.
   */
  async tasks(user: AuthenticatedUser, q: ListTasksRequestDto = {}) {
    const scope = listScope(user);
    const out: Array<{ case: ReturnType<typeof toCaseSummary>; events: Array<{ type: string; label: Label }> }> = [];
    for (let offset = 0; ; offset += TASK_SCAN_PAGE) {
      const { items } = await this.cases.list({ status: 'active', limit: TASK_SCAN_PAGE, offset, scope });
      for (const row of items) {
        const def = this.registry.get(row.kind, row.workflowVersion);
        const roles = actingRoles(user, row);
        if (!roles.length) continue;
        // a standing option (withdraw, amend, maintain the catalog) is always open: not a to-do
        const events = allowedEvents(def, JSON.parse(row.snapshot), roles, this.probe(user, roles)).filter(
          (e) => !e.blockedBy.length && !def.events[e.type]?.standing,
        );
        if (events.length) out.push({ case: toCaseSummary(row, def), events: events.map((e) => ({ type: e.type, label: e.label })) });
      }
      if (items.length < TASK_SCAN_PAGE) break;
    }
    const from = q.offset ?? 0;
    const page = out.slice(from, q.limit === undefined ? undefined : from + q.limit);
    const clocks = await this.deadlines.nearestOpen(page.map((i) => i.case.id));
    return { total: out.length, items: page.map((i) => ({ ...i, nearestDeadline: clocks.get(i.case.id) ?? null })) };
  }
}


/** The 补录 entries of a history (issue 9 §9): events that recorded a past act, with the reason given. */
export function backfillsOf(records: Array<{ seq: number; type: string; at: string; actor: unknown; facts?: Record<string, unknown> }>) {
  return records
    .filter((r) => r.facts && typeof r.facts.backfill === 'object' && r.facts.backfill !== null)
    .map((r) => ({ seq: r.seq, type: r.type, at: r.at, actor: r.actor, ...(r.facts!.backfill as object) }));
}

/** 剩余/超期 as the console's clock shows it. */
function clockText(d: { dueDate: string | null; workingDaysLeft: number | null; overdue: boolean } | undefined, lang: 'zh-CN' | 'en'): string {
  if (!d || !d.dueDate) return '';
  const n = d.workingDaysLeft;
  const en = lang === 'en';
  if (n === null) return d.overdue ? (en ? 'overdue' : '已超期') : en ? 'calendar not covered' : '日历未覆盖';
  if (n < 0 || d.overdue) return en ? `${Math.abs(n)} working day(s) overdue` : `超期 ${Math.abs(n)} 个工作日`;
  if (n === 0) return en ? 'due today' : '今日到期';
  return en ? `${n} working day(s) left` : `剩余 ${n} 个工作日`;
}

/** `YYYY-MM-DD HH:mm` in Beijing time. */
function beijingDateTime(iso: string): string {
  const t = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}
