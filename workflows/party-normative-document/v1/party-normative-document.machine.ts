/**
 * Party normative document (党内规范性文件), version 1: SPEC §5 — pre-issuance review (前置审核,
 * INV-P1) → issuance → filing with the higher party committee within 30 days of issuance (INV-P2)
 * → the committee's filing-review result; documents outside the filing scope need an explicit,
 * justified exemption (INV-P3).
 *
 * PURE: imports xstate and types only; time arrives in the event, the filing period as a fact.
 * The rules below are both the machine's guards and the engine's refusal reasons.
 *
 * Sources: 《中国共产党党内法规和规范性文件备案审查规定》 (2019; "PFR 2019") Art. 2 (scope and
 * exclusions, per SPEC §5); its 2012 predecessor Art. 4 (file within 30 days of issuance; carried
 * into 2019, article number UNCONFIRMED); the Zhejiang township full-coverage notice
 * 《关于推进乡镇（街道）合法性审查全覆盖工作的通知》 (the township review body vets party
 * normative documents; its number and date are UNCONFIRMED) and the seed's pre-review criteria.
 *
 * Policy decisions:
 *  P1  Every case passes pre-review, including one whose draft declares a filing exemption: the
 *      review is where the exemption is checked. The reviewer may reject it (`exemptionRejected`),
 *      and the document must then be filed.
 *  P2  INV-P3: an exemption names one of the excluded categories of PFR 2019 Art. 2 and a
 *      justification (EXEMPTION_NOT_JUSTIFIED). An upheld exemption ends the case at issuance
 *      (`exemptFromFiling`, final): it is not a party normative document, nothing more is tracked.
 *  P3  INV-P2: the filing period (config party.filing.days, default 30 calendar days) runs from the
 *      stated issuance day (start day excluded, a rest day rolls, CC Arts. 201, 203), computed by
 *      the runtime as `facts.filingDue`. The issuance day may not lie in the future, and a filing
 *      not before issuance nor in the future, or the deadline would be counted from a fiction.
 *      The reminder comes 5 working days before the due date (SPEC "D-5", engine policy).
 *  P4  The township pre-review period has no published figure: the opinion is due on the requested
 *      completion date, else after party.preReview.maxWorkdays (default 15, SPEC §3.4).
 *  P5  有错必纠: a filing review that requires correction leaves the document standing as
 *      `correctionRequired`; START_AMENDMENT opens a new round (pre-review, issuance and filing
 *      again), REPEAL_DOCUMENT ends it. An approved document is `inForce` and may be amended or
 *      repealed the same way.
 *  P6  WITHDRAW (town head) before issuance: a first text is withdrawn (final); an amendment round
 *      is abandoned and the case returns to where the issued text stood (inForce or correctionRequired).
 *  P7  Separation of duties as in major-decision P8 (403). The states of the review keep the id
 *      `legalityReview` (labelled 前置审核) so that one review desk can find every type.
 *  P8  INV-P2: once the filing period has passed unfiled, Docket itself (the `system` actor, from
 *      the deadline's `onMissed`) sends MARK_OVERDUE, the day after the due date: the case moves to
 *      `filingOverdue` (逾期未报备), where the filing may still be recorded (late) and the deadline
 *      keeps escalating. No person may send it; it is refused before the due date has passed
 *      (FILING_PERIOD_NOT_PASSED, PFR 2012 Art. 4). The marks are kept in `context.overdue`, a key
 *      added only by this event, so that the snapshots of cases that never went overdue are unchanged.
 */
import { assign, setup } from 'xstate';
import type { RuleDefinition, WorkflowEvent, WorkflowInput } from '@app/engine';
// LR: the legality-review fragment the matter workflows share (records, shared rules, the legalityReview state)
import * as LR from '../../common/legality-review/legality-review.fragment';
import { ruleGuards } from '../../common/rule-guards';
import { whenOf } from '../../common/transition-guards';
import type {
  CreatePartyNormativeDocumentPayload,
  ExemptionCategory,
  FilingReviewResult,
  FilingScope,
  IssueDocumentPayload,
  IssueReviewOpinionPayload,
  MarkOverduePayload,
  PreReviewChecksDto,
  RecordFilingPayload,
  RecordFilingReviewResultPayload,
  RepealDocumentPayload,
  ReviewOutcome,
  StartAmendmentPayload,
  SubmitDraftPayload,
} from './party-normative-document.payloads';
import { isDay, lastOf, nonEmpty, ofRound, orNull, payloadOf, strings } from '../../common/machine-helpers';
import { roundWithdrawal, stamp, type RoundWithdrawalRecordOf, type Stamp } from '../../common/stamp';

