/**
 * The normative-document workflow, version 1: the machine plus labels (zh-CN / English) and stage
 * of every state, roles per event, rules, facts the runtime computes and payload classes, and the
 * deadlines (consultation, review, publication, each filing line, expiry evaluation).
 */
import type { LegalDateDeclaration } from '@app/engine';
import type { DeadlineDeclaration, EventMeta, FactDeclaration, Label, RuleDefinition, StateMeta, WorkflowDefinition } from '@app/engine';
import { eventEntry as ev, type EventEntry, stateMeta as state, withRules } from '../../common/definition-helpers';
import { legalityReviewDeadline, legalityReviewEvents, legalityReviewStateMeta, submissionOfRound } from '../../common/legality-review/legality-review.meta';
import { collectiveDecisionEvents, collectiveDecisionStateMeta } from '../../common/collective-decision/collective-decision.meta';
import {
  currentConsultation,
  effectiveClosesAt,
  filingDueDate,
  NORMATIVE_DOCUMENT_EVENT_RULES,
  type NormativeDocumentContext,
  type NormativeDocumentEventType,
  normativeDocumentRules,
  normativeDocumentV1Machine,
} from './normative-document.machine';
import * as P from './normative-document.payloads';
import { standing } from '../../common/standing';
import { done, last, prior, scheduled, stated, withLegalDates } from '../../common/legal-dates';
import { NORMATIVE_DOCUMENT_DOSSIER } from './normative-document.dossier';

export const NORMATIVE_DOCUMENT_STAGES: Record<string, Label> = {
  drafting: { zh: '起草和评估论证', en: 'Drafting and assessment' },
  publicConsultation: { zh: '公开征求意见', en: 'Public consultation' },
  fairCompetitionReview: { zh: '公平竞争审查', en: 'Fair-competition review' },
  legalityReview: { zh: '合法性审核', en: 'Legality review' },
  collectiveDeliberation: { zh: '集体审议', en: 'Collective deliberation' },
  issuance: { zh: '统一登记、编号和公布', en: 'Registration, numbering and publication' },
  filing: { zh: '备案', en: 'Filing' },
  inForce: { zh: '施行', en: 'In force' },
  ended: { zh: '废止或失效', en: 'Repealed or expired' },
  terminated: { zh: '程序终止', en: 'Terminated' },
};

const filingStates = (line: string, zh: string, en: string, optional: boolean): Record<string, StateMeta> => ({
  [`filing.${line}`]: state('filing', `${zh}备案`, `${en} filing`),
  [`filing.${line}.pending`]: state('filing', `待报${zh}备案`, `${en} filing due`),
  [`filing.${line}.filed`]: state('filing', `已报${zh}备案`, `Filed (${en.toLowerCase()} line)`),
  [`filing.${line}.overdue`]: state('filing', `逾期未报${zh}备案`, `${en} filing overdue`),
  ...(optional ? { [`filing.${line}.notRequired`]: state('filing', `无需报${zh}备案`, `${en} filing not required`) } : {}),
});

