/**
 * Administrative-organ contract (行政机关合同 / 行政协议), version 1: SPEC §6 — due diligence on
 * the counterparty → draft → legality review (INV-C1: no signing before a pass) → collective
 * decision when major → signing (INV-C2: written form) → registration on the contract platform →
 * filing → performance; every change is a new text reviewed again (INV-C4); a guarantee in the
 * organ's name never passes review (INV-C3).
 *
 * PURE: imports xstate and types only. The rules below are both guards and refusal reasons.
 *
 * Sources: NBR Art. 13 (Ningbo townships: no contract signed without legality review, CONFIRMED);
 * 浙政办发〔2013〕37号 (Zhejiang: written form, no guarantees in the organ's name, prior review by
 * the legal-affairs body, filing; CONFIRMED-2ND via SPEC §6). Review and filing periods are
 * UNCONFIRMED for Cixi: configuration, with the spec's illustrative 5 working days.
 *
 * Policy decisions:
 *  C1  INV-C1: SIGN_CONTRACT (and SCHEDULE_MEETING for a major contract) needs a passing review of
 *      the current text; the text signed must be that text (`signedDocumentHash`), and the signing
 *      day may be neither before the day the review passed nor in the future.
 *  C2  INV-C2: the signed written instrument is identified by its hash; signing without one is
 *      refused (WRITTEN_FORM_REQUIRED) rather than recorded as an oral contract.
 *  C3  INV-C3 is a reviewer checklist item (`checklist.organGuarantee`). An opinion that finds a
 *      guarantee may not be LEGAL, and revisions after such an opinion must confirm the clause was
 *      removed. The other content limits of 37号 (authority, public interest, forum) are recorded.
 *  C4  INV-C4: in performance, PROPOSE_CHANGE carries the text of the change (amendment,
 *      supplementary agreement or negotiated termination) and opens a new round at legality review;
 *      it is signed, entered on the platform and filed like the original. A refused, rejected or
 *      withdrawn change returns the case to `performance` under the text already signed.
 *  C5  "Major" is declared with each text (the collective decision follows the review, SPEC §6
 *      step 6); an amount threshold would be local configuration, not known here.
 *  C6  An UNSUITABLE due-diligence finding keeps the case in due diligence (another counterparty
 *      may be examined, or the case withdrawn).
 *  C7  CLOSE_CONTRACT records the end of performance: performed, or terminated under the
 *      contract's own terms or by a court or arbitral decision. A negotiated termination is a
 *      change (policy C4) first.
 *  C8  Separation of duties as in major-decision P8 (403).
 */
import { assign, setup } from 'xstate';
import type { RuleDefinition, WorkflowEvent, WorkflowInput } from '@app/engine';
// LR: the legality-review fragment the matter workflows share (records, shared rules, the legalityReview state)
import * as LR from '../../common/legality-review/legality-review.fragment';
// CD: the collective-deliberation fragment the workflows with a meeting share (meeting records, routing guards, the deliberation state)
import * as CD from '../../common/collective-decision/collective-decision.fragment';
import { ruleGuards } from '../../common/rule-guards';
import { whenOf } from '../../common/transition-guards';
import type {
  ClosingOutcome,
  CloseContractPayload,
  ConfirmRevisionsPayload,
  ContractChecklistDto,
  ContractType,
  CreateAdministrativeContractPayload,
  DisputeResolution,
  DueDiligenceConclusion,
  IssueReviewOpinionPayload,
  MeetingDecision,
  ProposeChangePayload,
  RecordDueDiligencePayload,
  RecordFilingPayload,
  RecordMeetingPayload,
  RegisterOnPlatformPayload,
  ReportPerformancePayload,
  ReviewOutcome,
  SignContractPayload,
  SubmitDraftPayload,
} from './administrative-contract.payloads';
import { isDay, orNull, payloadOf, strings } from '../../common/machine-helpers';
import { roundWithdrawal, stamp, type RoundWithdrawalRecordOf, type Stamp } from '../../common/stamp';