export const PARTY_NORMATIVE_DOCUMENT_EVENT_TYPES = [
  'SUBMIT_DRAFT',
  'SUBMIT_FOR_LEGALITY_REVIEW',
  'ACCEPT_FOR_REVIEW',
  'RETURN_INCOMPLETE',
  'ISSUE_REVIEW_OPINION',
  'CONFIRM_REVISIONS',
  'ISSUE_DOCUMENT',
  'RECORD_FILING',
  'RECORD_FILING_REVIEW_RESULT',
  'START_AMENDMENT',
  'REPEAL_DOCUMENT',
  'WITHDRAW',
  'MARK_OVERDUE',
] as const;
export type PartyNormativeDocumentEventType = (typeof PARTY_NORMATIVE_DOCUMENT_EVENT_TYPES)[number];

export type PartyNormativeDocumentEvent = {
  [K in PartyNormativeDocumentEventType]: WorkflowEvent & { type: K };
}[PartyNormativeDocumentEventType];

// ================================================================================================
// Context
// ================================================================================================

export type { Stamp } from '../../common/stamp';

export interface DraftRecord extends Stamp {
  round: number;
  title: string;
  documentHash: string;
  filingScope: FilingScope;
  exemption: { category: ExemptionCategory; justification: string } | null;
  explanation: string | null;
}

export interface ReviewOpinionRecord extends Stamp {
  round: number;
  outcome: ReviewOutcome;
  reasons: string;
  legalBasis: string[];
  legalAdvisers: string[];
  suggestions: string | null;
  checks: PreReviewChecksDto | null;
  exemptionRejected: boolean;
  documentHash: string | null;
  reviewedDraftHash: string | null;
}

/** The shared review records (workflows/common/legality-review). */
export interface LegalityReviewRecords
  extends LR.LegalityReviewRecordsOf<
    LR.LegalitySubmissionOf<Stamp>,
    LR.LegalityAcceptanceOf<Stamp>,
    LR.LegalityReturnOf<Stamp>,
    ReviewOpinionRecord,
    LR.RevisionConfirmationOf<Stamp>
  > {}

export interface IssuanceRecord extends Stamp {
  round: number;
  issuedAt: string;
  documentNumber: string;
  filingRequired: boolean;
  /** the last day to file (facts.filingDue), null when exempt */
  filingDue: string | null;
}

export interface PartyNormativeDocumentContext {
  caseId: string;
  title: string;
  created: Stamp;
  proposal: { issuingBody: string; purpose: string; mainContent: string };
  round: number;
  drafts: DraftRecord[];
  legalityReview: LegalityReviewRecords;
  issuances: IssuanceRecord[];
  filings: Array<Stamp & { round: number; filedOn: string; filedWith: string; receiptNumber: string | null; materials: string[] }>;
  filingReviews: Array<Stamp & { round: number; result: FilingReviewResult; receivedOn: string; notes: string | null }>;
  /** where the issued text stands after its filing review (policy P5); null before the first one */
  standing: 'IN_FORCE' | 'CORRECTION_REQUIRED' | null;
  amendments: Array<Stamp & { fromRound: number; reason: string }>;
  repeal: (Stamp & { reason: string; repealedOn: string }) | null;
  withdrawals: Array<RoundWithdrawalRecordOf<Stamp>>;
  /** policy P8: the filing periods that passed unfiled (absent until the first one) */
  overdue?: Array<Stamp & { round: number; deadlineKey: string; dueDate: string }>;
}

// ================================================================================================
// Pure helpers
// ================================================================================================

type Ctx = PartyNormativeDocumentContext;

/** The excluded categories (kept here as data: the payload module is imported for types only). */
const EXEMPTION_CATEGORY_LIST: readonly ExemptionCategory[] = [
  'LEADERSHIP_SPEECH',
  'ANNUAL_WORK_POINTS_OR_SUMMARY',
  'PERSONNEL',
  'COMMENDATION_OR_SANCTION',
  'INTERNAL_DAILY_MANAGEMENT',
  'REQUEST_OR_REPORT',
  'MEETING_NOTICE_OR_MINUTES',
  'BRIEFING',
  'EXEMPTED_BY_OTHER_RULES',
];

export function currentDraft(ctx: Ctx): DraftRecord | undefined {
  return ctx.drafts.find((d) => d.round === ctx.round);
}