export const NORMATIVE_DOCUMENT_STATES: Record<string, StateMeta> = {
  drafting: state('drafting', '起草中', 'Drafting'),
  publicConsultation: state('publicConsultation', '公开征求意见', 'Public consultation'),
  'publicConsultation.preparing': state('publicConsultation', '准备公开征求意见', 'Preparing the consultation'),
  'publicConsultation.commentOpen': state('publicConsultation', '公开征求意见中', 'Consultation open'),
  'publicConsultation.commentClosed': state('publicConsultation', '征求意见已结束（待报送采纳情况）', 'Consultation closed (summary due)'),
  fairCompetitionReview: state('fairCompetitionReview', '公平竞争审查', 'Fair-competition review'),
  ...legalityReviewStateMeta({
    review: { zh: '合法性审核', en: 'Legality review' },
    awaitingSubmission: { zh: '待送请合法性审核', en: 'Awaiting submission for review' },
    underReview: '审核中',
    revisionsRequired: '待按审核意见修改',
  }),
  ...collectiveDecisionStateMeta('collectiveDeliberation', { zh: '集体审议', en: 'Collective deliberation' }),
  registration: state('issuance', '待统一登记编号', 'Awaiting registration and number'),
  publication: state('issuance', '待公布', 'Awaiting publication'),
  filing: state('filing', '已公布（备案中）', 'Published (filing in progress)'),
  ...filingStates('government', '上级政府', 'Government', false),
  ...filingStates('peoplesCongress', '人大常委会', "People's congress", true),
  ...filingStates('townshipPresidium', '乡镇人大主席团', 'Township presidium', true),
  inForce: state('inForce', '施行中', 'In force'),
  'inForce.effective': state('inForce', '施行中（待有效期届满前评估）', 'In force (evaluation before expiry due)'),
  'inForce.evaluated': state('inForce', '施行中（已评估）', 'In force (evaluated)'),
  repealed: state('ended', '已废止', 'Repealed'),
  expired: state('ended', '已失效', 'Expired'),
  rejected: state('collectiveDeliberation', '审议未通过', 'Rejected by the deliberation'),
  withdrawn: state('terminated', '已撤回', 'Withdrawn'),
};

/** Configurable figures (SPEC §10): the keys of DOCKET_RULES and the spec's defaults. */
const PARAM = {
  consultationWorkdays: { key: 'normdoc.publicComment.minWorkdays', default: 7, article: '国办发〔2018〕37号' },
  marketConsultationDays: { key: 'normdoc.marketRelated.minDays', default: 30, article: 'OBE Art. 62' },
  reviewMinWorkdays: { key: 'normdoc.legalityReview.minWorkdays', default: 5, article: '国办发〔2018〕115号' },
  reviewMaxWorkdays: { key: 'normdoc.legalityReview.maxWorkdays', default: 15, article: '国办发〔2018〕115号' },
  // SPEC §4.2 row 9 (UNCONFIRMED for Zhejiang): at most 5 years, 暂行 / 试行 at most 2 (policy N8)
  validityYears: { key: 'normdoc.validity.years', default: 5, article: '浙江省人民政府令第372号' },
  provisionalValidityYears: { key: 'normdoc.validity.provisionalYears', default: 2, article: '浙江省人民政府令第372号' },
  // only the fallback length of the expiry-evaluation deadline, whose due date is the document's validUntil
  validityMaxDays: { key: 'normdoc.validity.maxDays', default: 1827, article: '浙江省人民政府令第372号' },
  // SPEC §4.2 row 8: UNCONFIRMED for Zhejiang; 30 days by analogy with FRR Art. 3
  governmentFilingDays: { key: 'normdoc.filing.govLine.days', default: 30, article: 'FRR Art. 3 (analogy)' },
  peoplesCongressFilingDays: { key: 'normdoc.filing.npcLine.days', default: 30, article: '浙江省各级人大常委会规范性文件备案审查规定' },
  townshipPresidiumFilingDays: { key: 'normdoc.filing.townshipPresidium.days', default: 15, article: '杭州市乡镇规范性文件备案（2025）' },
  publicationWorkdays: { key: 'ogi.proactive.workdays', default: 20, article: 'OGI Art. 26' },
  // SPEC §10: each organ cleans up its normative documents every two years (cleanup campaigns, policy N10)
  cleanupIntervalYears: { key: 'normdoc.cleanup.intervalYears', default: 2, article: '浙江省人民政府令第372号' },
} as const;

export const NORMATIVE_DOCUMENT_PARAMS = PARAM;

/**
 * The unified number (统一编号, SPEC §4.2 row 6): region code + year of registration + sequence,
 * as in ZJLC01-2020-0009 (舟山) or CLCD00-2013-0007 (鹿城). Both texts are configuration
 * (DOCKET_RULES); the sequence restarts each year because the pattern holds {year} (policy N6).
 */