export const ADMINISTRATIVE_CONTRACT_EVENT_TYPES = [
  'RECORD_DUE_DILIGENCE',
  'SUBMIT_DRAFT',
  'SUBMIT_FOR_LEGALITY_REVIEW',
  'ACCEPT_FOR_REVIEW',
  'RETURN_INCOMPLETE',
  'ISSUE_REVIEW_OPINION',
  'CONFIRM_REVISIONS',
  'SCHEDULE_MEETING',
  'RECORD_MEETING',
  'SIGN_CONTRACT',
  'REGISTER_ON_PLATFORM',
  'RECORD_FILING',
  'REPORT_PERFORMANCE',
  'PROPOSE_CHANGE',
  'CLOSE_CONTRACT',
  'WITHDRAW',
] as const;
export type AdministrativeContractEventType = (typeof ADMINISTRATIVE_CONTRACT_EVENT_TYPES)[number];

export type AdministrativeContractEvent = {
  [K in AdministrativeContractEventType]: WorkflowEvent & { type: K };
}[AdministrativeContractEventType];

// ================================================================================================
// Context
// ================================================================================================

export type { Stamp } from '../../common/stamp';

export interface DraftRecord extends Stamp {
  round: number;
  /** ORIGINAL for round 1, CHANGE for the text of a change (policy C4) */
  kind: 'ORIGINAL' | 'CHANGE';
  title: string;
  documentHash: string;
  major: boolean;
  modelTextUsed: boolean | null;
  disputeResolution: DisputeResolution | null;
  changeDescription: string | null;
}

export interface ReviewOpinionRecord extends Stamp {
  round: number;
  issuedOn: string;
  outcome: ReviewOutcome;
  reasons: string;
  legalBasis: string[];
  legalAdvisers: string[];
  suggestions: string | null;
  checklist: ContractChecklistDto;
  documentHash: string | null;
  reviewedDraftHash: string | null;
}

/** The shared review records (workflows/common/legality-review); confirmations keep their day and the guarantee confirmation (INV-C3). */
export interface LegalityReviewRecords
  extends LR.LegalityReviewRecordsOf<
    LR.LegalitySubmissionOf<Stamp>,
    LR.LegalityAcceptanceOf<Stamp>,
    LR.LegalityReturnOf<Stamp>,
    ReviewOpinionRecord,
    LR.DatedRevisionConfirmationOf<Stamp> & { guaranteeClauseRemoved: boolean }
  > {}

/** The meeting of a round (workflows/common/collective-decision): every (re)scheduling and the minutes. */
export interface MeetingRecord
  extends CD.MeetingRecordOf<Stamp, Stamp & { heldAt: string; attendees: string[]; decision: MeetingDecision; summary: string; minutesHash: string | null }> {}

export interface AdministrativeContractContext {
  caseId: string;
  title: string;
  created: Stamp;
  proposal: { counterparty: string; contractType: ContractType; subjectMatter: string; amountYuan: number | null };
  dueDiligence: Array<
    Stamp & {
      counterparty: string;
      assets: string;
      qualification: string;
      credit: string;
      performanceCapacity: string;
      conclusion: DueDiligenceConclusion;
    }
  >;
  round: number;
  drafts: DraftRecord[];
  legalityReview: LegalityReviewRecords;
  meetings: MeetingRecord[];
  signings: Array<Stamp & { round: number; signedOn: string; signedDocumentHash: string; signatories: string[] }>;
  platformRegistrations: Array<Stamp & { round: number; platform: string; registrationNumber: string; registeredOn: string }>;
  filings: Array<Stamp & { round: number; filedOn: string; filedWith: string; receiptNumber: string | null }>;
  performanceReports: Array<Stamp & { round: number; report: string; problems: string | null }>;
  closing: (Stamp & { outcome: ClosingOutcome; closedOn: string; summary: string; archiveNumber: string | null }) | null;
  withdrawals: Array<RoundWithdrawalRecordOf<Stamp>>;
}

// ================================================================================================
// Pure helpers
// ================================================================================================

type Ctx = AdministrativeContractContext;

const isSha = (s: unknown): s is string => typeof s === 'string' && /^[0-9a-f]{64}$/.test(s);

export function currentDraft(ctx: Ctx): DraftRecord | undefined {
  return ctx.drafts.find((d) => d.round === ctx.round);
}

export function currentOpinion(ctx: Ctx): ReviewOpinionRecord | undefined {
  return LR.opinionOfRound(ctx.legalityReview, ctx.round);
}

const currentConfirmation = (ctx: Ctx) => LR.confirmationOfRound(ctx.legalityReview, ctx.round);
const currentDraftHash = (ctx: Ctx) => currentDraft(ctx)?.documentHash;