export function currentOpinion(ctx: Ctx): ReviewOpinionRecord | undefined {
  return LR.opinionOfRound(ctx.legalityReview, ctx.round);
}

const currentDraftHash = (ctx: Ctx) => currentDraft(ctx)?.documentHash;

/** INV-P1: a passing pre-review of the current draft. */
export function preReviewPassed(ctx: Ctx): boolean {
  return LR.reviewPassedInRound(ctx.legalityReview, ctx.round);
}

/** INV-P3 / policy P1: filing is required unless the draft's exemption stood the pre-review. */
export function filingRequired(ctx: Ctx): boolean {
  return currentDraft(ctx)?.filingScope !== 'EXEMPT' || currentOpinion(ctx)?.exemptionRejected === true;
}

export function currentIssuance(ctx: Ctx): IssuanceRecord | undefined {
  return lastOf(ofRound(ctx.issuances, ctx.round));
}

// ================================================================================================
// Rules
// ================================================================================================

type Rule = RuleDefinition<PartyNormativeDocumentContext>;
const NOTICE = '《关于推进乡镇（街道）合法性审查全覆盖工作的通知》';
const NOTICE_ARTICLE = '浙江乡镇合法性审查全覆盖通知';
const PFR19 = '《中国共产党党内法规和规范性文件备案审查规定》（2019年）';
const PFR12 = '《中国共产党党内法规和规范性文件备案规定》（2012年）';

export const partyNormativeDocumentRules = {
  exemptionJustified: {
    check: ({ event }) => {
      const p = payloadOf<SubmitDraftPayload>(event);
      if (p.filingScope !== 'EXEMPT') return true;
      return !!p.exemption && EXEMPTION_CATEGORY_LIST.includes(p.exemption.category) && nonEmpty(p.exemption.justification);
    },
    refusal: {
      code: 'EXEMPTION_NOT_JUSTIFIED',
      article: 'PFR 2019 Art. 2',
      zh: `不报送备案的，应当明确其属于领导讲话、年度工作要点和总结、人事任免、表彰奖励和处分、内部日常管理、请示报告、会议通知和纪要、简报等不列入备案范围的文件类别，并说明理由（${PFR19}第二条）`,
      en: 'A document not to be filed must name the excluded category it belongs to (speeches, work points and summaries, personnel, commendation or sanction, internal management, requests and reports, notices and minutes, briefings) and a justification (Party Filing Review Rules 2019 Art. 2).',
    },
  },
  draftHashMatches: LR.draftHashMatchesRule<Ctx>(currentDraftHash, {
    code: 'DRAFT_HASH_MISMATCH',
    article: NOTICE_ARTICLE,
    zh: `送审的文件草案与本案当前登记的草案不一致，请送审当前草案（${NOTICE}）`,
    en: 'The draft submitted for pre-review is not the draft on record; submit the current draft (Zhejiang township full-coverage notice).',
  }),
  separationOfDuties: LR.separationOfDutiesRule<Ctx>({
    code: 'SEPARATION_OF_DUTIES',
    article: NOTICE_ARTICLE,
    status: 403,
    zh: `送请前置审核的人员不得出具同一文件的审核意见（审核与送审相分离，${NOTICE}）`,
    en: 'Whoever submitted the document for pre-review may not issue its opinion (separation of duties; Zhejiang township full-coverage notice).',
  }),
  revisionsApplied: LR.revisionsAppliedRule<Ctx>(currentDraftHash, {
    code: 'REVISION_HASH_UNCHANGED',
    article: NOTICE_ARTICLE,
    zh: `应当根据前置审核意见修改文件；所报修改稿与送审稿相同（${NOTICE}）`,
    en: 'The draft must be revised according to the pre-review opinion; the document given is identical to the reviewed one (Zhejiang township full-coverage notice).',
  }),
  preReviewPassed: LR.reviewPassedRule<Ctx>(preReviewPassed, {
    code: 'PRE_REVIEW_REQUIRED',
    article: NOTICE_ARTICLE,
    zh: `党内规范性文件未经前置审核或者审核未通过的，不得印发（${NOTICE}）`,
    en: 'A party normative document may not be issued without a passing pre-issuance review (INV-P1; Zhejiang township full-coverage notice).',
  }),
  issuanceNotInFuture: {
    check: ({ event }) => {
      const d = payloadOf<IssueDocumentPayload>(event).issuedAt;
      return isDay(d) && isDay(event.today) && d <= event.today;
    },
    refusal: {
      code: 'ISSUE_DATE_IN_FUTURE',
      article: 'PFR 2012 Art. 4',
      zh: `备案期限自文件发布之日起计算，应当记录已经发生的发布日期（${PFR12}第四条）`,
      en: 'The filing period runs from the day of issuance: record an issuance that has happened, not a future date (Party Filing Rules 2012 Art. 4).',
    },
  },
  filingPeriodPassed: {
    check: ({ context, event }) => {
      const due = currentIssuance(context)?.filingDue;
      return isDay(due) && isDay(event.today) && event.today > due && payloadOf<MarkOverduePayload>(event).dueDate === due;
    },
    refusal: {
      code: 'FILING_PERIOD_NOT_PASSED',
      article: 'PFR 2012 Art. 4',
      zh: `报送备案期限（自发布之日起30日）尚未届满，或者所称的到期日与本次印发的备案期限不符，不能标记为逾期未报备（${PFR12}第四条）`,
      en: 'The filing period (30 days from issuance) has not passed yet, or the due date named is not the one of this issuance: the case cannot be marked overdue (Party Filing Rules 2012 Art. 4).',
    },
  },
  filingDateValid: {
    check: ({ context, event }) => {
      const d = payloadOf<RecordFilingPayload>(event).filedOn;
      const issued = currentIssuance(context)?.issuedAt;
      return isDay(d) && isDay(issued) && isDay(event.today) && d >= issued && d <= event.today;
    },
    refusal: {
      code: 'FILING_DATE_INVALID',
      article: 'PFR 2012 Art. 4',
      zh: `报送备案的日期不得早于文件发布日期，也不得晚于今天（${PFR12}第四条）`,
      en: 'The filing day can be neither before the issuance nor in the future (Party Filing Rules 2012 Art. 4).',
    },
  },
} satisfies Record<string, Rule>;

