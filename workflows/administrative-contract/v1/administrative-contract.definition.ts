/**
 * The administrative-contract workflow, version 1: the machine plus labels (zh-CN / English) and
 * stage of every state, roles per event, rules, payload classes and deadlines.
 */
import type { LegalDateDeclaration } from '@app/engine';
import type { DeadlineDeclaration, EventMeta, Label, RuleDefinition, StateMeta, WorkflowDefinition } from '@app/engine';
import { eventEntry as ev, type EventEntry, stateMeta as state, withRules } from '../../common/definition-helpers';
import { legalityReviewDeadline, legalityReviewEvents, legalityReviewStateMeta } from '../../common/legality-review/legality-review.meta';
import { collectiveDecisionEvents, collectiveDecisionStateMeta } from '../../common/collective-decision/collective-decision.meta';
import {
  ADMINISTRATIVE_CONTRACT_EVENT_RULES,
  type AdministrativeContractContext,
  type AdministrativeContractEventType,
  administrativeContractRules,
  administrativeContractV1Machine,
} from './administrative-contract.machine';
import * as P from './administrative-contract.payloads';
import { standing } from '../../common/standing';
import { done, last, prior, scheduled, stated, withLegalDates } from '../../common/legal-dates';
import { ADMINISTRATIVE_CONTRACT_DOSSIER } from './administrative-contract.dossier';

export const ADMINISTRATIVE_CONTRACT_STAGES: Record<string, Label> = {
  dueDiligence: { zh: '签约前尽职调查', en: 'Due diligence' },
  drafting: { zh: '合同起草', en: 'Drafting' },
  legalityReview: { zh: '合法性审查', en: 'Legality review' },
  collectiveDecision: { zh: '集体讨论决定', en: 'Collective decision' },
  signing: { zh: '签订', en: 'Signing' },
  registration: { zh: '平台录入', en: 'Platform registration' },
  filing: { zh: '备案', en: 'Filing' },
  performance: { zh: '履行', en: 'Performance' },
  ended: { zh: '终结', en: 'Ended' },
};

export const ADMINISTRATIVE_CONTRACT_STATES: Record<string, StateMeta> = {
  dueDiligence: state('dueDiligence', '签约前尽职调查', 'Due diligence on the counterparty'),
  drafting: state('drafting', '合同起草', 'Drafting the contract'),
  ...legalityReviewStateMeta({
    review: { zh: '合法性审查', en: 'Legality review' },
    awaitingSubmission: { zh: '待送请合法性审查', en: 'Awaiting submission for review' },
    underReview: '审查中',
    revisionsRequired: '待按审查意见修改',
  }),
  ...collectiveDecisionStateMeta('collectiveDecision', { zh: '集体讨论决定（重大合同）', en: 'Collective decision (major contract)' }),
  signing: state('signing', '待签订', 'Awaiting signature'),
  registration: state('registration', '待录入合同管理平台', 'Awaiting entry on the contract platform'),
  filing: state('filing', '待备案', 'Filing due'),
  performance: state('performance', '履行中', 'Being performed'),
  closed: state('ended', '已履行完毕或终止', 'Closed (performed or terminated)'),
  rejected: state('collectiveDecision', '集体讨论未通过', 'Rejected by the collective decision'),
  withdrawn: state('ended', '已撤回', 'Withdrawn'),
};

/** SPEC §6: Cixi's review and filing periods are UNCONFIRMED; 5 working days is the spec's illustration. */
export const ADMINISTRATIVE_CONTRACT_PARAMS = {
  reviewMaxWorkdays: { key: 'contract.legalityReview.maxWorkdays', default: 5, article: 'SPEC §6 (illustrative, UNCONFIRMED)' },
  filingWorkdays: { key: 'contract.filing.workdays', default: 5, article: 'SPEC §6 (illustrative, UNCONFIRMED)' },
} as const;


