/**
 * The major-decision workflow, version 1: the machine plus what Docket needs around it — labels
 * (zh-CN / English) and stage of every state, who may send each event, the rules checked (in
 * order), the facts the runtime computes and the payload classes the API validates.
 */
import type { LegalDateDeclaration } from '@app/engine';
import type { DeadlineDeclaration, EventMeta, FactDeclaration, Label, RuleDefinition, StateMeta, WorkflowDefinition } from '@app/engine';
import { eventEntry as ev, type EventEntry, stateMeta as state, withRules } from '../../common/definition-helpers';
import { legalityReviewDeadline, legalityReviewEvents, legalityReviewStateMeta } from '../../common/legality-review/legality-review.meta';
import { collectiveDecisionEvents, collectiveDecisionStateMeta } from '../../common/collective-decision/collective-decision.meta';
import {
  currentParticipation,
  effectiveClosesAt,
  MAJOR_DECISION_EVENT_RULES,
  type MajorDecisionContext,
  type MajorDecisionEventType,
  majorDecisionRules,
  majorDecisionV1Machine,
} from './major-decision.machine';
import { MAJOR_DECISION_DOSSIER } from './major-decision.dossier';
import * as P from './major-decision.payloads';
import { standing } from '../../common/standing';
import { done, last, prior, scheduled, stated, withLegalDates } from '../../common/legal-dates';

/** Decree 713 stages in pipeline order (ids used by `StateMeta.stage`). */
export const MAJOR_DECISION_STAGES: Record<string, Label> = {
  initiation: { zh: '决策启动', en: 'Initiation' },
  drafting: { zh: '拟订决策草案', en: 'Drafting' },
  publicParticipation: { zh: '公众参与', en: 'Public participation' },
  expertReview: { zh: '专家论证', en: 'Expert argumentation' },
  riskAssessment: { zh: '风险评估', en: 'Risk assessment' },
  legalityReview: { zh: '合法性审查', en: 'Legality review' },
  collectiveDecision: { zh: '集体讨论决定', en: 'Collective decision' },
  partyCommitteeReport: { zh: '向党委请示报告', en: 'Report to the party committee' },
  publication: { zh: '决策公布', en: 'Publication' },
  implementation: { zh: '决策执行', en: 'Implementation' },
  archiving: { zh: '办结归档', en: 'Closing and archiving' },
  terminated: { zh: '程序终止', en: 'Terminated' },
};

/** Every state path, compound and leaf. */
export const MAJOR_DECISION_STATES: Record<string, StateMeta> = {
  initiation: state('initiation', '决策启动（待决定是否启动）', 'Initiation (awaiting the start decision)'),
  notStarted: state('initiation', '决定不予启动', 'Not started'),
  drafting: state('drafting', '拟订决策草案', 'Drafting'),
  publicParticipation: state('publicParticipation', '公众参与', 'Public participation'),
  'publicParticipation.preparing': state('publicParticipation', '准备公开征求意见', 'Preparing the public comment'),
  'publicParticipation.commentOpen': state('publicParticipation', '公开征求意见中', 'Comment period open'),
  'publicParticipation.commentClosed': state('publicParticipation', '征求意见已结束（待报送采纳情况）', 'Comment period closed (adoption summary due)'),
  expertReview: state('expertReview', '专家论证', 'Expert argumentation'),
  riskAssessment: state('riskAssessment', '风险评估', 'Risk assessment'),
  ...legalityReviewStateMeta({
    review: { zh: '合法性审查', en: 'Legality review' },
    awaitingSubmission: { zh: '待送请合法性审查', en: 'Awaiting submission for review' },
    underReview: '审查中',
    revisionsRequired: '待按审查意见修改',
  }),
  ...collectiveDecisionStateMeta('collectiveDecision', { zh: '集体讨论决定', en: 'Collective decision' }),
  partyCommitteeReport: state('partyCommitteeReport', '待向党委请示报告', 'Report to the party committee'),
  publication: state('publication', '待公布决策', 'Awaiting publication'),
  implementation: state('implementation', '决策执行', 'Implementation'),
  'implementation.inProgress': state('implementation', '执行中', 'Being implemented'),
  'implementation.suspended': state('implementation', '中止执行', 'Suspended'),
  closed: state('archiving', '已办结（待归档）', 'Closed (awaiting archiving)'),
  archived: state('archiving', '已归档', 'Archived'),
  rejected: state('collectiveDecision', '决策未通过', 'Rejected by the decision body'),
  withdrawn: state('terminated', '已撤回', 'Withdrawn'),
};

/** Values the runtime computes with the business calendar (SPEC §8) and passes in `event.facts`. */
export const MAJOR_DECISION_FACTS = {
  minCompletionDate: {
    kind: 'workdaysAfter',
    from: 'today',
    days: { key: 'decision.legalityReview.minWorkdays', default: 7, article: 'R713 Art. 26' },
  },
  minClosesAt: {
    kind: 'calendarDaysAfter',
    from: { payload: 'opensAt' },
    days: { key: 'decision.publicComment.minDays', default: 30, article: 'R713 Art. 15' },
    rollToWorkday: true,
  },
  earliestHearingDate: {
    kind: 'calendarDaysAfter',
    from: { payload: 'materialsServedAt' },
    days: { key: 'decision.hearing.materialsNoticeDays', default: 7, article: 'R713 Art. 16' },
    // "7日前送达": a period counted back from the hearing, so no roll to a working day
    rollToWorkday: false,
  },
} satisfies Record<string, FactDeclaration>;


