import type { AuthenticatedUser } from '@app/auth';
import { roleNotAllowed } from '@app/auth';
import { Actor, allowedEvents, replay, Role, ROLE_LABELS, WorkflowRegistry } from '@app/engine';
import { CASE_REPOSITORY, CaseEntity, CaseRepository, parseStoredJson, USER_REPOSITORY, UserRepository } from '@app/persistence';
import { caseNotFound, CLOCK, Clock, WORKFLOW_REGISTRY, WorkflowRuntime } from '@app/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { actingRoles, assertCanView, listScope, notYourOrgUnit, ownsCase } from './case-access.policy';
import { CaseEvidenceService } from '../audit/case-evidence.service';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { toCaseDetail, toCaseSummary } from './case.mapper';
import { CreateCaseRequestDto } from './dto/create-case.request.dto';
import { ListCasesRequestDto } from './dto/list-cases.request.dto';
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

  async list(user: AuthenticatedUser, q: ListCasesRequestDto) {
    const scope = listScope(user);
    const { items, total } = await this.cases.list({
      kind: q.kind,
      statePath: q.state,
      status: q.status,
      createdBy: q.mine === 'created' ? user.id : undefined,
      actedBy: q.mine === 'acted' ? user.id : undefined,
      limit: q.limit,
      offset: q.offset,
      scope,
    });
    return { total, items: items.map((r) => toCaseSummary(r, this.registry.get(r.kind, r.workflowVersion))) };
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
    return { caseId: id, records, eventLabels: labels, backfills: backfillsOf(records), people, orgUnitLabels, roleLabels: ROLE_LABELS };
  }

  /** Recomputes the chain and replays the history through the recorded workflow versions. */
  async verify(user: AuthenticatedUser, id: string) {
    const row = await this.load(user, id);
    const records = await this.cases.history(id);
    const report = replay(this.registry, records, { snapshot: parseStoredJson(row.snapshot), revision: row.revision });
    const headMatches = records.length > 0 && records[records.length - 1].hash === row.headHash && records.length === row.revision;
    // the same verdict as the offline verifier: chain, replay, stored case and the signed checkpoints
    const verdict = await this.evidence.verdict(row, records);
    const cp = verdict.findings.filter((f) => f.check === 'checkpoint');
    const checkpoint = {
      status: cp.some((f) => f.severity === 'FAIL') ? 'FAIL' : cp.length ? 'WARN' : 'PASS',
      ...verdict.checkpoints,
      findings: cp,
    };
    return {
      caseId: id,
      intact: report.ok && headMatches && checkpoint.status !== 'FAIL',
      revision: row.revision,
      storedHeadHash: row.headHash,
      headMatches,
      ...report,
      checkpoint,
      verdict: { status: verdict.status, seq: verdict.seq, reason: verdict.reason, findings: verdict.findings },
    };
  }

  /** Cases whose next step the caller may take now. */
  async tasks(user: AuthenticatedUser) {
    const scope = listScope(user);
    const { items } = await this.cases.list({ status: 'active', limit: 500, scope });
    const out = [];
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
    return { total: out.length, items: out };
  }
}


/** The 补录 entries of a history (issue 9 §9): events that recorded a past act, with the reason given. */
export function backfillsOf(records: Array<{ seq: number; type: string; at: string; actor: unknown; facts?: Record<string, unknown> }>) {
  return records
    .filter((r) => r.facts && typeof r.facts.backfill === 'object' && r.facts.backfill !== null)
    .map((r) => ({ seq: r.seq, type: r.type, at: r.at, actor: r.actor, ...(r.facts!.backfill as object) }));
}