export type PartyNormativeDocumentRuleName = keyof typeof partyNormativeDocumentRules;

export const PARTY_NORMATIVE_DOCUMENT_EVENT_RULES = {
  SUBMIT_DRAFT: ['exemptionJustified'],
  SUBMIT_FOR_LEGALITY_REVIEW: ['draftHashMatches'],
  ACCEPT_FOR_REVIEW: [],
  RETURN_INCOMPLETE: [],
  ISSUE_REVIEW_OPINION: ['separationOfDuties'],
  CONFIRM_REVISIONS: ['revisionsApplied'],
  ISSUE_DOCUMENT: ['preReviewPassed', 'issuanceNotInFuture'],
  RECORD_FILING: ['filingDateValid'],
  RECORD_FILING_REVIEW_RESULT: [],
  START_AMENDMENT: [],
  REPEAL_DOCUMENT: [],
  WITHDRAW: [],
  MARK_OVERDUE: ['filingPeriodPassed'],
} as const satisfies Record<PartyNormativeDocumentEventType, readonly PartyNormativeDocumentRuleName[]>;

// ================================================================================================
// Guards
// ================================================================================================

type GuardArgs = { context: PartyNormativeDocumentContext; event: PartyNormativeDocumentEvent };
const routingGuards = {
  opinionIllegal: LR.opinionIllegal,
  opinionWithRevisions: LR.opinionWithRevisions,
  opinionLegal: LR.opinionLegal,
  filingRequired: ({ context }: GuardArgs) => filingRequired(context),
  reviewApproved: ({ event }: GuardArgs) => payloadOf<RecordFilingReviewResultPayload>(event).result === 'APPROVED',
  reviewCorrection: ({ event }: GuardArgs) => payloadOf<RecordFilingReviewResultPayload>(event).result === 'CORRECTION_REQUIRED',
  standsInForce: ({ context }: GuardArgs) => context.standing === 'IN_FORCE',
  standsForCorrection: ({ context }: GuardArgs) => context.standing === 'CORRECTION_REQUIRED',
};
type GuardName = PartyNormativeDocumentRuleName | keyof typeof routingGuards;

const when = whenOf<PartyNormativeDocumentEventType, GuardName>(PARTY_NORMATIVE_DOCUMENT_EVENT_RULES);

// ================================================================================================
// Actions
// ================================================================================================

type ActionArgs = { context: PartyNormativeDocumentContext; event: PartyNormativeDocumentEvent };
const record = (fn: (args: ActionArgs) => Partial<PartyNormativeDocumentContext>) =>
  assign<PartyNormativeDocumentContext, PartyNormativeDocumentEvent, undefined, PartyNormativeDocumentEvent, never>(fn);