/** INV-C1: a passing review of the current text. */
export function legalityReviewPassed(ctx: Ctx): boolean {
  return LR.reviewPassedInRound(ctx.legalityReview, ctx.round);
}

/** The day the review of the current text passed (the opinion, or the confirmation of revisions). */
export function reviewPassedOn(ctx: Ctx): string | undefined {
  if (!legalityReviewPassed(ctx)) return undefined;
  return currentOpinion(ctx)?.outcome === 'LEGAL' ? currentOpinion(ctx)?.issuedOn : currentConfirmation(ctx)?.confirmedOn;
}

/** The text that passed review: the revised one if revisions were confirmed. */
export function approvedTextHash(ctx: Ctx): string | undefined {
  if (!legalityReviewPassed(ctx)) return undefined;
  return currentConfirmation(ctx)?.documentHash ?? currentDraft(ctx)?.documentHash;
}

const hasSignedContract = (ctx: Ctx): boolean => ctx.signings.length > 0;

// ================================================================================================
// Rules
// ================================================================================================

type Rule = RuleDefinition<AdministrativeContractContext>;
const ZJ37 = '《浙江省人民政府办公厅关于加强行政机关合同管理工作的通知》（浙政办发〔2013〕37号）';
const NBR = '《宁波市法治乡村建设促进条例》';

export const administrativeContractRules = {
  draftHashMatches: LR.draftHashMatchesRule<Ctx>(currentDraftHash, {
    code: 'DRAFT_HASH_MISMATCH',
    article: '浙政办发〔2013〕37号',
    zh: `送审的合同文本与本案当前登记的文本不一致，请送审当前文本（${ZJ37}）`,
    en: 'The contract text submitted for review is not the text on record; submit the current text (Zhejiang General Office Doc. [2013] No. 37).',
  }),
  separationOfDuties: LR.separationOfDutiesRule<Ctx>({
    code: 'SEPARATION_OF_DUTIES',
    article: '浙政办发〔2013〕37号',
    status: 403,
    zh: `送请合法性审查的人员不得出具同一合同的审查意见（审查与送审相分离，${ZJ37}）`,
    en: 'Whoever submitted the contract for review may not issue its review opinion (separation of duties; Zhejiang General Office Doc. [2013] No. 37).',
  }),
  guaranteeNotApproved: {
    check: ({ event }) => {
      const p = payloadOf<IssueReviewOpinionPayload>(event);
      return !(p.checklist?.organGuarantee === true && p.outcome === 'LEGAL');
    },
    refusal: {
      code: 'GUARANTEE_CLAUSE_FORBIDDEN',
      article: '浙政办发〔2013〕37号',
      zh: `行政机关不得以机关名义提供担保；含有此类条款的合同不能审查通过，应当提出修改意见或者认定不合法（${ZJ37}）`,
      en: 'An administrative organ may not give a guarantee in its own name: a contract with such a clause cannot pass review as it stands (Zhejiang General Office Doc. [2013] No. 37).',
    },
  },
  revisionsApplied: LR.revisionsAppliedRule<Ctx>(currentDraftHash, {
    code: 'REVISION_HASH_UNCHANGED',
    article: '浙政办发〔2013〕37号',
    zh: `应当根据合法性审查意见修改合同文本；所报修改稿与送审稿相同（${ZJ37}）`,
    en: 'The contract must be revised according to the review opinion; the text given is identical to the reviewed one (Zhejiang General Office Doc. [2013] No. 37).',
  }),
  guaranteeRemoved: {
    check: ({ context, event }) =>
      currentOpinion(context)?.checklist.organGuarantee !== true || payloadOf<ConfirmRevisionsPayload>(event).guaranteeClauseRemoved === true,
    refusal: {
      code: 'GUARANTEE_CLAUSE_NOT_REMOVED',
      article: '浙政办发〔2013〕37号',
      zh: `审查意见认定合同含有以行政机关名义提供担保的条款，修改稿应当确认已删除该条款（${ZJ37}）`,
      en: 'The opinion found a guarantee in the organ’s name: the revised text must confirm the clause was removed (Zhejiang General Office Doc. [2013] No. 37).',
    },
  },
  legalityReviewPassed: LR.reviewPassedRule<Ctx>(legalityReviewPassed, {
    code: 'LEGALITY_REVIEW_REQUIRED',
    article: 'NBR Art. 13',
    zh: `合同未经合法性审查或者经审查不合法的，不得提交讨论、不得签订（${NBR}第十三条）`,
    en: 'A contract that has not passed legality review may not be decided on or signed (Ningbo Rule-of-Law Village Regulations Art. 13).',
  }),
  writtenFormRequired: {
    check: ({ event }) => isSha(payloadOf<SignContractPayload>(event).signedDocumentHash),
    field: 'signedDocumentHash',
    refusal: {
      code: 'WRITTEN_FORM_REQUIRED',
      article: '浙政办发〔2013〕37号',
      zh: `行政机关订立合同应当采用书面形式，请登记所签书面合同文本（${ZJ37}）`,
      en: 'An administrative organ contracts in writing: record the signed written instrument (Zhejiang General Office Doc. [2013] No. 37).',
    },
  },
  signedTextReviewed: {
    check: ({ context, event }) => {
      const hash = payloadOf<SignContractPayload>(event).signedDocumentHash;
      return !isSha(hash) || hash === approvedTextHash(context);
    },
    refusal: {
      code: 'SIGNED_TEXT_NOT_REVIEWED',
      article: 'NBR Art. 13',
      zh: `签订的合同文本应当是经合法性审查通过的文本；文本有变动的，应当重新送审（${NBR}第十三条）`,
      en: 'The text signed must be the text that passed legality review; a changed text goes back to review (Ningbo Rule-of-Law Village Regulations Art. 13).',
    },
  },
  signingDateValid: {
    check: ({ context, event }) => {
      const d = payloadOf<SignContractPayload>(event).signedOn;
      const passed = reviewPassedOn(context);
      return isDay(d) && isDay(passed) && isDay(event.today) && d >= passed && d <= event.today;
    },
    refusal: {
      code: 'SIGNING_DATE_INVALID',
      article: 'NBR Art. 13',
      zh: `合同的签订日期不得早于合法性审查通过之日，也不得晚于今天（${NBR}第十三条）`,
      en: 'The signing day can be neither before the day the review passed nor in the future (Ningbo Rule-of-Law Village Regulations Art. 13).',
    },
  },
} satisfies Record<string, Rule>;