export const UNIFIED_NUMBER = {
  counter: 'normdoc.unifiedNumber',
  pattern: { key: 'normdoc.unifiedNumber.pattern', default: '{region}-{year}-{seq:4}', article: '国办发〔2018〕37号' },
  region: { key: 'normdoc.unifiedNumber.region', default: 'ZJLC01', article: '国办发〔2018〕37号' },
} as const;

/** Values the runtime computes with the business calendar (SPEC §8) and passes in `event.facts`. */
export const NORMATIVE_DOCUMENT_FACTS = {
  minClosesAt: { kind: 'workdaysAfter', from: { payload: 'opensAt' }, days: PARAM.consultationWorkdays },
  minMarketClosesAt: { kind: 'calendarDaysAfter', from: { payload: 'opensAt' }, days: PARAM.marketConsultationDays, rollToWorkday: true },
  minCompletionDate: { kind: 'workdaysAfter', from: 'today', days: PARAM.reviewMinWorkdays },
  maxCompletionDate: { kind: 'workdaysAfter', from: 'today', days: PARAM.reviewMaxWorkdays },
  unifiedNumber: { kind: 'sequence', counter: UNIFIED_NUMBER.counter, pattern: UNIFIED_NUMBER.pattern, vars: { region: UNIFIED_NUMBER.region } },
  // validity caps: the last day of N years whose first day is the first day in force; no roll, they bound a stated date
  validityLastDay: { kind: 'yearsAfter', from: { payload: 'effectiveFrom' }, years: PARAM.validityYears, startDayCounted: true, rollToWorkday: false },
  provisionalValidityLastDay: {
    kind: 'yearsAfter',
    from: { payload: 'effectiveFrom' },
    years: PARAM.provisionalValidityYears,
    startDayCounted: true,
    rollToWorkday: false,
  },
  // filing periods run from publication (start day excluded, CC Art. 201; a rest day rolls, Art. 203)
  governmentFilingDue: { kind: 'calendarDaysAfter', from: { payload: 'publishedAt' }, days: PARAM.governmentFilingDays, rollToWorkday: true },
  peoplesCongressFilingDue: {
    kind: 'calendarDaysAfter',
    from: { payload: 'publishedAt' },
    days: PARAM.peoplesCongressFilingDays,
    rollToWorkday: true,
  },
  townshipPresidiumFilingDue: {
    kind: 'calendarDaysAfter',
    from: { payload: 'publishedAt' },
    days: PARAM.townshipPresidiumFilingDays,
    rollToWorkday: true,
  },
} satisfies Record<string, FactDeclaration>;

const F = NORMATIVE_DOCUMENT_FACTS;

