import type { AuthenticatedUser } from '@app/auth';
import { roleNotAllowed } from '@app/auth';
import { Actor, HistoryRecord, replay, Role, shanghaiDate, stepCase, WorkflowRegistry } from '@app/engine';
import { CASE_REPOSITORY, CaseEntity, CaseRepository } from '@app/persistence';
import { CLOCK, Clock, DocketError, WORKFLOW_REGISTRY, WorkflowRuntime } from '@app/runtime';
import { decisionCatalog } from '@app/workflows';
import { Inject, Injectable } from '@nestjs/common';
import { toCaseSummary } from '../cases/case.mapper';
import {
  AddCatalogItemRequestDto,
  AdjustCatalogItemRequestDto,
  CreateCaseFromItemRequestDto,
  RemoveCatalogItemRequestDto,
  StartItemCaseRequestDto,
} from './dto/catalog.request.dto';

type CatalogContext = decisionCatalog.DecisionCatalogContext;
const KIND = decisionCatalog.DECISION_CATALOG_KIND;

/** Roles that maintain the catalog (党政办 and the town head) and see its working copy and trail. */
export const CATALOG_MAINTAINERS: Role[] = ['secretary', 'town-head'];
const TRAIL_READERS: Role[] = [...CATALOG_MAINTAINERS, 'auditor', 'admin'];

/** `catalogItem` of a major-decision proposal created from an item: `<catalog case id>#<item no>`. */
export const catalogItemRef = (catalogCaseId: string, no: number) => `${catalogCaseId}#${no}`;

export const catalogNotFound = (year: number) =>
  new DocketError(404, 'CATALOG_NOT_FOUND', `${year}年度尚无已公布的重大行政决策事项目录`, `There is no published decision catalog for ${year}`, undefined, { year });

export function parseYear(raw: string): number {
  const year = Number(raw);
  if (!/^\d{4}$/.test(raw) || year < 2000 || year > 2100) {
    throw new DocketError(400, 'INVALID_YEAR', '年度应为 2000–2100 之间的四位数字', 'The year must be four digits between 2000 and 2100', undefined, { year: raw });
  }
  return year;
}

export function parseItemNo(raw: string): number {
  const no = Number(raw);
  if (!/^\d{1,6}$/.test(raw) || no < 1) {
    throw new DocketError(400, 'INVALID_ITEM_NO', '事项序号应为正整数', 'The item number must be a positive integer', undefined, { itemNo: raw });
  }
  return no;
}

/**
 * The annual decision catalog (SPEC §2.3) over the decision-catalog workflow: every change goes
 * through WorkflowRuntime as an event of the year's catalog case, so the trail is its history.
 */
@Injectable()
export class CatalogService {
  /** catalog creation and case creation from an item are serialized per year within this process */
  private readonly queues = new Map<number, Promise<unknown>>();