export type AdministrativeContractRuleName = keyof typeof administrativeContractRules;

export const ADMINISTRATIVE_CONTRACT_EVENT_RULES = {
  RECORD_DUE_DILIGENCE: [],
  SUBMIT_DRAFT: [],
  SUBMIT_FOR_LEGALITY_REVIEW: ['draftHashMatches'],
  ACCEPT_FOR_REVIEW: [],
  RETURN_INCOMPLETE: [],
  ISSUE_REVIEW_OPINION: ['separationOfDuties', 'guaranteeNotApproved'],
  CONFIRM_REVISIONS: ['revisionsApplied', 'guaranteeRemoved'],
  SCHEDULE_MEETING: ['legalityReviewPassed'],
  RECORD_MEETING: [],
  SIGN_CONTRACT: ['legalityReviewPassed', 'writtenFormRequired', 'signedTextReviewed', 'signingDateValid'],
  REGISTER_ON_PLATFORM: [],
  RECORD_FILING: [],
  REPORT_PERFORMANCE: [],
  PROPOSE_CHANGE: [],
  CLOSE_CONTRACT: [],
  WITHDRAW: [],
} as const satisfies Record<AdministrativeContractEventType, readonly AdministrativeContractRuleName[]>;

// ================================================================================================
// Guards
// ================================================================================================

type GuardArgs = { context: AdministrativeContractContext; event: AdministrativeContractEvent };
const routingGuards = {
  counterpartyUnsuitable: ({ event }: GuardArgs) => payloadOf<RecordDueDiligencePayload>(event).conclusion === 'UNSUITABLE',
  opinionIllegal: LR.opinionIllegal,
  opinionWithRevisions: LR.opinionWithRevisions,
  opinionLegal: LR.opinionLegal,
  textMajor: ({ context }: GuardArgs) => currentDraft(context)?.major === true,
  meetingApproved: CD.meetingApproved,
  meetingRejected: CD.meetingRejected,
  meetingPostponed: CD.meetingPostponed,
  meetingRevise: CD.meetingRevise,
  hasSignedContract: ({ context }: GuardArgs) => hasSignedContract(context),
};
type GuardName = AdministrativeContractRuleName | keyof typeof routingGuards;

