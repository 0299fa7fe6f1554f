/**
 * The party-normative-document workflow, version 1: the machine plus labels (zh-CN / English) and
 * stage of every state, roles per event, rules, the filing-period fact and the deadlines.
 */
import type { LegalDateDeclaration } from '@app/engine';
import type { DeadlineDeclaration, EventMeta, FactDeclaration, Label, RuleDefinition, StateMeta, WorkflowDefinition } from '@app/engine';
import { eventEntry as ev, type EventEntry, stateMeta as state, withRules } from '../../common/definition-helpers';
import { legalityReviewDeadline, legalityReviewEvents, legalityReviewStateMeta } from '../../common/legality-review/legality-review.meta';
import {
  currentIssuance,
  PARTY_NORMATIVE_DOCUMENT_EVENT_RULES,
  type PartyNormativeDocumentContext,
  type PartyNormativeDocumentEventType,
  partyNormativeDocumentRules,
  partyNormativeDocumentV1Machine,
} from './party-normative-document.machine';
import * as P from './party-normative-document.payloads';
import { standing } from '../../common/standing';
import { done, last, prior, scheduled, stated, withLegalDates } from '../../common/legal-dates';
import { PARTY_NORMATIVE_DOCUMENT_DOSSIER } from './party-normative-document.dossier';

export const PARTY_NORMATIVE_DOCUMENT_STAGES: Record<string, Label> = {
  drafting: { zh: '起草', en: 'Drafting' },
  legalityReview: { zh: '前置审核', en: 'Pre-issuance review' },
  issuance: { zh: '印发', en: 'Issuance' },
  filing: { zh: '报送备案', en: 'Filing' },
  filingReview: { zh: '备案审查', en: 'Filing review' },
  inForce: { zh: '施行', en: 'In force' },
  ended: { zh: '终结', en: 'Ended' },
};

export const PARTY_NORMATIVE_DOCUMENT_STATES: Record<string, StateMeta> = {
  drafting: state('drafting', '起草中', 'Drafting'),
  ...legalityReviewStateMeta({
    review: { zh: '前置审核', en: 'Pre-issuance review' },
    awaitingSubmission: { zh: '待送请前置审核', en: 'Awaiting submission for pre-review' },
    underReview: '审核中',
    revisionsRequired: '待按审核意见修改',
  }),
  issuance: state('issuance', '待印发', 'Awaiting issuance'),
  filing: state('filing', '待报上级党委备案', 'Filing with the higher party committee due'),
  filingOverdue: state('filing', '逾期未报备（超过30日未报上级党委备案）', 'Filing overdue (not filed within 30 days)'),
  filingReview: state('filingReview', '已报备（待备案审查结果）', 'Filed (awaiting the filing review)'),
  inForce: state('inForce', '施行中（备案审查通过）', 'In force (filing review passed)'),
  correctionRequired: state('inForce', '备案审查要求纠正', 'Correction required by the filing review'),
  exemptFromFiling: state('ended', '已印发（不属于备案范围）', 'Issued (outside the filing scope)'),
  repealed: state('ended', '已废止', 'Repealed'),
  withdrawn: state('ended', '已撤回', 'Withdrawn'),
};

export const PARTY_NORMATIVE_DOCUMENT_PARAMS = {
  filingDays: { key: 'party.filing.days', default: 30, article: 'PFR 2012 Art. 4' },
  // SPEC §3.4: township review maxima are UNCONFIRMED; the same 15 working days as the other types
  preReviewMaxWorkdays: { key: 'party.preReview.maxWorkdays', default: 15, article: 'SPEC §3.4' },
} as const;

export const PARTY_NORMATIVE_DOCUMENT_FACTS = {
  // INV-P2: 30 calendar days from the issuance day, a rest day rolls to the next working day
  filingDue: { kind: 'calendarDaysAfter', from: { payload: 'issuedAt' }, days: PARTY_NORMATIVE_DOCUMENT_PARAMS.filingDays, rollToWorkday: true },
} satisfies Record<string, FactDeclaration>;


const EVENTS: Record<PartyNormativeDocumentEventType, EventEntry> = {
  SUBMIT_DRAFT: ev('提交文件草案', 'Submit the draft', ['department-head'], P.SubmitDraftPayload),
  ...legalityReviewEvents({
    submit: { label: { zh: '送请前置审核', en: 'Submit for pre-review' } },
    opinion: { label: { zh: '出具前置审核意见', en: 'Issue the pre-review opinion' }, payload: P.IssueReviewOpinionPayload },
    confirm: { label: { zh: '确认已按审核意见修改', en: 'Confirm the revisions' }, payload: P.ConfirmRevisionsPayload },
  }),
  ISSUE_DOCUMENT: ev('印发文件', 'Issue the document', ['secretary'], P.IssueDocumentPayload, { filingDue: PARTY_NORMATIVE_DOCUMENT_FACTS.filingDue }),
  RECORD_FILING: ev('记录报上级党委备案', 'Record the filing', ['secretary'], P.RecordFilingPayload),
  RECORD_FILING_REVIEW_RESULT: ev('记录备案审查结果', 'Record the filing review result', ['secretary'], P.RecordFilingReviewResultPayload),
  START_AMENDMENT: standing(ev('启动修改', 'Start an amendment', ['town-head'], P.StartAmendmentPayload)),
  REPEAL_DOCUMENT: standing(ev('废止文件', 'Repeal the document', ['town-head'], P.RepealDocumentPayload)),
  WITHDRAW: standing(ev('撤回', 'Withdraw', ['town-head'], P.WithdrawPayload)),
  // policy P8: sent by Docket itself when the filing deadline has passed (DeadlineDeclaration.onMissed)
  MARK_OVERDUE: ev('标记逾期未报备', 'Mark the filing overdue', ['system'], P.MarkOverduePayload),
};