  constructor(
    private readonly runtime: WorkflowRuntime,
    @Inject(CASE_REPOSITORY) private readonly cases: CaseRepository,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private serialized<T>(year: number, work: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(year) ?? Promise.resolve();
    const next = prev.catch(() => undefined).then(work);
    this.queues.set(year, next);
    return next;
  }

  private actor(user: AuthenticatedUser, allowed: Role[]): Actor {
    const role = user.roles.find((r) => allowed.includes(r));
    if (!role) throw roleNotAllowed(allowed);
    return { userId: user.id, role, orgUnit: user.orgUnit };
  }

  private eventRoles(type: string): Role[] {
    return this.registry.latest(KIND).events[type].roles;
  }

  /** The catalog case of a year (one per year: the database refuses a second, see the workflow's `uniqueKey`). */
  find(year: number): Promise<CaseEntity | null> {
    return this.cases.findByUniqueKey(`${KIND}:${year}`);
  }

  private async require(year: number): Promise<CaseEntity> {
    const row = await this.find(year);
    if (!row) throw catalogNotFound(year);
    return row;
  }

  private async dispatch(user: AuthenticatedUser, year: number, type: string, payload: unknown) {
    const row = await this.require(year);
    const { case: updated } = await this.runtime.dispatch({ caseId: row.id, type, payload, actor: this.actor(user, this.eventRoles(type)) });
    return this.working(updated);
  }

  // ---------------------------------------------------------------------------------------------
  // Reading
  // ---------------------------------------------------------------------------------------------

  async list(user: AuthenticatedUser) {
    const { items } = await this.cases.list({ kind: KIND, limit: 10_000 });
    const maintainer = user.roles.some((r) => TRAIL_READERS.includes(r));
    return items
      .map((r) => ({ row: r, ctx: (JSON.parse(r.snapshot) as { context: CatalogContext }).context }))
      .filter(({ ctx }) => maintainer || ctx.publications.length > 0)
      .map(({ row, ctx }) => ({
        year: ctx.year,
        title: ctx.title,
        catalogCaseId: row.id,
        state: row.statePath,
        publishedAt: decisionCatalog.lastPublication(ctx)?.publishedAt ?? null,
        items: decisionCatalog.lastPublication(ctx)?.items.length ?? 0,
      }))
      .sort((a, b) => b.year - a.year);
  }

  /** The published catalog for everyone; the working copy, consent and pending changes for maintainers and auditors. */
  async get(user: AuthenticatedUser, year: number) {
    const row = await this.find(year);
    const maintainer = user.roles.some((r) => TRAIL_READERS.includes(r));
    if (!row) throw catalogNotFound(year);
    const ctx = (JSON.parse(row.snapshot) as { context: CatalogContext }).context;
    const pub = decisionCatalog.lastPublication(ctx);
    if (!pub && !maintainer) throw catalogNotFound(year);
    const linked = new Map(ctx.items.map((i) => [i.no, i.caseId]));
    const cases = await this.caseStates([...linked.values()].filter((x): x is string => !!x));
    const withCase = (i: { no: number }) => {
      const caseId = linked.get(i.no) ?? null;
      return { ...i, caseId, case: caseId ? cases.get(caseId) ?? null : null };
    };
    return {
      year: ctx.year,
      title: ctx.title,
      catalogCaseId: row.id,
      published: pub
        ? {
            publication: pub.n,
            contentVersion: pub.contentVersion,
            publishedAt: pub.publishedAt,
            channels: pub.channels,
            documentNumber: pub.documentNumber,
            consent: ctx.consents.find((c) => c.contentVersion === pub.contentVersion) ?? null,
            items: pub.items.map(withCase),
          }
        : null,
      ...(maintainer ? { working: this.workingOf(row, ctx, withCase) } : {}),
    };
  }

  private workingOf(row: CaseEntity, ctx: CatalogContext, withCase: (i: { no: number }) => object = (i) => i) {
    return {
      state: row.statePath,
      stateLabel: this.registry.get(row.kind, row.workflowVersion).states[row.statePath]?.label,
      revision: row.revision,
      contentVersion: ctx.contentVersion,
      unpublishedChanges: decisionCatalog.unpublishedChanges(ctx),
      consent: decisionCatalog.currentConsent(ctx) ?? null,
      items: ctx.items.map(withCase),
    };
  }

  private working(row: CaseEntity) {
    const ctx = (JSON.parse(row.snapshot) as { context: CatalogContext }).context;
    return { year: ctx.year, title: ctx.title, catalogCaseId: row.id, working: this.workingOf(row, ctx) };
  }

  private async caseStates(ids: string[]) {
    const out = new Map<string, object>();
    for (const id of ids) {
      const row = await this.cases.findById(id);
      if (row) out.set(id, toCaseSummary(row, this.registry.get(row.kind, row.workflowVersion)));
    }
    return out;
  }

  /**
   * The change trail: each change with the history record that carries it (seq, hash, prevHash),
   * the consents and publications, and whether the catalog's chain and replay are intact.
   */
  async changes(user: AuthenticatedUser, year: number) {
    this.actor(user, TRAIL_READERS);
    const row = await this.require(year);
    const ctx = (JSON.parse(row.snapshot) as { context: CatalogContext }).context;
    const records = await this.cases.history(row.id);
    const report = replay(this.registry, records, { snapshot: JSON.parse(row.snapshot), revision: row.revision });
    const proof = (r: HistoryRecord) => ({ seq: r.seq, hash: r.hash, prevHash: r.prevHash, at: r.at, actor: r.actor });
    const changeRecords = records.filter((r) => ['ADD_ITEM', 'ADJUST_ITEM', 'REMOVE_ITEM'].includes(r.type));
    const consentRecords = records.filter((r) => r.type === 'RECORD_PARTY_CONSENT');
    const publicationRecords = records.filter((r) => r.type === 'PUBLISH_CATALOG');
    const linkRecords = records.filter((r) => r.type === 'LINK_CASE');
    return {
      year: ctx.year,
      catalogCaseId: row.id,
      intact: report.ok && records.length === row.revision && records[records.length - 1]?.hash === row.headHash,
      headHash: row.headHash,
      changes: ctx.changes.map((c, i) => ({ ...c, record: changeRecords[i] ? proof(changeRecords[i]) : null })),
      consents: ctx.consents.map((c, i) => ({ ...c, record: consentRecords[i] ? proof(consentRecords[i]) : null })),
      publications: ctx.publications.map((p, i) => ({ ...p, record: publicationRecords[i] ? proof(publicationRecords[i]) : null })),
      links: ctx.links.map((l, i) => ({ ...l, record: linkRecords[i] ? proof(linkRecords[i]) : null })),
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Changes, consent, publication (each one event of the catalog case)
  // ---------------------------------------------------------------------------------------------

  async addItem(user: AuthenticatedUser, year: number, dto: AddCatalogItemRequestDto) {
    const actor = this.actor(user, this.eventRoles('ADD_ITEM'));
    return this.serialized(year, async () => {
      let row = await this.find(year);
      if (!row) {
        const createRoles = this.registry.latest(KIND).create.roles;
        try {
          row = await this.runtime.createCase({
            kind: KIND,
            payload: { title: dto.catalogTitle ?? `${year}年重大行政决策事项目录`, year },
            actor: this.actor(user, createRoles),
          });
        } catch (e) {
          // another API process created the year's catalog meanwhile: add the item to that one
          if (!(e instanceof DocketError && e.code === 'CASE_ALREADY_EXISTS')) throw e;
          row = await this.require(year);
        }
      }
      const { case: updated } = await this.runtime.dispatch({ caseId: row.id, type: 'ADD_ITEM', payload: { item: dto.item, reason: dto.reason }, actor });
      return this.working(updated);
    });
  }

  adjustItem(user: AuthenticatedUser, year: number, itemNo: number, dto: AdjustCatalogItemRequestDto) {
    return this.dispatch(user, year, 'ADJUST_ITEM', { itemNo, changes: dto.changes, reason: dto.reason });
  }

  removeItem(user: AuthenticatedUser, year: number, itemNo: number, dto: RemoveCatalogItemRequestDto) {
    return this.dispatch(user, year, 'REMOVE_ITEM', { itemNo, reason: dto.reason });
  }

  recordConsent(user: AuthenticatedUser, year: number, dto: decisionCatalog.RecordPartyConsentPayload) {
    return this.dispatch(user, year, 'RECORD_PARTY_CONSENT', dto);
  }

  publish(user: AuthenticatedUser, year: number, dto: decisionCatalog.PublishCatalogPayload) {
    return this.dispatch(user, year, 'PUBLISH_CATALOG', dto);
  }

  // ---------------------------------------------------------------------------------------------
  // The item's major-decision case
  // ---------------------------------------------------------------------------------------------

  /**
   * Creates the item's major-decision case through WorkflowRuntime (CREATE_CASE, proposal.catalogItem
   * = `<catalog case>#<no>`, title and legal basis from the item) and records the link as LINK_CASE
   * on the catalog. The link is checked with the engine before the case is created, so a refused
   * link (unpublished item, already linked, another unit's item) creates nothing.
   */
  async createCase(user: AuthenticatedUser, year: number, itemNo: number, dto: CreateCaseFromItemRequestDto) {
    const mdDef = this.runtime.latest('major-decision');
    const caseActor = this.actor(user, mdDef.create.roles);
    const linkActor = this.actor(user, this.eventRoles('LINK_CASE'));
    return this.serialized(year, async () => {
      const catalog = await this.require(year);
      const def = this.registry.get(catalog.kind, catalog.workflowVersion);
      const snapshot = JSON.parse(catalog.snapshot);
      const at = this.clock.now().toISOString();
      const probe = stepCase(def, snapshot, {
        type: 'LINK_CASE',
        payload: { itemNo, caseId: '00000000-0000-4000-8000-000000000000' },
        actor: linkActor,
        at,
        today: shanghaiDate(at),
        facts: {},
      });
      if (!probe.ok) throw DocketError.fromRefusal(probe.refusal);
      const item = decisionCatalog.findItem(snapshot.context as CatalogContext, itemNo)!;
      const created = await this.runtime
        .createCase({
          kind: 'major-decision',
          payload: {
            title: dto.title ?? item.name,
            proposal: {
              ...dto.proposal,
              legalBasis: dto.proposal.legalBasis ?? item.legalBasis.join('；'),
              catalogItem: catalogItemRef(catalog.id, itemNo),
            },
          },
          actor: caseActor,
        })
        .catch((e) => {
          // another API process created the item's case meanwhile (the case's unique key): the same refusal as a linked item
          if (e instanceof DocketError && e.code === 'CASE_ALREADY_EXISTS') throw DocketError.fromRefusal(def.rules.itemNotLinked.refusal);
          throw e;
        });
      // the case exists: record the link, retrying if the catalog moved meanwhile (another process)
      for (let attempt = 0; ; attempt++) {
        try {
          await this.runtime.dispatch({ caseId: catalog.id, type: 'LINK_CASE', payload: { itemNo, caseId: created.id }, actor: linkActor });
          break;
        } catch (e) {
          if (!(e instanceof DocketError && e.code === 'REVISION_CONFLICT') || attempt >= 5) throw e;
        }
      }
      return {
        case: toCaseSummary(created, mdDef),
        item: { no: item.no, name: item.name },
        /** what POST …/items/:no/start sends as DECIDE_TO_START unless told otherwise */
        startDefaults: { undertakingUnit: item.undertakingUnitId ?? item.undertakingUnit, procedures: item.procedures },
      };
    });
  }

  /** DECIDE_TO_START on the item's case, with the undertaking unit and procedures of the item unless overridden. */
  async start(user: AuthenticatedUser, year: number, itemNo: number, dto: StartItemCaseRequestDto) {
    const catalog = await this.require(year);
    const ctx = (JSON.parse(catalog.snapshot) as { context: CatalogContext }).context;
    const item = decisionCatalog.findItem(ctx, itemNo);
    if (!item?.caseId) {
      throw new DocketError(
        422,
        'CATALOG_ITEM_HAS_NO_CASE',
        '该目录事项尚未提出决策事项建议（未关联决策案件）',
        'No decision case has been proposed for this catalog item yet',
        'R713 Art. 10',
        { year, itemNo },
      );
    }
    const mdDef = this.registry.latest('major-decision');
    const actor = this.actor(user, mdDef.events.DECIDE_TO_START.roles);
    const procedures = dto.procedures ?? item.procedures;
    const { case: updated } = await this.runtime.dispatch({
      caseId: item.caseId,
      type: 'DECIDE_TO_START',
      payload: {
        // the unit's id where the item has one (catalog v2); a v1 item's text as it was typed
        undertakingUnit: dto.undertakingUnit ?? item.undertakingUnitId ?? item.undertakingUnit,
        procedures,
        ...(dto.cooperatingUnits ? { cooperatingUnits: dto.cooperatingUnits } : {}),
        ...(dto.note ? { note: dto.note } : {}),
      },
      actor,
    });
    return {
      case: toCaseSummary(updated, this.registry.get(updated.kind, updated.workflowVersion)),
      procedures,
      proceduresFrom: dto.procedures ? 'request' : 'catalog',
    };
  }
}