const EVENTS: Record<AdministrativeContractEventType, EventEntry> = {
  RECORD_DUE_DILIGENCE: ev('记录对方当事人尽职调查', 'Record the due diligence', ['department-head'], P.RecordDueDiligencePayload),
  SUBMIT_DRAFT: ev('提交合同文本', 'Submit the contract text', ['department-head'], P.SubmitDraftPayload),
  ...legalityReviewEvents({
    submit: { label: { zh: '送请合法性审查', en: 'Submit for legality review' } },
    opinion: { label: { zh: '出具合法性审查意见', en: 'Issue the review opinion' }, payload: P.IssueReviewOpinionPayload },
    confirm: { label: { zh: '确认已按审查意见修改', en: 'Confirm the revisions' }, payload: P.ConfirmRevisionsPayload },
  }),
  ...collectiveDecisionEvents({
    schedule: { label: { zh: '安排集体讨论会议', en: 'Schedule the meeting' } },
    record: { label: { zh: '记录集体讨论决定情况', en: 'Record the meeting' }, payload: P.RecordMeetingPayload },
  }),
  SIGN_CONTRACT: ev('签订合同', 'Sign the contract', ['town-head'], P.SignContractPayload),
  REGISTER_ON_PLATFORM: ev('录入合同管理平台', 'Enter on the contract platform', ['department-head'], P.RegisterOnPlatformPayload),
  RECORD_FILING: ev('记录合同备案', 'Record the filing', ['department-head'], P.RecordFilingPayload),
  REPORT_PERFORMANCE: ev('报告履行情况', 'Report on performance', ['department-head'], P.ReportPerformancePayload),
  PROPOSE_CHANGE: standing(ev('提出合同变更', 'Propose a change', ['department-head'], P.ProposeChangePayload)),
  CLOSE_CONTRACT: ev('合同履行完毕或终止', 'Close the contract', ['department-head'], P.CloseContractPayload),
  WITHDRAW: standing(ev('撤回', 'Withdraw', ['town-head'], P.WithdrawPayload)),
};

type ACtx = AdministrativeContractContext;
const signed = prior<ACtx>('合同签订日', 'signing', (c) => last(c.signings)?.signedOn, '浙政办发〔2013〕37号');

/** Issue 9 §9: the legal dates each event states, checked by the runtime (docs/legal-dates.md). */
export const ADMINISTRATIVE_CONTRACT_LEGAL_DATES: Partial<Record<AdministrativeContractEventType, LegalDateDeclaration[]>> = {
  SIGN_CONTRACT: [done<ACtx>('signedOn', '合同签订日', 'Signing', { article: '浙政办发〔2013〕37号' })],
  RECORD_FILING: [done<ACtx>('filedOn', '合同备案日', 'Filing', { notBefore: [signed], article: '浙政办发〔2013〕37号' })],
  CLOSE_CONTRACT: [done<ACtx>('closedOn', '合同履行完毕或终止日', 'Close of the contract', { notBefore: [signed], article: '浙政办发〔2013〕37号' })],
};

export const ADMINISTRATIVE_CONTRACT_EVENTS: Record<AdministrativeContractEventType, EventMeta> = withLegalDates(
  withRules(EVENTS, ADMINISTRATIVE_CONTRACT_EVENT_RULES),
  ADMINISTRATIVE_CONTRACT_LEGAL_DATES,
);

export const ADMINISTRATIVE_CONTRACT_DEADLINES: DeadlineDeclaration<AdministrativeContractContext>[] = [
  legalityReviewDeadline({
    key: 'legalityReviewOpinion',
    label: { zh: '出具合同合法性审查意见', en: 'Contract review opinion' },
    length: ADMINISTRATIVE_CONTRACT_PARAMS.reviewMaxWorkdays,
    reminders: [2, 0],
    article: '浙政办发〔2013〕37号',
  }),
  {
    // counted from the signing (entering registration): enter on the platform and file
    key: 'contractFiling',
    label: { zh: '合同录入平台并备案', en: 'Enter and file the signed contract' },
    states: ['registration', 'filing'],
    type: 'due',
    unit: 'workdays',
    length: ADMINISTRATIVE_CONTRACT_PARAMS.filingWorkdays,
    responsible: ['department-head'],
    supervisor: ['town-head'],
    reminders: [2, 0],
    escalate: true,
    // issue 9 §8: the day of filing decides met / missed, not the day it was recorded
    metBy: { payload: 'filedOn' },
    article: '浙政办发〔2013〕37号',
  },
];

export const administrativeContractV1: WorkflowDefinition<AdministrativeContractContext> = {
  kind: 'administrative-contract',
  version: 1,
  label: { zh: '行政机关合同', en: 'Administrative-organ contract' },
  machine: administrativeContractV1Machine,
  states: ADMINISTRATIVE_CONTRACT_STATES,
  stages: ADMINISTRATIVE_CONTRACT_STAGES,
  dossier: ADMINISTRATIVE_CONTRACT_DOSSIER,
  create: {
    type: 'CREATE_CASE',
    label: { zh: '提出拟签订合同', en: 'Propose a contract' },
    roles: ['department-head'],
    payload: P.CreateAdministrativeContractPayload,
  },
  events: ADMINISTRATIVE_CONTRACT_EVENTS,
  rules: administrativeContractRules as Record<string, RuleDefinition<AdministrativeContractContext>>,
  orgUnits: () => [],
  visibleToReviewers: (ctx) => ctx.legalityReview.submissions.length > 0,
  deadlines: ADMINISTRATIVE_CONTRACT_DEADLINES,
};