// ================================================================================================
// Actions
// ================================================================================================

type ActionArgs = { context: AdministrativeContractContext; event: AdministrativeContractEvent };
const record = (fn: (args: ActionArgs) => Partial<AdministrativeContractContext>) =>
  assign<AdministrativeContractContext, AdministrativeContractEvent, undefined, AdministrativeContractEvent, never>(fn);

const actions = {
  recordDueDiligence: record(({ context, event }) => {
    const p = payloadOf<RecordDueDiligencePayload>(event);
    return {
      dueDiligence: [
        ...context.dueDiligence,
        {
          ...stamp(event),
          counterparty: String(p.counterparty ?? ''),
          assets: String(p.assets ?? ''),
          qualification: String(p.qualification ?? ''),
          credit: String(p.credit ?? ''),
          performanceCapacity: String(p.performanceCapacity ?? ''),
          conclusion: p.conclusion as DueDiligenceConclusion,
        },
      ],
    };
  }),
  recordDraft: record(({ context, event }) => {
    const p = payloadOf<SubmitDraftPayload>(event);
    const round = context.round + 1;
    const draft: DraftRecord = {
      ...stamp(event),
      round,
      kind: 'ORIGINAL',
      title: String(p.title ?? ''),
      documentHash: String(p.documentHash ?? ''),
      major: p.major === true,
      modelTextUsed: p.modelTextUsed === true,
      disputeResolution: (p.disputeResolution as DisputeResolution) ?? null,
      changeDescription: null,
    };
    return { round, drafts: [...context.drafts, draft] };
  }),
  recordChange: record(({ context, event }) => {
    const p = payloadOf<ProposeChangePayload>(event);
    const round = context.round + 1;
    const draft: DraftRecord = {
      ...stamp(event),
      round,
      kind: 'CHANGE',
      title: String(p.title ?? ''),
      documentHash: String(p.documentHash ?? ''),
      major: p.major === true,
      modelTextUsed: null,
      disputeResolution: null,
      changeDescription: String(p.description ?? ''),
    };
    return { round, drafts: [...context.drafts, draft] };
  }),
  recordLegalitySubmission: record(({ context, event }) =>
    LR.appendReviewRecord(context.legalityReview, 'submissions', LR.legalitySubmission(stamp(event), context.round, event)),
  ),
  recordAcceptance: record(({ context, event }) =>
    LR.appendReviewRecord(context.legalityReview, 'acceptances', LR.legalityAcceptance(stamp(event), context.round, event)),
  ),
  recordReturn: record(({ context, event }) => LR.appendReviewRecord(context.legalityReview, 'returns', LR.legalityReturn(stamp(event), context.round, event))),
  recordOpinion: record(({ context, event }) => {
    const p = payloadOf<IssueReviewOpinionPayload>(event);
    const c: Partial<ContractChecklistDto> = p.checklist ?? {};
    const opinion: ReviewOpinionRecord = {
      ...stamp(event),
      round: context.round,
      issuedOn: event.today,
      ...LR.opinionBasics<ReviewOutcome>(event),
      suggestions: orNull(p.suggestions),
      checklist: {
        subjectQualified: c.subjectQualified === true,
        termsLawfulAndReasonable: c.termsLawfulAndReasonable === true,
        textStandard: c.textStandard === true,
        disputeClauseSound: c.disputeClauseSound === true,
        organGuarantee: c.organGuarantee === true,
        exceedsAuthority: c.exceedsAuthority === true,
      },
      documentHash: orNull(p.documentHash),
      reviewedDraftHash: LR.reviewedDraftHash(context.legalityReview, context.round),
    };
    return LR.appendReviewRecord(context.legalityReview, 'opinions', opinion);
  }),
  recordRevisions: record(({ context, event }) =>
    LR.appendReviewRecord(context.legalityReview, 'revisionConfirmations', {
      ...LR.datedRevisionConfirmation(stamp(event), context.round, event),
      guaranteeClauseRemoved: payloadOf<ConfirmRevisionsPayload>(event).guaranteeClauseRemoved === true,
    }),
  ),
  recordSchedule: record(({ context, event }) => CD.scheduleMeeting(context.meetings, context.round, stamp(event), event)),
  recordMeeting: record(({ context, event }) => {
    const p = payloadOf<RecordMeetingPayload>(event);
    const minutes = {
      ...stamp(event),
      heldAt: CD.meetingHeldAt(p.heldAt, CD.openMeeting(context.meetings, context.round), event.at),
      attendees: strings(p.attendees),
      decision: p.decision as MeetingDecision,
      summary: String(p.summary ?? ''),
      minutesHash: orNull(p.minutesHash),
    };
    return CD.recordMinutes(context.meetings, context.round, minutes);
  }),
  recordSigning: record(({ context, event }) => {
    const p = payloadOf<SignContractPayload>(event);
    return {
      signings: [
        ...context.signings,
        { ...stamp(event), round: context.round, signedOn: String(p.signedOn), signedDocumentHash: String(p.signedDocumentHash), signatories: strings(p.signatories) },
      ],
    };
  }),
  recordPlatformRegistration: record(({ context, event }) => {
    const p = payloadOf<RegisterOnPlatformPayload>(event);
    return {
      platformRegistrations: [
        ...context.platformRegistrations,
        { ...stamp(event), round: context.round, platform: String(p.platform ?? ''), registrationNumber: String(p.registrationNumber ?? ''), registeredOn: event.today },
      ],
    };
  }),
  recordFiling: record(({ context, event }) => {
    const p = payloadOf<RecordFilingPayload>(event);
    return {
      filings: [
        ...context.filings,
        { ...stamp(event), round: context.round, filedOn: String(p.filedOn), filedWith: String(p.filedWith ?? ''), receiptNumber: orNull(p.receiptNumber) },
      ],
    };
  }),
  recordPerformanceReport: record(({ context, event }) => {
    const p = payloadOf<ReportPerformancePayload>(event);
    return { performanceReports: [...context.performanceReports, { ...stamp(event), round: context.round, report: String(p.report ?? ''), problems: orNull(p.problems) }] };
  }),
  recordClosing: record(({ event }) => {
    const p = payloadOf<CloseContractPayload>(event);
    return {
      closing: { ...stamp(event), outcome: p.outcome as ClosingOutcome, closedOn: String(p.closedOn), summary: String(p.summary ?? ''), archiveNumber: orNull(p.archiveNumber) },
    };
  }),
  recordWithdrawal: record(({ context, event }) => ({
    withdrawals: [...context.withdrawals, roundWithdrawal(stamp(event), context.round, event)],
  })),
};

