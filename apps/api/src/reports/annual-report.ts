/**
 * The year's figures (issue 5 §7), computed from the cases' histories and the deadline rows: pure,
 * rows in → figures out. Every figure carries the ids of the cases behind it and a drill link.
 *
 * Definitions (Asia/Shanghai calendar year; "at year end" = the last history record before
 * 1 January of the next year, so later events do not change a past year's report):
 * - cases handled in the year: cases with at least one history record in the year; their outcome is
 *   the state they were in at year end.
 * - legality review (five matter types, SPEC §3.2): a case requires review unless it ended before it
 *   was ever submitted (withdrawn, not started); reviewed = a review opinion was issued by year end;
 *   coverage = reviewed ÷ requiring.
 * - deadlines, by workflow and declaration: met and missed = rows closed in the year as met / missed;
 *   open and overdue = rows of a `due` deadline opened by year end, still open at year end (not
 *   closed, or closed only later) and due on or before 31 December; on-time rate = met ÷ (met + missed + open and overdue).
 *   Filings are the declarations whose key names a filing. A deadline nobody must act on (no
 *   responsible role, e.g. a validity end Docket acts on itself) is not a duty and is left out.
 * - documents (administrative and party normative documents): issued in the year; in force at year
 *   end = 现行有效 on 31 December as workflows/common/in-force.ts defines it (published, not repealed,
 *   expired or withdrawn, validity not passed — the same definition cleanup campaigns use); expired
 *   (moved to `expired`, or validity ended by year end), repealed at year end. A party document whose
 *   filing exemption stood the pre-review (a leadership speech, meeting minutes, … PFR 2019 Art. 2) is
 *   not a party normative document: it is counted apart (`issuedNotADocument`), neither as issued nor
 *   as in force.
 * - catalog: the items of the year's published catalog; completed = the item's case published its
 *   decision (PUBLISH_DECISION) by year end.
 */
import { describeDefinition, Label, leafPaths, stateMetaOf, StateValue, WorkflowRegistry } from '@app/engine';
import { decisionCatalog, ENDED_STATES, inForceOn, standingOfRecords } from '@app/workflows';

export const REVIEW_KINDS = ['major-decision', 'normative-document', 'party-normative-document', 'administrative-contract', 'enforcement-decision'] as const;
const DOCUMENT_KINDS: Record<string, string> = { 'normative-document': 'PUBLISH_DOCUMENT', 'party-normative-document': 'ISSUE_DOCUMENT' };
/**
 * The states of an issued document that is no normative document: the party document whose filing
 * exemption was upheld (PFR 2019 Art. 2: leadership speeches, work points, minutes, … are excluded;
 * the workflow ends it at issuance, policy P2).
 */
const NOT_A_DOCUMENT: Record<string, readonly string[]> = { 'party-normative-document': ['exemptFromFiling'] };

export interface ReportCase {
  id: string;
  kind: string;
  workflowVersion: number;
  title: string;
  createdAt: string;
}

export interface ReportRecord {
  caseId: string;
  seq: number;
  type: string;
  at: string;
  stateAfter: unknown;
  payload: unknown;
  workflow: { kind: string; version: number };
}

export interface ReportDeadline {
  caseId: string;
  workflowKind: string;
  key: string;
  labelZh: string;
  labelEn: string;
  status: string;
  /** due | minimum: only a `due` deadline can be overdue */
  type: string;
  dueDate: string | null;
  openedAt: string;
  closedAt: string | null;
  /** who must meet it; a deadline nobody must act on (e.g. a validity end Docket acts on itself) is no duty and not reported */
  responsible?: string[];
}

export interface ReportInput {
  year: number;
  cases: ReportCase[];
  /** history records before the end of the year, in (caseId, seq) order */
  records: ReportRecord[];
  deadlines: ReportDeadline[];
  catalog: { caseId: string; context: decisionCatalog.DecisionCatalogContext } | null;
  registry: WorkflowRegistry;
  generatedAt: string;
}

export interface Figure {
  key: string;
  label: Label;
  value: number;
  caseIds: string[];
  drill: string;
}