const actions = {
  recordDraft: record(({ context, event }) => {
    const p = payloadOf<SubmitDraftPayload>(event);
    const round = context.round + 1;
    const exempt = p.filingScope === 'EXEMPT';
    const draft: DraftRecord = {
      ...stamp(event),
      round,
      title: String(p.title ?? ''),
      documentHash: String(p.documentHash ?? ''),
      filingScope: exempt ? 'EXEMPT' : 'REQUIRED',
      exemption: exempt && p.exemption ? { category: p.exemption.category, justification: String(p.exemption.justification) } : null,
      explanation: orNull(p.explanation),
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
    const c = p.checks;
    const opinion: ReviewOpinionRecord = {
      ...stamp(event),
      round: context.round,
      ...LR.opinionBasics<ReviewOutcome>(event),
      suggestions: orNull(p.suggestions),
      checks: c
        ? {
            withinAuthorityAndProcedure: c.withinAuthorityAndProcedure === true,
            consistentWithConstitutionAndLaw: c.consistentWithConstitutionAndLaw === true,
            consistentWithPartyConstitutionAndPolicy: c.consistentWithPartyConstitutionAndPolicy === true,
            consistentWithHigherPartyRules: c.consistentWithHigherPartyRules === true,
            noObviousImpropriety: c.noObviousImpropriety === true,
          }
        : null,
      // only a declared exemption can be rejected
      exemptionRejected: p.exemptionRejected === true && currentDraft(context)?.filingScope === 'EXEMPT',
      documentHash: orNull(p.documentHash),
      reviewedDraftHash: LR.reviewedDraftHash(context.legalityReview, context.round),
    };
    return LR.appendReviewRecord(context.legalityReview, 'opinions', opinion);
  }),
  recordRevisions: record(({ context, event }) =>
    LR.appendReviewRecord(context.legalityReview, 'revisionConfirmations', LR.revisionConfirmation(stamp(event), context.round, event)),
  ),
  recordIssuance: record(({ context, event }) => {
    const p = payloadOf<IssueDocumentPayload>(event);
    const required = filingRequired(context);
    const due = event.facts?.filingDue;
    const issuance: IssuanceRecord = {
      ...stamp(event),
      round: context.round,
      issuedAt: String(p.issuedAt),
      documentNumber: String(p.documentNumber ?? ''),
      filingRequired: required,
      filingDue: required && isDay(due) ? due : null,
    };
    return { issuances: [...context.issuances, issuance] };
  }),
  recordFiling: record(({ context, event }) => {
    const p = payloadOf<RecordFilingPayload>(event);
    return {
      filings: [
        ...context.filings,
        {
          ...stamp(event),
          round: context.round,
          filedOn: String(p.filedOn),
          filedWith: String(p.filedWith ?? ''),
          receiptNumber: orNull(p.receiptNumber),
          materials: strings(p.materials),
        },
      ],
    };
  }),
  recordFilingReview: record(({ context, event }) => {
    const p = payloadOf<RecordFilingReviewResultPayload>(event);
    const result = p.result as FilingReviewResult;
    return {
      filingReviews: [...context.filingReviews, { ...stamp(event), round: context.round, result, receivedOn: String(p.receivedOn), notes: orNull(p.notes) }],
      standing: result === 'APPROVED' ? 'IN_FORCE' : 'CORRECTION_REQUIRED',
    };
  }),
  recordAmendment: record(({ context, event }) => ({
    amendments: [...context.amendments, { ...stamp(event), fromRound: context.round, reason: String(payloadOf<StartAmendmentPayload>(event).reason ?? '') }],
  })),
  recordRepeal: record(({ event }) => {
    const p = payloadOf<RepealDocumentPayload>(event);
    return { repeal: { ...stamp(event), reason: String(p.reason ?? ''), repealedOn: String(p.repealedOn) } };
  }),
  recordOverdue: record(({ context, event }) => {
    const p = payloadOf<MarkOverduePayload>(event);
    return { overdue: [...(context.overdue ?? []), { ...stamp(event), round: context.round, deadlineKey: String(p.deadlineKey), dueDate: String(p.dueDate) }] };
  }),
  recordWithdrawal: record(({ context, event }) => ({
    withdrawals: [...context.withdrawals, roundWithdrawal(stamp(event), context.round, event)],
  })),
};

// ================================================================================================
// The machine
// ================================================================================================

const ROOT = '#party-normative-document';

/** Policy P6. */
const WITHDRAW = {
  WITHDRAW: [
    { guard: when('WITHDRAW', 'standsInForce'), target: `${ROOT}.inForce`, actions: 'recordWithdrawal' },
    { guard: when('WITHDRAW', 'standsForCorrection'), target: `${ROOT}.correctionRequired`, actions: 'recordWithdrawal' },
    { guard: when('WITHDRAW'), target: `${ROOT}.withdrawn`, actions: 'recordWithdrawal' },
  ],
} as const;

const AMEND_OR_REPEAL = {
  START_AMENDMENT: { guard: when('START_AMENDMENT'), target: `${ROOT}.drafting`, actions: 'recordAmendment' },
  REPEAL_DOCUMENT: { guard: when('REPEAL_DOCUMENT'), target: `${ROOT}.repealed`, actions: 'recordRepeal' },
} as const;

export const partyNormativeDocumentV1Machine = setup({
  types: {} as {
    context: PartyNormativeDocumentContext;
    events: PartyNormativeDocumentEvent;
    input: WorkflowInput<CreatePartyNormativeDocumentPayload>;
  },
  guards: { ...ruleGuards(partyNormativeDocumentRules), ...routingGuards },
  actions,
}).createMachine({
  id: 'party-normative-document',
  initial: 'drafting',
  context: ({ input }) => {
    if (!input) return {} as PartyNormativeDocumentContext;
    const proposal = (input.payload?.proposal ?? {}) as Partial<CreatePartyNormativeDocumentPayload['proposal']>;
    return {
      caseId: input.caseId,
      title: String(input.payload?.title ?? ''),
      created: stamp(input),
      proposal: {
        issuingBody: String(proposal.issuingBody ?? ''),
        purpose: String(proposal.purpose ?? ''),
        mainContent: String(proposal.mainContent ?? ''),
      },
      round: 0,
      drafts: [],
      legalityReview: LR.noLegalityReview(),
      issuances: [],
      filings: [],
      filingReviews: [],
      standing: null,
      amendments: [],
      repeal: null,
      withdrawals: [],
    };
  },
  states: {
    drafting: {
      on: {
        SUBMIT_DRAFT: { guard: when('SUBMIT_DRAFT'), target: 'legalityReview', actions: 'recordDraft' },
        ...WITHDRAW,
      },
    },
    legalityReview: LR.legalityReviewState(when, { ...WITHDRAW }, {
      opinion: [
        { guard: when('ISSUE_REVIEW_OPINION', 'opinionIllegal'), target: `${ROOT}.drafting`, actions: 'recordOpinion' },
        { guard: when('ISSUE_REVIEW_OPINION', 'opinionWithRevisions'), target: 'revisionsRequired', actions: 'recordOpinion' },
        { guard: when('ISSUE_REVIEW_OPINION', 'opinionLegal'), target: `${ROOT}.issuance`, actions: 'recordOpinion' },
      ],
      revisions: { guard: when('CONFIRM_REVISIONS'), target: `${ROOT}.issuance`, actions: 'recordRevisions' },
    }),
    issuance: {
      on: {
        ISSUE_DOCUMENT: [
          { guard: when('ISSUE_DOCUMENT', 'filingRequired'), target: 'filing', actions: 'recordIssuance' },
          { guard: when('ISSUE_DOCUMENT'), target: 'exemptFromFiling', actions: 'recordIssuance' },
        ],
      },
    },
    filing: {
      on: {
        RECORD_FILING: { guard: when('RECORD_FILING'), target: 'filingReview', actions: 'recordFiling' },
        MARK_OVERDUE: { guard: when('MARK_OVERDUE'), target: 'filingOverdue', actions: 'recordOverdue' },
      },
    },
    /** policy P8: the filing period passed unfiled; a late filing is still recorded */
    filingOverdue: {
      on: {
        RECORD_FILING: { guard: when('RECORD_FILING'), target: 'filingReview', actions: 'recordFiling' },
      },
    },
    filingReview: {
      on: {
        RECORD_FILING_REVIEW_RESULT: [
          { guard: when('RECORD_FILING_REVIEW_RESULT', 'reviewApproved'), target: 'inForce', actions: 'recordFilingReview' },
          { guard: when('RECORD_FILING_REVIEW_RESULT', 'reviewCorrection'), target: 'correctionRequired', actions: 'recordFilingReview' },
        ],
      },
    },
    inForce: { on: { ...AMEND_OR_REPEAL } },
    correctionRequired: { on: { ...AMEND_OR_REPEAL } },
    exemptFromFiling: { type: 'final' },
    repealed: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});