const EVENTS: Record<NormativeDocumentEventType, EventEntry> = {
  SUBMIT_DRAFT: ev('提交文件草案', 'Submit the draft', ['department-head'], P.SubmitDraftPayload),
  PUBLISH_FOR_COMMENT: ev('公开征求意见', 'Publish for comment', ['department-head'], P.PublishForCommentPayload, {
    minClosesAt: F.minClosesAt,
    minMarketClosesAt: F.minMarketClosesAt,
  }),
  EXTEND_COMMENT_PERIOD: ev('延长征求意见期限', 'Extend the consultation', ['department-head'], P.ExtendCommentPeriodPayload),
  CLOSE_COMMENT_PERIOD: ev('结束征求意见', 'Close the consultation', ['department-head'], P.CloseCommentPeriodPayload),
  SUBMIT_PARTICIPATION_SUMMARY: ev(
    '报送征求意见采纳情况',
    'Submit the consultation summary',
    ['department-head'],
    P.SubmitParticipationSummaryPayload,
  ),
  RECORD_FAIR_COMPETITION_REVIEW: ev(
    '记录公平竞争审查结论',
    'Record the fair-competition review',
    ['department-head'],
    P.RecordFairCompetitionReviewPayload,
  ),
  ...legalityReviewEvents({
    submit: {
      label: { zh: '送请合法性审核', en: 'Submit for legality review' },
      facts: { minCompletionDate: F.minCompletionDate, maxCompletionDate: F.maxCompletionDate },
    },
    opinion: { label: { zh: '出具合法性审核意见', en: 'Issue the review opinion' }, payload: P.IssueReviewOpinionPayload },
    confirm: { label: { zh: '确认已按审核意见修改', en: 'Confirm the revisions' }, payload: P.ConfirmRevisionsPayload },
  }),
  ...collectiveDecisionEvents({
    schedule: { label: { zh: '安排集体审议会议', en: 'Schedule the meeting' } },
    record: { label: { zh: '记录集体审议情况', en: 'Record the meeting' }, payload: P.RecordMeetingPayload },
  }),
  REGISTER_DOCUMENT: ev('统一登记编号', 'Register and number', ['secretary'], P.RegisterDocumentPayload, { unifiedNumber: F.unifiedNumber }),
  PUBLISH_DOCUMENT: ev('公布文件', 'Publish the document', ['secretary'], P.PublishDocumentPayload, {
    validityLastDay: F.validityLastDay,
    provisionalValidityLastDay: F.provisionalValidityLastDay,
    governmentFilingDue: F.governmentFilingDue,
    peoplesCongressFilingDue: F.peoplesCongressFilingDue,
    townshipPresidiumFilingDue: F.townshipPresidiumFilingDue,
  }),
  RECORD_FILING: ev('记录报送备案', 'Record a filing', ['secretary'], P.RecordFilingPayload),
  RECORD_EXPIRY_EVALUATION: ev('记录有效期届满前评估', 'Record the evaluation before expiry', ['department-head'], P.RecordExpiryEvaluationPayload),
  // sent for the person who starts a cleanup campaign (POST /cleanup-campaigns), policy N10
  OPEN_CLEANUP_REVIEW: standing(ev('启动文件清理审查', 'Open a cleanup review', ['legal-reviewer', 'secretary'], P.OpenCleanupReviewPayload)),
  RECORD_CLEANUP_REVIEW: ev('记录文件清理结论', 'Record the cleanup review', ['secretary'], P.RecordCleanupReviewPayload),
  START_AMENDMENT: standing(ev('启动修改', 'Start an amendment', ['town-head'], P.StartAmendmentPayload)),
  REPEAL_DOCUMENT: standing(ev('废止文件', 'Repeal the document', ['secretary'], P.RepealDocumentPayload)),
  DECLARE_EXPIRED: ev('宣布有效期届满失效', 'Declare expired', ['secretary'], P.DeclareExpiredPayload),
  WITHDRAW: standing(ev('撤回', 'Withdraw', ['town-head'], P.WithdrawPayload)),
  // policy N13: sent by Docket itself when a filing line's deadline has passed (DeadlineDeclaration.onMissed)
  MARK_FILING_OVERDUE: ev('标记逾期未报备案', 'Mark a filing overdue', ['system'], P.MarkFilingOverduePayload),
};

type Ctx = NormativeDocumentContext;
const draftSubmitted = prior<Ctx>('文件草案提交日', 'draft submission', (c) => last(c.drafts)?.at, '国办发〔2018〕37号');
const commentOpens = prior<Ctx>('征求意见开始日', 'opening of the consultation', (_c, p) => p?.opensAt);
const registered = prior<Ctx>('统一登记编号日', 'registration', (c) => last(c.registrations)?.registeredOn ?? last(c.registrations)?.at, '国办发〔2018〕37号');
const published = prior<Ctx>('文件公布日', 'publication', (c) => last(c.publications)?.publishedAt, '国办发〔2018〕37号');