const EVENTS: Record<MajorDecisionEventType, EventEntry> = {
  DECIDE_TO_START: ev('决定启动决策程序', 'Decide to start', ['town-head'], P.DecideToStartPayload),
  DECLINE_TO_START: ev('决定不予启动', 'Decline to start', ['town-head'], P.DeclineToStartPayload),
  SUBMIT_DRAFT: ev('提交决策草案', 'Submit the draft', ['department-head'], P.SubmitDraftPayload),
  PUBLISH_FOR_COMMENT: ev('公开征求意见', 'Publish for comment', ['department-head'], P.PublishForCommentPayload, {
    minClosesAt: MAJOR_DECISION_FACTS.minClosesAt,
  }),
  EXTEND_COMMENT_PERIOD: ev('延长征求意见期限', 'Extend the comment period', ['department-head'], P.ExtendCommentPeriodPayload),
  CLOSE_COMMENT_PERIOD: ev('结束征求意见', 'Close the comment period', ['department-head'], P.CloseCommentPeriodPayload),
  RECORD_HEARING: ev('记录听证会', 'Record a hearing', ['department-head'], P.RecordHearingPayload, {
    earliestHearingDate: MAJOR_DECISION_FACTS.earliestHearingDate,
  }),
  SUBMIT_PARTICIPATION_SUMMARY: ev(
    '报送公众意见研究采纳情况',
    'Submit the public-participation summary',
    ['department-head'],
    P.SubmitParticipationSummaryPayload,
  ),
  RECORD_EXPERT_OPINION: ev('记录专家论证意见', 'Record an expert opinion', ['department-head'], P.RecordExpertOpinionPayload),
  SUBMIT_EXPERT_SUMMARY: ev('报送专家论证意见采纳情况', 'Submit the expert-opinion summary', ['department-head'], P.SubmitExpertSummaryPayload),
  SUBMIT_RISK_REPORT: ev('报送风险评估报告', 'Submit the risk assessment report', ['department-head'], P.SubmitRiskReportPayload),
  ...legalityReviewEvents({
    submit: { label: { zh: '送请合法性审查', en: 'Submit for legality review' }, facts: { minCompletionDate: MAJOR_DECISION_FACTS.minCompletionDate } },
    opinion: { label: { zh: '出具合法性审查意见', en: 'Issue the review opinion' }, payload: P.IssueReviewOpinionPayload },
    confirm: { label: { zh: '确认已按审查意见修改', en: 'Confirm the revisions' }, payload: P.ConfirmRevisionsPayload },
  }),
  ...collectiveDecisionEvents({
    schedule: { label: { zh: '安排集体讨论会议', en: 'Schedule the meeting' } },
    record: { label: { zh: '记录集体讨论决定情况', en: 'Record the meeting' }, payload: P.RecordMeetingPayload },
  }),
  RECORD_PARTY_COMMITTEE_REPORT: ev(
    '记录向党委请示报告情况',
    'Record the party committee report',
    ['secretary'],
    P.RecordPartyCommitteeReportPayload,
  ),
  PUBLISH_DECISION: ev('公布决策', 'Publish the decision', ['secretary'], P.PublishDecisionPayload),
  REPORT_IMPLEMENTATION: ev('报告决策执行情况', 'Report on implementation', ['department-head'], P.ReportImplementationPayload),
  START_POST_EVALUATION: ev('启动决策后评估', 'Start the post-decision evaluation', ['town-head'], P.StartPostEvaluationPayload),
  SUBMIT_POST_EVALUATION: ev('报送决策后评估报告', 'Submit the post-decision evaluation', ['secretary'], P.SubmitPostEvaluationPayload),
  SUSPEND: standing(ev('中止执行', 'Suspend implementation', ['town-head'], P.SuspendPayload)),
  RESUME: ev('恢复执行', 'Resume implementation', ['town-head'], P.ResumePayload),
  PROPOSE_ADJUSTMENT: standing(ev('提出决策调整', 'Propose an adjustment', ['town-head'], P.ProposeAdjustmentPayload)),
  CLOSE_CASE: ev('办结', 'Close the case', ['town-head'], P.CloseCasePayload),
  ARCHIVE: ev('归档', 'Archive', ['secretary'], P.ArchivePayload),
  WITHDRAW: standing(ev('撤回', 'Withdraw', ['town-head'], P.WithdrawPayload)),
};

const mdDraftSubmitted = prior<MajorDecisionContext>('决策草案提交日', 'draft submission', (c) => last(c.drafts)?.at, 'R713 Art. 15');
const mdCommentOpens = prior<MajorDecisionContext>('征求意见开始日', 'opening of the comment period', (_c, p) => p?.opensAt, 'R713 Art. 15');

