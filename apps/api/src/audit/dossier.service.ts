import { DOSSIER_FORMAT, DossierBundle, dossierComments, DossierStage } from '@app/audit';
import { stateMetaOf, StateValue, WorkflowDefinition, WorkflowRegistry } from '@app/engine';
import { parseStoredJson, USER_REPOSITORY, UserRepository } from '@app/persistence';
import { CLOCK, Clock, WORKFLOW_REGISTRY } from '@app/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { CaseAuditService } from './case-audit.service';
import { CaseEvidenceService } from './case-evidence.service';
import { renderDossierHtml } from './dossier-html.renderer';
import { paperFieldTexts, paperNames } from '../papers/papers.service';

const isEmpty = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);

/** Context keys the dossier shows elsewhere: its heading (case, title, current round), the history (who created it, when). */
const HEADING_KEYS = new Set(['caseId', 'title', 'round', 'created']);

/**
 * Every stage's records, as the workflow's `dossier` sections name them (the whole context
 * otherwise). A record the sections do not name is never left out: it goes under 其他记录.
 */
export function dossierStages(def: WorkflowDefinition, context: Record<string, unknown> | null): DossierStage[] {
  const ctx = context ?? {};
  if (!def.dossier) {
    return [{ stage: 'all', label: { zh: '全部记录', en: 'All records' }, records: [{ key: '', label: def.label, value: ctx }] }];
  }
  const stages: DossierStage[] = def.dossier.map((section) => ({
    stage: section.stage,
    label: def.stages[section.stage] ?? { zh: section.stage, en: section.stage },
    records: section.records.filter((r) => !isEmpty(ctx[r.key])).map((r) => ({ key: r.key, label: r.label, value: ctx[r.key] })),
  }));
  const named = new Set(def.dossier.flatMap((s) => s.records.map((r) => r.key)));
  const other = Object.keys(ctx).filter((k) => !named.has(k) && !HEADING_KEYS.has(k) && !isEmpty(ctx[k]));
  if (other.length) {
    stages.push({ stage: 'other', label: { zh: '其他记录', en: 'Other records' }, records: other.map((k) => ({ key: k, label: { zh: k, en: k }, value: ctx[k] })) });
  }
  return stages;
}

/**
 * The dossier (决策档案, issue 4 §4): the bundle an auditor takes away — the case, every stage's
 * record, the history, the checkpoints anchoring it with their proofs and keys, and the verdict.
 * The offline verifier (`npm run docket -- verify <bundle.json>`) checks it with no database.
 */
@Injectable()
export class DossierService {
  constructor(
    private readonly audit: CaseAuditService,
    private readonly evidence: CaseEvidenceService,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
  ) {}

  /** The dossier as a readable zh-CN page: people and units by name, fields by their titles. */
  async html(id: string): Promise<string> {
    const b = await this.bundle(id);
    const def = this.registry.get(b.case.kind, b.case.workflowVersion);
    return renderDossierHtml(b, def, await paperNames(this.users, b.history), paperFieldTexts());
  }

  async bundle(id: string): Promise<DossierBundle> {
    const { row, records } = await this.audit.load(id);
    const def = this.registry.get(row.kind, row.workflowVersion);
    const snapshot = parseStoredJson(row.snapshot) as { context?: Record<string, unknown> };
    const ev = await this.evidence.evidence(row, records);
    const value = parseStoredJson(row.stateValue) as StateValue;
    let stateLabel = { zh: row.statePath, en: row.statePath };
    try {
      stateLabel = stateMetaOf(def, value)?.label ?? stateLabel;
    } catch {
      // an unreadable stored state keeps its path as label; the verdict says why
    }
    return {
      format: DOSSIER_FORMAT,
      exportedAt: this.clock.now().toISOString(),
      case: {
        id: row.id,
        kind: row.kind,
        workflowVersion: row.workflowVersion,
        workflowLabel: def.label,
        title: row.title,
        status: row.status,
        statePath: row.statePath,
        stateLabel,
        revision: row.revision,
        headHash: row.headHash,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        snapshot,
      },
      stages: dossierStages(def, snapshot?.context ?? null),
      history: records,
      checkpoints: { keys: ev.keyInfos, anchors: ev.anchors, latest: ev.latest ?? null },
      verdict: this.evidence.judge(ev),
      ...(ev.comments ? { comments: dossierComments(records, ev.comments) } : {}),
    };
  }
}