/** Issue 9 §9: the legal dates each event states, checked by the runtime (docs/legal-dates.md). */
export const NORMATIVE_DOCUMENT_LEGAL_DATES: Partial<Record<NormativeDocumentEventType, LegalDateDeclaration[]>> = {
  PUBLISH_FOR_COMMENT: [
    scheduled<Ctx>('opensAt', '征求意见开始日', 'Opening of the consultation', { notBefore: [draftSubmitted], article: '国办发〔2018〕37号' }),
    scheduled<Ctx>('closesAt', '征求意见截止日', 'Close of the consultation', { notBefore: [draftSubmitted, commentOpens], article: '国办发〔2018〕37号' }),
  ],
  EXTEND_COMMENT_PERIOD: [scheduled<Ctx>('closesAt', '延长后的征求意见截止日', 'Extended close of the consultation', { notBefore: [draftSubmitted], article: '国办发〔2018〕37号' })],
  SUBMIT_PARTICIPATION_SUMMARY: [done<Ctx>('adoptionFeedback.publishedAt', '采纳情况反馈公布日', 'Publication of the adoption feedback', { notBefore: [draftSubmitted], article: 'OBE Art. 62' })],
  RECORD_FAIR_COMPETITION_REVIEW: [done<Ctx>('reviewedOn', '公平竞争审查日', 'Fair-competition review', { notBefore: [draftSubmitted], article: 'OBE Art. 61' })],
  PUBLISH_DOCUMENT: [
    done<Ctx>('publishedAt', '文件公布日', 'Publication', { notBefore: [registered], article: '国办发〔2018〕37号' }),
    stated<Ctx>('validUntil', '有效期届满日', 'End of validity', {
      notBefore: [prior<Ctx>('施行日期', 'first day in force', (_c, p) => p?.effectiveFrom)],
      article: '浙江省人民政府令第372号',
    }),
  ],
  RECORD_FILING: [done<Ctx>('filedOn', '报送备案日', 'Filing', { notBefore: [published], article: 'FRR Art. 3' })],
  REPEAL_DOCUMENT: [done<Ctx>('publishedAt', '废止公布日', 'Publication of the repeal', { notBefore: [published], article: '国办发〔2018〕37号' })],
};

export const NORMATIVE_DOCUMENT_EVENTS: Record<NormativeDocumentEventType, EventMeta> = withLegalDates(
  withRules(EVENTS, NORMATIVE_DOCUMENT_EVENT_RULES),
  NORMATIVE_DOCUMENT_LEGAL_DATES,
);

const filingDeadline = (
  key: string,
  region: string,
  line: P.FilingLine,
  zh: string,
  en: string,
  length: (typeof PARAM)[keyof typeof PARAM],
  article: string,
): DeadlineDeclaration<NormativeDocumentContext> => ({
  key,
  label: { zh, en },
  // still running once marked overdue: it escalates until the filing is recorded (then closed as missed)
  states: [`filing.${region}.pending`, `filing.${region}.overdue`],
  type: 'due',
  unit: 'calendarDays',
  length,
  rollToWorkday: true,
  // counted from the publication day the secretary recorded (facts at PUBLISH_DOCUMENT)
  dueDate: (ctx) => filingDueDate(ctx, line),
  responsible: ['secretary'],
  supervisor: ['town-head'],
  reminders: [5, 0],
  escalate: true,
  // policy N13: the day after the due date, Docket marks the line overdue
  onMissed: { event: 'MARK_FILING_OVERDUE' },
  // issue 9 §8: the day of filing decides met / missed, not the day it was recorded
  metBy: { payload: 'filedOn' },
  article,
});

