/**
 * The enforcement-decision workflow, version 1: the machine plus labels (zh-CN / English) and
 * stage of every state, roles per event, rules, payload classes and the review deadline.
 */
import type { LegalDateDeclaration } from '@app/engine';
import type { DeadlineDeclaration, EventMeta, Label, RuleDefinition, StateMeta, WorkflowDefinition } from '@app/engine';
import { eventEntry as ev, type EventEntry, stateMeta as state, withRules } from '../../common/definition-helpers';
import { legalityReviewDeadline, legalityReviewEvents, legalityReviewStateMeta } from '../../common/legality-review/legality-review.meta';
import {
  ENFORCEMENT_DECISION_EVENT_RULES,
  type EnforcementDecisionContext,
  type EnforcementDecisionEventType,
  enforcementDecisionRules,
  enforcementDecisionV1Machine,
} from './enforcement-decision.machine';
import * as P from './enforcement-decision.payloads';
import { standing } from '../../common/standing';
import { done, last, prior, scheduled, stated, withLegalDates } from '../../common/legal-dates';
import { ENFORCEMENT_DECISION_DOSSIER } from './enforcement-decision.dossier';

export const ENFORCEMENT_DECISION_STAGES: Record<string, Label> = {
  investigation: { zh: '调查取证和拟定决定', en: 'Investigation and proposed decision' },
  legalityReview: { zh: '法制审核', en: 'Legal review' },
  decision: { zh: '作出决定', en: 'Decision' },
  ended: { zh: '终结', en: 'Ended' },
};

export const ENFORCEMENT_DECISION_STATES: Record<string, StateMeta> = {
  investigation: state('investigation', '调查取证、拟定处理意见', 'Investigating and proposing the decision'),
  ...legalityReviewStateMeta({
    review: { zh: '法制审核', en: 'Legal review' },
    awaitingSubmission: { zh: '待送请法制审核', en: 'Awaiting submission for legal review' },
    underReview: '审核中',
    revisionsRequired: '待按审核意见修改',
  }),
  decision: state('decision', '待作出决定', 'Awaiting the decision'),
  decided: state('ended', '已作出决定', 'Decided'),
  withdrawn: state('ended', '已撤销案件', 'Case withdrawn'),
};

export const ENFORCEMENT_DECISION_PARAMS = {
  // SPEC §3.4: township review maxima are UNCONFIRMED; the same 15 working days as the other types
  reviewMaxWorkdays: { key: 'enforcement.legalReview.maxWorkdays', default: 15, article: 'SPEC §3.4' },
} as const;


const EVENTS: Record<EnforcementDecisionEventType, EventEntry> = {
  SUBMIT_DRAFT: ev('提交拟作出的执法决定', 'Submit the proposed decision', ['department-head'], P.SubmitDraftPayload),
  ...legalityReviewEvents({
    submit: { label: { zh: '送请法制审核', en: 'Submit for legal review' } },
    // APL Art. 58 ¶2: the reviewer's qualification as an administrator recorded it (policy E1)
    opinion: { label: { zh: '出具法制审核意见', en: 'Issue the legal review opinion' }, payload: P.IssueReviewOpinionPayload, facts: { reviewer: { kind: 'actor' } } },
    confirm: { label: { zh: '确认已按审核意见修改', en: 'Confirm the revisions' }, payload: P.ConfirmRevisionsPayload },
  }),
  RECORD_DECISION: ev('作出执法决定', 'Record the decision', ['town-head'], P.RecordDecisionPayload),
  RETURN_FOR_REVISION: ev('退回重新拟定', 'Send back for revision', ['town-head'], P.ReturnForRevisionPayload),
  WITHDRAW: standing(ev('撤销案件', 'Withdraw the case', ['town-head'], P.WithdrawPayload)),
};

/** Issue 9 §9: the legal dates each event states, checked by the runtime (docs/legal-dates.md). */
export const ENFORCEMENT_DECISION_LEGAL_DATES: Partial<Record<EnforcementDecisionEventType, LegalDateDeclaration[]>> = {
  RECORD_DECISION: [done('decidedOn', '执法决定作出日', 'Decision', { article: 'APL Art. 57' })],
};

export const ENFORCEMENT_DECISION_EVENTS: Record<EnforcementDecisionEventType, EventMeta> = withLegalDates(
  withRules(EVENTS, ENFORCEMENT_DECISION_EVENT_RULES),
  ENFORCEMENT_DECISION_LEGAL_DATES,
);

export const ENFORCEMENT_DECISION_DEADLINES: DeadlineDeclaration<EnforcementDecisionContext>[] = [
  legalityReviewDeadline({
    key: 'legalReviewOpinion',
    label: { zh: '出具法制审核意见', en: 'Legal review opinion' },
    length: ENFORCEMENT_DECISION_PARAMS.reviewMaxWorkdays,
    reminders: [3, 0],
    article: 'APL Art. 58',
  }),
];

export const enforcementDecisionV1: WorkflowDefinition<EnforcementDecisionContext> = {
  kind: 'enforcement-decision',
  version: 1,
  label: { zh: '重大行政执法决定', en: 'Major administrative enforcement decision' },
  machine: enforcementDecisionV1Machine,
  states: ENFORCEMENT_DECISION_STATES,
  stages: ENFORCEMENT_DECISION_STAGES,
  dossier: ENFORCEMENT_DECISION_DOSSIER,
  create: {
    type: 'CREATE_CASE',
    label: { zh: '登记重大执法案件', en: 'Register a major enforcement case' },
    roles: ['department-head'],
    payload: P.CreateEnforcementDecisionPayload,
  },
  events: ENFORCEMENT_DECISION_EVENTS,
  rules: enforcementDecisionRules as Record<string, RuleDefinition<EnforcementDecisionContext>>,
  orgUnits: () => [],
  visibleToReviewers: (ctx) => ctx.legalityReview.submissions.length > 0,
  deadlines: ENFORCEMENT_DECISION_DEADLINES,
};