type PCtx = PartyNormativeDocumentContext;
const issued = prior<PCtx>('文件发布日', 'issuance', (c) => last(c.issuances)?.issuedAt, 'PFR 2012 Art. 4');

/** Issue 9 §9: the legal dates each event states, checked by the runtime (docs/legal-dates.md). */
export const PARTY_NORMATIVE_DOCUMENT_LEGAL_DATES: Partial<Record<PartyNormativeDocumentEventType, LegalDateDeclaration[]>> = {
  ISSUE_DOCUMENT: [
    done<PCtx>('issuedAt', '文件发布日', 'Issuance', {
      notBefore: [prior<PCtx>('前置审核意见出具日', 'pre-review opinion', (c) => last(c.legalityReview.opinions)?.at, '浙江乡镇合法性审查全覆盖通知')],
      article: 'PFR 2012 Art. 4',
    }),
  ],
  RECORD_FILING: [done<PCtx>('filedOn', '报送备案日', 'Filing', { notBefore: [issued], article: 'PFR 2012 Art. 4' })],
  RECORD_FILING_REVIEW_RESULT: [
    done<PCtx>('receivedOn', '收到备案审查结果日', 'Receipt of the filing review result', {
      notBefore: [prior<PCtx>('报送备案日', 'filing', (c) => last(c.filings)?.filedOn, 'PFR 2019 Art. 11')],
      article: 'PFR 2019 Art. 11',
    }),
  ],
  REPEAL_DOCUMENT: [done<PCtx>('repealedOn', '废止日', 'Repeal', { notBefore: [issued], article: 'PFR 2012 Art. 4' })],
};

export const PARTY_NORMATIVE_DOCUMENT_EVENTS: Record<PartyNormativeDocumentEventType, EventMeta> = withLegalDates(
  withRules(EVENTS, PARTY_NORMATIVE_DOCUMENT_EVENT_RULES),
  PARTY_NORMATIVE_DOCUMENT_LEGAL_DATES,
);

export const PARTY_NORMATIVE_DOCUMENT_DEADLINES: DeadlineDeclaration<PartyNormativeDocumentContext>[] = [
  legalityReviewDeadline({
    key: 'preReviewOpinion',
    label: { zh: '出具前置审核意见', en: 'Pre-review opinion' },
    length: PARTY_NORMATIVE_DOCUMENT_PARAMS.preReviewMaxWorkdays,
    reminders: [3, 0],
    article: 'SPEC §3.4',
  }),
  {
    // INV-P2: due 30 days after issuance; reminded 5 working days before (SPEC "D-5") and on the day
    key: 'partyFiling',
    label: { zh: '报上级党委备案', en: 'File with the higher party committee' },
    // still running once marked overdue: it escalates until the filing is recorded (then closed as missed)
    states: ['filing', 'filingOverdue'],
    type: 'due',
    unit: 'calendarDays',
    length: PARTY_NORMATIVE_DOCUMENT_PARAMS.filingDays,
    rollToWorkday: true,
    dueDate: (ctx) => currentIssuance(ctx)?.filingDue ?? undefined,
    responsible: ['secretary'],
    supervisor: ['town-head'],
    reminders: [5, 0],
    escalate: true,
    // policy P8: the day after the due date, Docket marks the case overdue
    onMissed: { event: 'MARK_OVERDUE' },
    // issue 9 §8: the day of filing decides met / missed, not the day it was recorded
    metBy: { payload: 'filedOn' },
    article: 'PFR 2012 Art. 4',
  },
];

export const partyNormativeDocumentV1: WorkflowDefinition<PartyNormativeDocumentContext> = {
  kind: 'party-normative-document',
  version: 1,
  label: { zh: '党内规范性文件', en: 'Party normative document' },
  machine: partyNormativeDocumentV1Machine,
  states: PARTY_NORMATIVE_DOCUMENT_STATES,
  stages: PARTY_NORMATIVE_DOCUMENT_STAGES,
  dossier: PARTY_NORMATIVE_DOCUMENT_DOSSIER,
  create: {
    type: 'CREATE_CASE',
    label: { zh: '提出制定党内规范性文件', en: 'Propose a party normative document' },
    roles: ['department-head'],
    payload: P.CreatePartyNormativeDocumentPayload,
  },
  events: PARTY_NORMATIVE_DOCUMENT_EVENTS,
  rules: partyNormativeDocumentRules as Record<string, RuleDefinition<PartyNormativeDocumentContext>>,
  orgUnits: () => [],
  visibleToReviewers: (ctx) => ctx.legalityReview.submissions.length > 0,
  deadlines: PARTY_NORMATIVE_DOCUMENT_DEADLINES,
};