// ================================================================================================
// The machine
// ================================================================================================

const ROOT = '#administrative-contract';

/**
 * The machine with a version's rules: `rules` (each a guard of the same name) and, per event, the
 * rules checked in order (`eventRules`). Version 1 is built with its own rules below; a later
 * version that only changes what an event requires builds the same states and actions with its
 * rules (workflows/administrative-contract/v2).
 */
export function administrativeContractMachine<N extends string>(
  rules: Record<N, Rule>,
  eventRules: { readonly [K in AdministrativeContractEventType]: readonly N[] },
) {
  const when = whenOf<AdministrativeContractEventType, N | GuardName>(eventRules);

  /** Policy C4: a change that does not go ahead leaves the case performing the signed text. */
  const WITHDRAW = {
    WITHDRAW: [
      { guard: when('WITHDRAW', 'hasSignedContract'), target: `${ROOT}.performance`, actions: 'recordWithdrawal' },
      { guard: when('WITHDRAW'), target: `${ROOT}.withdrawn`, actions: 'recordWithdrawal' },
    ],
  } as const;

  /** After a passing review: a major text to the collective decision, any other to signing. */
  const afterPass = (type: 'ISSUE_REVIEW_OPINION' | 'CONFIRM_REVISIONS', action: 'recordOpinion' | 'recordRevisions', ...extra: GuardName[]) => [
    { guard: when(type, ...extra, 'textMajor'), target: `${ROOT}.collectiveDecision`, actions: action },
    { guard: when(type, ...extra), target: `${ROOT}.signing`, actions: action },
  ];

  return setup({
    types: {} as {
      context: AdministrativeContractContext;
      events: AdministrativeContractEvent;
      input: WorkflowInput<CreateAdministrativeContractPayload>;
    },
    guards: { ...ruleGuards(rules), ...routingGuards },
    actions,
  }).createMachine({
    id: 'administrative-contract',
    initial: 'dueDiligence',
    context: ({ input }) => {
      if (!input) return {} as AdministrativeContractContext;
      const proposal = (input.payload?.proposal ?? {}) as Partial<CreateAdministrativeContractPayload['proposal']>;
      return {
        caseId: input.caseId,
        title: String(input.payload?.title ?? ''),
        created: stamp(input),
        proposal: {
          counterparty: String(proposal.counterparty ?? ''),
          contractType: (proposal.contractType ?? 'OTHER') as ContractType,
          subjectMatter: String(proposal.subjectMatter ?? ''),
          amountYuan: typeof proposal.amountYuan === 'number' ? proposal.amountYuan : null,
        },
        dueDiligence: [],
        round: 0,
        drafts: [],
        legalityReview: LR.noLegalityReview(),
        meetings: [],
        signings: [],
        platformRegistrations: [],
        filings: [],
        performanceReports: [],
        closing: null,
        withdrawals: [],
      };
    },
    states: {
      dueDiligence: {
        on: {
          RECORD_DUE_DILIGENCE: [
            { guard: when('RECORD_DUE_DILIGENCE', 'counterpartyUnsuitable'), actions: 'recordDueDiligence' },
            { guard: when('RECORD_DUE_DILIGENCE'), target: 'drafting', actions: 'recordDueDiligence' },
          ],
          ...WITHDRAW,
        },
      },
      drafting: {
        on: {
          SUBMIT_DRAFT: { guard: when('SUBMIT_DRAFT'), target: 'legalityReview', actions: 'recordDraft' },
          ...WITHDRAW,
        },
      },
      legalityReview: LR.legalityReviewState(when, { ...WITHDRAW }, {
        opinion: [
          // an illegal change leaves the signed text in place (policy C4)
          { guard: when('ISSUE_REVIEW_OPINION', 'opinionIllegal', 'hasSignedContract'), target: `${ROOT}.performance`, actions: 'recordOpinion' },
          { guard: when('ISSUE_REVIEW_OPINION', 'opinionIllegal'), target: `${ROOT}.drafting`, actions: 'recordOpinion' },
          { guard: when('ISSUE_REVIEW_OPINION', 'opinionWithRevisions'), target: 'revisionsRequired', actions: 'recordOpinion' },
          ...afterPass('ISSUE_REVIEW_OPINION', 'recordOpinion', 'opinionLegal'),
        ],
        revisions: afterPass('CONFIRM_REVISIONS', 'recordRevisions'),
      }),
      collectiveDecision: CD.collectiveDecisionState(when, { ...WITHDRAW }, [
        { guard: when('RECORD_MEETING', 'meetingApproved'), target: `${ROOT}.signing`, actions: 'recordMeeting' },
        { guard: when('RECORD_MEETING', 'meetingPostponed'), target: 'preparing', actions: 'recordMeeting' },
        { guard: when('RECORD_MEETING', 'hasSignedContract'), target: `${ROOT}.performance`, actions: 'recordMeeting' },
        { guard: when('RECORD_MEETING', 'meetingRejected'), target: `${ROOT}.rejected`, actions: 'recordMeeting' },
        { guard: when('RECORD_MEETING', 'meetingRevise'), target: `${ROOT}.drafting`, actions: 'recordMeeting' },
      ]),
      signing: {
        on: {
          SIGN_CONTRACT: { guard: when('SIGN_CONTRACT'), target: 'registration', actions: 'recordSigning' },
          ...WITHDRAW,
        },
      },
      registration: {
        on: { REGISTER_ON_PLATFORM: { guard: when('REGISTER_ON_PLATFORM'), target: 'filing', actions: 'recordPlatformRegistration' } },
      },
      filing: {
        on: { RECORD_FILING: { guard: when('RECORD_FILING'), target: 'performance', actions: 'recordFiling' } },
      },
      performance: {
        on: {
          REPORT_PERFORMANCE: { guard: when('REPORT_PERFORMANCE'), actions: 'recordPerformanceReport' },
          PROPOSE_CHANGE: { guard: when('PROPOSE_CHANGE'), target: 'legalityReview', actions: 'recordChange' },
          CLOSE_CONTRACT: { guard: when('CLOSE_CONTRACT'), target: 'closed', actions: 'recordClosing' },
        },
      },
      closed: { type: 'final' },
      rejected: { type: 'final' },
      withdrawn: { type: 'final' },
    },
  });
}

export const administrativeContractV1Machine = administrativeContractMachine(administrativeContractRules, ADMINISTRATIVE_CONTRACT_EVENT_RULES);
