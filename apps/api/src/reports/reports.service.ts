import { WorkflowRegistry } from '@app/engine';
import { CaseEntity, CaseHistoryEntity, DATA_SOURCE, DeadlineEntity, parseStoredJson } from '@app/persistence';
import { CLOCK, Clock, DocketError, WORKFLOW_REGISTRY } from '@app/runtime';
import { decisionCatalog } from '@app/workflows';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { annualReport, ReportRecord, yearBounds } from './annual-report';

/** Loads the rows of a year (read-only) and computes the annual figures from them. */
@Injectable()
export class ReportsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async annual(year: number) {
    const { end } = yearBounds(year);
    const rows = await this.ds.getRepository(CaseEntity).find({ where: { createdAt: LessThan(end) }, order: { createdAt: 'ASC', id: 'ASC' } });
    const history = await this.ds
      .getRepository(CaseHistoryEntity)
      .find({ where: { at: LessThan(end) }, order: { caseId: 'ASC', seq: 'ASC' } });
    const deadlines = await this.ds.getRepository(DeadlineEntity).find();
    const catalogRow = rows
      .filter((r) => r.kind === decisionCatalog.DECISION_CATALOG_KIND)
      .find((r) => (parseStoredJson(r.snapshot) as { context?: { year?: number } })?.context?.year === year);
    const records: ReportRecord[] = history.map((h) => ({
      caseId: h.caseId,
      seq: Number(h.seq),
      type: h.type,
      at: h.at,
      stateAfter: parseStoredJson(h.stateAfter),
      payload: h.type === 'ISSUE_REVIEW_OPINION' ? parseStoredJson(h.payload) : null,
      workflow: { kind: h.workflowKind, version: Number(h.workflowVersion) },
    }));
    return annualReport({
      year,
      cases: rows.map((r) => ({ id: r.id, kind: r.kind, workflowVersion: r.workflowVersion, title: r.title, createdAt: r.createdAt })),
      records,
      deadlines: deadlines.map((d) => ({
        caseId: d.caseId,
        workflowKind: d.workflowKind,
        key: d.key,
        labelZh: d.labelZh,
        labelEn: d.labelEn,
        status: d.status,
        type: d.type,
        dueDate: d.dueDate,
        openedAt: d.openedAt,
        closedAt: d.closedAt,
        responsible: parseRoles(d.responsible),
      })),
      catalog: catalogRow ? { caseId: catalogRow.id, context: (JSON.parse(catalogRow.snapshot) as { context: decisionCatalog.DecisionCatalogContext }).context } : null,
      registry: this.registry,
      generatedAt: this.clock.now().toISOString(),
    });
  }

  /** The cases behind one figure, with their title and state at year end. */
  async drill(year: number, key: string) {
    const { figures, yearEnd } = await this.annual(year);
    const f = figures.get(key);
    if (!f) {
      throw new DocketError(404, 'UNKNOWN_FIGURE', `报告中没有该项数据：${key}`, `The report has no figure ${key}`, undefined, {
        figures: [...figures.keys()],
      });
    }
    const cases = f.caseIds.length ? await this.ds.getRepository(CaseEntity).findBy(f.caseIds.map((id) => ({ id }))) : [];
    return {
      year,
      figure: f,
      cases: cases
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
        .map((c) => ({
          id: c.id,
          kind: c.kind,
          kindLabel: this.registry.get(c.kind, c.workflowVersion).label,
          title: c.title,
          stateAtYearEnd: yearEnd.get(c.id)?.label ?? null,
          link: `/api/v1/cases/${c.id}`,
        })),
    };
  }
}

const parseRoles = (json: string | null | undefined): string[] | undefined => {
  try {
    const v = JSON.parse(json ?? 'null');
    return Array.isArray(v) ? v.map(String) : undefined;
  } catch {
    return undefined;
  }
};