/** INV-N3: every filing line has its own deadline, opened and closed with its region. */
export const NORMATIVE_DOCUMENT_DEADLINES: DeadlineDeclaration<NormativeDocumentContext>[] = [
  {
    key: 'consultationPeriod',
    label: { zh: '公开征求意见期限届满', en: 'End of the public consultation' },
    states: ['publicConsultation.commentOpen'],
    type: 'minimum',
    unit: 'workdays',
    length: PARAM.consultationWorkdays,
    dueDate: (ctx) => effectiveClosesAt(currentConsultation(ctx)) ?? undefined,
    responsible: ['department-head'],
    supervisor: [],
    reminders: [0],
    escalate: false,
    cancelOn: ['WITHDRAW'],
    article: '国办发〔2018〕37号; OBE Art. 62',
  },
  legalityReviewDeadline<NormativeDocumentContext>({
    key: 'legalityReviewOpinion',
    label: { zh: '出具合法性审核意见', en: 'Legality review opinion' },
    length: PARAM.reviewMaxWorkdays,
    // due on the requested date, never later than the configured maximum (15 working days)
    dueDate: (ctx) => {
      const s = submissionOfRound(ctx);
      if (!s) return undefined;
      return s.maxCompletionDate && s.maxCompletionDate < s.requestedCompletionDate ? s.maxCompletionDate : s.requestedCompletionDate;
    },
    reminders: [3, 0],
    article: '国办发〔2018〕115号',
  }),
  {
    key: 'documentPublication',
    label: { zh: '登记并公布文件', en: 'Register and publish the document' },
    states: ['registration', 'publication'],
    type: 'due',
    unit: 'workdays',
    length: PARAM.publicationWorkdays,
    responsible: ['secretary'],
    supervisor: ['town-head'],
    reminders: [3, 0],
    escalate: true,
    // issue 9 §8: the day of publication decides met / missed, not the day it was recorded
    metBy: { payload: 'publishedAt' },
    article: 'OGI Art. 20, 26',
  },
  filingDeadline(
    'governmentFiling',
    'government',
    'GOVERNMENT',
    '报上级人民政府备案',
    'File with the higher government',
    PARAM.governmentFilingDays,
    'SPEC §4.2 row 8 (Zhejiang period UNCONFIRMED)',
  ),
  filingDeadline(
    'peoplesCongressFiling',
    'peoplesCongress',
    'PEOPLES_CONGRESS',
    '报人大常委会备案',
    "File with the people's congress standing committee",
    PARAM.peoplesCongressFilingDays,
    'SPEC §4.2 row 8b',
  ),
  filingDeadline(
    'townshipPresidiumFiling',
    'townshipPresidium',
    'TOWNSHIP_PRESIDIUM',
    '报乡镇人大主席团备案',
    "File with the township people's congress presidium",
    PARAM.townshipPresidiumFilingDays,
    'SPEC §4.2 row 8c',
  ),
  {
    // the evaluation is due before the validity ends (SPEC §4.2 row 10, UNCONFIRMED): reminded
    // about three months, one month and one week of working days before
    key: 'expiryEvaluation',
    label: { zh: '有效期届满前评估', en: 'Evaluation before expiry' },
    states: ['inForce.effective'],
    type: 'due',
    unit: 'calendarDays',
    length: PARAM.validityMaxDays,
    dueDate: (ctx) => ctx.inEffect?.validUntil,
    responsible: ['department-head'],
    supervisor: ['town-head'],
    reminders: [60, 20, 5, 0],
    escalate: false,
    article: '浙江省人民政府令第372号',
  },
];

export const normativeDocumentV1: WorkflowDefinition<NormativeDocumentContext> = {
  kind: 'normative-document',
  version: 1,
  label: { zh: '行政规范性文件', en: 'Administrative normative document' },
  machine: normativeDocumentV1Machine,
  states: NORMATIVE_DOCUMENT_STATES,
  stages: NORMATIVE_DOCUMENT_STAGES,
  dossier: NORMATIVE_DOCUMENT_DOSSIER,
  create: {
    type: 'CREATE_CASE',
    label: { zh: '提出制定行政规范性文件', en: 'Propose a normative document' },
    roles: ['department-head'],
    payload: P.CreateNormativeDocumentPayload,
  },
  events: NORMATIVE_DOCUMENT_EVENTS,
  rules: normativeDocumentRules as Record<string, RuleDefinition<NormativeDocumentContext>>,
  orgUnits: (ctx) => (ctx.proposal?.draftingUnit ? [ctx.proposal.draftingUnit] : []),
  visibleToReviewers: (ctx) => ctx.legalityReview.submissions.length > 0,
  deadlines: NORMATIVE_DOCUMENT_DEADLINES,
};