export const yearBounds = (year: number) => ({
  start: new Date(Date.UTC(year, 0, 1) - 8 * 3600_000).toISOString(),
  end: new Date(Date.UTC(year + 1, 0, 1) - 8 * 3600_000).toISOString(),
});

const rate = (num: number, den: number) => (den === 0 ? null : Math.round((num / den) * 10_000) / 10_000);

export function annualReport(input: ReportInput) {
  const { year, registry } = input;
  const { start, end } = yearBounds(year);
  const inYear = (at: string | null | undefined) => !!at && at >= start && at < end;
  const figures = new Map<string, Figure>();
  const figure = (key: string, label: Label, caseIds: Iterable<string>): Figure => {
    const ids = [...new Set(caseIds)].sort();
    const f = { key, label, value: ids.length, caseIds: ids, drill: `/api/v1/reports/annual?year=${year}&drill=${encodeURIComponent(key)}` };
    figures.set(key, f);
    return f;
  };

  const byCase = new Map<string, ReportRecord[]>();
  for (const r of input.records) if (r.at < end) (byCase.get(r.caseId) ?? byCase.set(r.caseId, []).get(r.caseId)!).push(r);
  const cases = input.cases.filter((c) => (REVIEW_KINDS as readonly string[]).includes(c.kind) && byCase.has(c.id));
  const has = (c: ReportCase, type: string, when: (at: string) => boolean = () => true) => (byCase.get(c.id) ?? []).some((r) => r.type === type && when(r.at));
  const handled = cases.filter((c) => (byCase.get(c.id) ?? []).some((r) => inYear(r.at)));
  const finals = new Map<string, Set<string>>();
  const isFinal = (c: ReportCase, path: string) => {
    const k = `${c.kind}@${c.workflowVersion}`;
    if (!finals.has(k)) finals.set(k, new Set(describeDefinition(registry.get(c.kind, c.workflowVersion)).states.filter((s) => s.final).map((s) => s.path)));
    return finals.get(k)!.has(path);
  };

  /** the state a case was in at year end: path (the top-level state for parallel ones), labels */
  const yearEnd = new Map<string, { path: string; label: Label; stage: string; stageLabel: Label; leaves: string[] }>();
  for (const c of cases) {
    const recs = byCase.get(c.id)!;
    const last = recs[recs.length - 1];
    const def = registry.get(last.workflow.kind, last.workflow.version);
    const value = last.stateAfter as StateValue;
    const leaves = leafPaths(value);
    const meta = leaves.length > 1 ? { ...def.states[leaves[0].split('.')[0]], path: leaves[0].split('.')[0] } : stateMetaOf(def, value);
    const path = meta?.path ?? leaves[0] ?? '';
    yearEnd.set(c.id, {
      path,
      label: meta?.label ?? { zh: path, en: path },
      stage: meta?.stage ?? '',
      stageLabel: (meta?.stage && def.stages[meta.stage]) || { zh: '', en: '' },
      leaves,
    });
  }
  const kindLabel = (kind: string) => registry.latest(kind).label;

  // ---- cases by type and outcome
  const byType = REVIEW_KINDS.map((kind) => {
    const ofKind = handled.filter((c) => c.kind === kind);
    const outcomes = new Map<string, ReportCase[]>();
    for (const c of ofKind) {
      const p = yearEnd.get(c.id)!.path;
      outcomes.set(p, [...(outcomes.get(p) ?? []), c]);
    }
    return {
      kind,
      label: kindLabel(kind),
      handled: figure(`cases.${kind}`, { zh: `${kindLabel(kind).zh}：全年办理`, en: `${kindLabel(kind).en}: handled in the year` }, ofKind.map((c) => c.id)),
      created: figure(`cases.${kind}.created`, { zh: `${kindLabel(kind).zh}：年内新提出`, en: `${kindLabel(kind).en}: started in the year` }, ofKind.filter((c) => inYear(c.createdAt)).map((c) => c.id)),
      byOutcome: [...outcomes.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([path, cs]) => {
          const s = yearEnd.get(cs[0].id)!;
          return {
            state: path,
            stage: s.stage,
            stageLabel: s.stageLabel,
            ended: isFinal(cs[0], s.leaves[0] ?? path),
            ...figure(`cases.${kind}.state.${path}`, s.label, cs.map((c) => c.id)),
          };
        }),
    };
  });

  // ---- legality-review coverage
  const submitted = (c: ReportCase) => has(c, 'SUBMIT_FOR_LEGALITY_REVIEW');
  const reviewed = (c: ReportCase) => has(c, 'ISSUE_REVIEW_OPINION');
  const endedUnreviewed = (c: ReportCase) => !submitted(c) && isFinal(c, yearEnd.get(c.id)!.leaves[0] ?? '');
  const requiring = handled.filter((c) => !endedUnreviewed(c));
  const reviewOf = (list: ReportCase[], prefix: string, label: Label) => {
    const req = figure(`${prefix}.requiring`, { zh: `${label.zh}应审查`, en: `${label.en} requiring review` }, list.map((c) => c.id));
    const rev = figure(`${prefix}.reviewed`, { zh: `${label.zh}已审查`, en: `${label.en} reviewed` }, list.filter(reviewed).map((c) => c.id));
    return { requiring: req, reviewed: rev, coverage: rate(rev.value, req.value) };
  };
  const opinionOutcomes = new Map<string, string[]>();
  for (const r of input.records) {
    if (r.type !== 'ISSUE_REVIEW_OPINION' || !inYear(r.at) || !cases.some((c) => c.id === r.caseId)) continue;
    const outcome = String((r.payload as { outcome?: unknown } | null)?.outcome ?? 'UNKNOWN');
    opinionOutcomes.set(outcome, [...(opinionOutcomes.get(outcome) ?? []), r.caseId]);
  }
  const OUTCOME_LABELS: Record<string, Label> = {
    LEGAL: { zh: '合法', en: 'Legal' },
    LEGAL_WITH_REVISIONS: { zh: '修改后合法', en: 'Legal with revisions' },
    ILLEGAL: { zh: '不合法', en: 'Illegal' },
    EXPLORATORY_RISK_DISCLOSED: { zh: '探索性改革（已提示风险）', en: 'Exploratory, risk disclosed' },
  };
  const legalityReview = {
    ...reviewOf(requiring, 'review', { zh: '', en: 'Matters' }),
    underReview: figure('review.underReview', { zh: '已送审、年底尚未出具意见', en: 'Submitted, no opinion by year end' }, requiring.filter((c) => submitted(c) && !reviewed(c)).map((c) => c.id)),
    notYetSubmitted: figure('review.notYetSubmitted', { zh: '年底尚未送审', en: 'Not yet submitted by year end' }, requiring.filter((c) => !submitted(c)).map((c) => c.id)),
    byType: REVIEW_KINDS.map((kind) => ({ kind, label: kindLabel(kind), ...reviewOf(requiring.filter((c) => c.kind === kind), `review.${kind}`, kindLabel(kind)) })),
    opinionsIssued: [...opinionOutcomes.entries()].sort().map(([outcome, ids]) => ({
      outcome,
      // one case may get several opinions (new rounds): the count is of opinions, the ids of cases
      opinions: ids.length,
      ...figure(`review.opinions.${outcome}`, OUTCOME_LABELS[outcome] ?? { zh: outcome, en: outcome }, ids),
    })),
  };

  // ---- deadlines and filings
  const caseIds = new Set(cases.map((c) => c.id));
  // on-time figures are about duties: a deadline nobody must act on (normative-document v2's validity end) is left out
  const duty = (d: ReportDeadline) => !d.responsible || d.responsible.length > 0;
  const closed = input.deadlines.filter((d) => duty(d) && caseIds.has(d.caseId) && (d.status === 'met' || d.status === 'missed') && inYear(d.closedAt));
  // still running at year end although its last day was in the year or before: overdue at year end
  const lastDay = `${year}-12-31`;
  const openOverdue = input.deadlines.filter(
    (d) => duty(d) && caseIds.has(d.caseId) && d.type === 'due' && d.openedAt < end && (!d.closedAt || d.closedAt >= end) && !!d.dueDate && d.dueDate <= lastDay && d.status !== 'calendar-missing',
  );
  const counted = [...closed, ...openOverdue];
  const isOpenOverdue = new Set(openOverdue);
  const groups = new Map<string, ReportDeadline[]>();
  for (const d of counted) groups.set(`${d.workflowKind}.${d.key}`, [...(groups.get(`${d.workflowKind}.${d.key}`) ?? []), d]);
  const deadlineFigure = (prefix: string, label: Label, rows: ReportDeadline[]) => {
    const ended = rows.filter((d) => !isOpenOverdue.has(d));
    const overdueRows = rows.filter((d) => isOpenOverdue.has(d));
    const met = figure(`${prefix}.met`, { zh: `${label.zh}：按期`, en: `${label.en}: on time` }, ended.filter((d) => d.status === 'met').map((d) => d.caseId));
    const missed = figure(`${prefix}.missed`, { zh: `${label.zh}：逾期`, en: `${label.en}: late` }, ended.filter((d) => d.status === 'missed').map((d) => d.caseId));
    const openOverdueFigure = figure(
      `${prefix}.openOverdue`,
      { zh: `${label.zh}：年底已逾期仍未办结`, en: `${label.en}: still open and overdue at year end` },
      overdueRows.map((d) => d.caseId),
    );
    const metRows = ended.filter((d) => d.status === 'met').length;
    return {
      /** closed in the year (met + missed) */
      deadlines: ended.length,
      metCount: metRows,
      missedCount: ended.length - metRows,
      openOverdueCount: overdueRows.length,
      met,
      missed,
      openOverdue: openOverdueFigure,
      /** met ÷ (met + missed + open and overdue at year end) */
      onTimeRate: rate(metRows, rows.length),
    };
  };
  const deadlines = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, rows]) => ({
      kind: rows[0].workflowKind,
      kindLabel: kindLabel(rows[0].workflowKind),
      key: rows[0].key,
      label: { zh: rows[0].labelZh, en: rows[0].labelEn },
      ...deadlineFigure(`deadlines.${k}`, { zh: `${kindLabel(rows[0].workflowKind).zh}·${rows[0].labelZh}`, en: `${kindLabel(rows[0].workflowKind).en}: ${rows[0].labelEn}` }, rows),
    }));
  const filings = deadlineFigure('filings', { zh: '报送备案', en: 'Filings' }, counted.filter((d) => /filing/i.test(d.key)));

  // ---- documents
  const docs = Object.entries(DOCUMENT_KINDS).map(([kind, issueEvent]) => {
    const at = (c: ReportCase) => yearEnd.get(c.id)!.path;
    const standing = (c: ReportCase) => standingOfRecords(byCase.get(c.id) ?? [], issueEvent);
    const notADocument = (c: ReportCase) => (NOT_A_DOCUMENT[kind] ?? []).includes(at(c));
    const ofKind = cases.filter((c) => c.kind === kind);
    const issuedAll = ofKind.filter((c) => has(c, issueEvent));
    const issued = issuedAll.filter((c) => !notADocument(c));
    const label = kindLabel(kind);
    return {
      kind,
      label,
      issuedInYear: figure(`documents.${kind}.issued`, { zh: `${label.zh}：年内制发`, en: `${label.en}: issued in the year` }, issued.filter((c) => has(c, issueEvent, inYear)).map((c) => c.id)),
      issuedNotADocument: figure(
        `documents.${kind}.issuedNotADocument`,
        { zh: `${label.zh}：年内印发、经审查不属于规范性文件`, en: `${label.en}: issued in the year, found not to be a normative document` },
        issuedAll.filter((c) => notADocument(c) && has(c, issueEvent, inYear)).map((c) => c.id),
      ),
      // 现行有效 as cleanup campaigns read it (workflows/common/in-force.ts): published, not ended, validity not passed
      inForce: figure(`documents.${kind}.inForce`, { zh: `${label.zh}：年底现行有效`, en: `${label.en}: in force at year end` }, issued.filter((c) => inForceOn(standing(c), lastDay)).map((c) => c.id)),
      // expired: moved to `expired`, or its validity ended by year end (the case not yet moved)
      expired: figure(
        `documents.${kind}.expired`,
        { zh: `${label.zh}：已失效`, en: `${label.en}: expired` },
        ofKind.filter((c) => at(c) === 'expired' || (issued.includes(c) && !ENDED_STATES.includes(at(c)) && !inForceOn(standing(c), lastDay))).map((c) => c.id),
      ),
      repealed: figure(`documents.${kind}.repealed`, { zh: `${label.zh}：已废止`, en: `${label.en}: repealed` }, ofKind.filter((c) => at(c) === 'repealed').map((c) => c.id)),
    };
  });
  const documents = {
    byType: docs,
    inForce: figure('documents.inForce', { zh: '年底现行有效的规范性文件', en: 'Documents in force at year end' }, docs.flatMap((d) => d.inForce.caseIds)),
    /** issued in the year, but not a normative document (an upheld filing exemption): counted apart */
    issuedNotADocument: figure(
      'documents.issuedNotADocument',
      { zh: '年内印发、经审查不属于规范性文件的文件', en: 'Issued in the year, found not to be normative documents' },
      docs.flatMap((d) => d.issuedNotADocument.caseIds),
    ),
    expired: figure('documents.expired', { zh: '已失效的规范性文件', en: 'Expired documents' }, docs.flatMap((d) => d.expired.caseIds)),
    repealed: figure('documents.repealed', { zh: '已废止的规范性文件', en: 'Repealed documents' }, docs.flatMap((d) => d.repealed.caseIds)),
  };

  // ---- the year's catalog
  let catalog = null;
  if (input.catalog) {
    const ctx = input.catalog.context;
    const pub = decisionCatalog.lastPublication(ctx);
    const items = (pub?.items ?? []).map((i) => {
      const caseId = ctx.items.find((x) => x.no === i.no)?.caseId ?? null;
      const c = caseId ? cases.find((x) => x.id === caseId) : undefined;
      const status = !caseId ? 'notStarted' : c && has(c, 'PUBLISH_DECISION') ? 'completed' : 'inProgress';
      return { no: i.no, name: i.name, undertakingUnit: i.undertakingUnit, caseId, status, stateAtYearEnd: c ? yearEnd.get(c.id)?.label ?? null : null };
    });
    const ids = (s?: string) => items.filter((i) => i.caseId && (!s || i.status === s)).map((i) => i.caseId!);
    catalog = {
      catalogCaseId: input.catalog.caseId,
      title: ctx.title,
      published: pub ? { publishedAt: pub.publishedAt, publication: pub.n, contentVersion: pub.contentVersion, documentNumber: pub.documentNumber } : null,
      consent: pub ? ctx.consents.find((c) => c.contentVersion === pub.contentVersion) ?? null : null,
      itemCount: items.length,
      items,
      linked: figure('catalog.linked', { zh: '目录事项已启动决策程序', en: 'Catalog items with a decision case' }, ids()),
      completed: figure('catalog.completed', { zh: '目录事项已完成决策（已公布决策）', en: 'Catalog items decided (decision published)' }, ids('completed')),
      inProgress: figure('catalog.inProgress', { zh: '目录事项正在推进', en: 'Catalog items in progress' }, ids('inProgress')),
      notStarted: items.filter((i) => i.status === 'notStarted').length,
      /** changes made in the year to the catalog after it was first published (调整) */
      adjustmentsInYear: ctx.changes.filter((c) => inYear(c.at) && ctx.publications.length > 0 && c.contentVersion > ctx.publications[0].contentVersion).length,
    };
  }

  const total = figure('cases', { zh: '全年办理各类事项', en: 'Matters handled in the year' }, handled.map((c) => c.id));
  return {
    report: {
      year,
      period: { from: `${year}-01-01`, to: `${year}-12-31`, timeZone: 'Asia/Shanghai' },
      generatedAt: input.generatedAt,
      cases: { total, byType },
      legalityReview,
      deadlines,
      filings,
      documents,
      catalog,
    },
    figures,
    yearEnd,
  };
}

export type AnnualReport = ReturnType<typeof annualReport>['report'];