/** Issue 9 §9: the legal dates each event states, checked by the runtime (docs/legal-dates.md). */
export const MAJOR_DECISION_LEGAL_DATES: Partial<Record<MajorDecisionEventType, LegalDateDeclaration[]>> = {
  PUBLISH_FOR_COMMENT: [
    scheduled<MajorDecisionContext>('opensAt', '征求意见开始日', 'Opening of the comment period', { notBefore: [mdDraftSubmitted], article: 'R713 Art. 15' }),
    scheduled<MajorDecisionContext>('closesAt', '征求意见截止日', 'Close of the comment period', { notBefore: [mdDraftSubmitted, mdCommentOpens], article: 'R713 Art. 15' }),
  ],
  EXTEND_COMMENT_PERIOD: [scheduled<MajorDecisionContext>('closesAt', '延长后的征求意见截止日', 'Extended close of the comment period', { notBefore: [mdDraftSubmitted], article: 'R713 Art. 15' })],
  PUBLISH_DECISION: [done<MajorDecisionContext>('publishedAt', '决策公布日', 'Publication of the decision', { article: 'R713 Art. 32' })],
};

export const MAJOR_DECISION_EVENTS: Record<MajorDecisionEventType, EventMeta> = withLegalDates(withRules(EVENTS, MAJOR_DECISION_EVENT_RULES), MAJOR_DECISION_LEGAL_DATES);

/**
 * Statutory deadlines. The runtime opens a row when a state is entered and closes it when it is
 * left; reminders and escalations are sent from those rows.
 */
export const MAJOR_DECISION_DEADLINES: DeadlineDeclaration<MajorDecisionContext>[] = [
  {
    // The period closes no earlier than its last day (R713 Art. 15); the undertaking unit is told
    // on the day, so that it can close the comment period and summarise the views.
    key: 'commentPeriod',
    label: { zh: '公开征求意见期限届满', en: 'End of the public comment period' },
    states: ['publicParticipation.commentOpen'],
    type: 'minimum',
    unit: 'calendarDays',
    length: { key: 'decision.publicComment.minDays', default: 30, article: 'R713 Art. 15' },
    rollToWorkday: true,
    dueDate: (ctx) => effectiveClosesAt(currentParticipation(ctx)) ?? undefined,
    responsible: ['department-head'],
    supervisor: [],
    reminders: [0],
    escalate: false,
    cancelOn: ['WITHDRAW'],
    article: 'R713 Art. 15',
  },
  // The opinion is due on the completion date the department requested (never earlier than the
  // 7th working day, INV-D3); without one, after the configured maximum review time
  // (SPEC §3.4: township maxima are UNCONFIRMED, default 15 working days). Materials returned for
  // supplement: the review period runs again from the resubmission (INV-D3).
  legalityReviewDeadline({
    key: 'legalityReviewOpinion',
    label: { zh: '出具合法性审查意见', en: 'Legality review opinion' },
    length: { key: 'decision.legalityReview.maxWorkdays', default: 15, article: 'SPEC §3.4' },
    reminders: [3, 0],
    article: 'R713 Art. 26',
  }),
  {
    // R713 Art. 32 says "promptly"; the outer bound is the proactive-disclosure period of
    // 20 working days (OGI Art. 26, SPEC §9, engine policy).
    key: 'decisionPublication',
    label: { zh: '公布决策', en: 'Publish the decision' },
    states: ['publication'],
    type: 'due',
    unit: 'workdays',
    length: { key: 'ogi.proactive.workdays', default: 20, article: 'OGI Art. 26' },
    responsible: ['secretary'],
    supervisor: ['town-head'],
    reminders: [3, 0],
    escalate: true,
    // issue 9 §8: the day of publication decides met / missed, not the day it was recorded
    metBy: { payload: 'publishedAt' },
    article: 'R713 Art. 32; OGI Art. 26',
  },
];

export const majorDecisionV1: WorkflowDefinition<MajorDecisionContext> = {
  kind: 'major-decision',
  version: 1,
  label: { zh: '重大行政决策', en: 'Major administrative decision' },
  machine: majorDecisionV1Machine,
  states: MAJOR_DECISION_STATES,
  stages: MAJOR_DECISION_STAGES,
  create: {
    type: 'CREATE_CASE',
    label: { zh: '提出决策事项建议', en: 'Propose a decision matter' },
    roles: ['department-head'],
    payload: P.CreateMajorDecisionPayload,
  },
  events: MAJOR_DECISION_EVENTS,
  rules: majorDecisionRules as Record<string, RuleDefinition<MajorDecisionContext>>,
  // one case per catalog item, also across API processes: the database refuses a second (R713 Art. 3 ¶3)
  uniqueKey: (ctx) => (ctx.proposal.catalogItem ? `catalog-item:${ctx.proposal.catalogItem}` : undefined),
  orgUnits: (ctx) => (ctx.start ? [ctx.start.undertakingUnit] : []),
  visibleToReviewers: (ctx) => ctx.legalityReview.submissions.length > 0,
  dossier: MAJOR_DECISION_DOSSIER,
  deadlines: MAJOR_DECISION_DEADLINES,
};
