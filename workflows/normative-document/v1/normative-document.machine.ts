/**
 * Administrative normative document (行政规范性文件), version 1: the lifecycle of SPEC §4 —
 * drafting → public consultation → fair-competition review (market-related documents) → legality
 * review (合法性审核) → collective deliberation → unified registration and number → publication →
 * filing on each filing line → in force → expiry, amendment or repeal; cleanup reviews (清理).
 *
 * PURE: this file imports xstate and types only. Time arrives in the event (`at` / `today`), the
 * calendar periods as `facts` the runtime computed from the definition's declarations, so
 * replaying a case's history always yields the same snapshots.
 *
 * The rules in `normativeDocumentRules` are both the machine's guards and the engine's refusal
 * reasons (see major-decision v1 for the pattern).
 *
 * Sources: 国办发〔2018〕37号 (making and supervising normative documents; consultation ≥ 7
 * working days and the three unifications per SPEC, article text not read), 国办发〔2018〕115号
 * (legality review, 5–15 working days, UNCONFIRMED), OBE Arts. 62, 64, 65, FCR Art. 18, NBR Art. 13,
 * Zhejiang 省政府令第372号 (cleanup every two years; validity UNCONFIRMED). UNCONFIRMED figures are
 * configuration (facts and deadlines in the definition), never constants here.
 *
 * Policy decisions, numbered for reference:
 *  N1  Every document is consulted on publicly: by definition it affects rights and obligations
 *      (SPEC §4.1, §4.2 row 2). Whether it is market-related is declared with each draft.
 *  N2  Consultation minimum: general documents ≥ `facts.minClosesAt` (7 working days after
 *      `opensAt`, config normdoc.publicComment.minWorkdays); a shorter period needs a reason stated
 *      in the notice (37号 "原则上", as R713 Art. 15 for decisions). Market-related documents
 *      ≥ `facts.minMarketClosesAt` (30 days, rolled to a working day, config normdoc.marketRelated.minDays);
 *      OBE Art. 62 names no route to shorten it, so Docket offers none.
 *  N3  INV-N4: a market-related document needs the market entities heard and the feedback on the
 *      adoption of views published (OBE Art. 62) before it leaves consultation, then a passing
 *      fair-competition review (FCR Art. 18), checked again before legality review and publication.
 *      NOT_COMPLIANT sends the draft back to drafting.
 *  N4  Rounds as in major-decision P4: each draft opens a round; consultation, reviews and the
 *      meeting run again for it. ILLEGAL, meeting REVISE and a fair-competition NOT_COMPLIANT return
 *      to drafting.
 *  N5  INV-N1: SCHEDULE_MEETING needs a passing legality review of the current round (NBR Art. 13).
 *  N6  Unified number (统一编号, SPEC §4.2 row 6): allocated by the runtime on REGISTER_DOCUMENT
 *      from a central counter, in the event's own transaction, and passed as `facts.unifiedNumber`
 *      (fact kind `sequence`, pattern `normdoc.unifiedNumber.pattern`, default
 *      `{region}-{year}-{seq:4}` with `normdoc.unifiedNumber.region`, e.g. ZJLC01-2020-0009): never
 *      skipped (a refused or conflicting registration draws nothing), never given twice, restarting
 *      each year. The machine only refuses a registration without a number or with one this case
 *      already used (defence in depth). Histories written before central allocation carry the
 *      number in the payload; they replay with it.
 *  N7  INV-N2: the document takes effect only through PUBLISH_DOCUMENT, after registration, on an
 *      `effectiveFrom` no earlier than its publication (OBE Art. 64 ¶2). `inEffect` names the text
 *      in force; an amendment round leaves the previous text in force until the new one is published.
 *  N8  Validity (有效期): the document states `validUntil`, at the latest `facts.validityLastDay`:
 *      the last day of a period of normdoc.validity.years (default 5) years whose first day is
 *      `effectiveFrom` (CC Arts. 201–202, counted in years by the runtime), or, for 暂行 / 试行
 *      titles, `facts.provisionalValidityLastDay` (normdoc.validity.provisionalYears, default 2).
 *      Histories written before carry `validityLimit` (the day after a cap counted in days) and
 *      replay with it.
 *  N9  Filing (INV-N3): one parallel region per filing line, each with its own deadline from the
 *      publication day (SPEC §4.2 rows 8–8c). The government line always applies; the people's
 *      congress and township presidium lines when PUBLISH_DOCUMENT names them. The case is in force
 *      (state) once every line is filed; the text has legal effect from `effectiveFrom` regardless.
 *  N10 In force: expiry evaluation, cleanup reviews (Decree 372, every two years; a campaign started
 *      through the API opens one on every document in force with OPEN_CLEANUP_REVIEW, once per
 *      campaign, and RECORD_CLEANUP_REVIEW with its `campaignId` concludes it) and their
 *      conclusions are records;
 *      START_AMENDMENT, REPEAL_DOCUMENT and DECLARE_EXPIRED (after `validUntil`) act on them.
 *  N11 WITHDRAW (town head) before the meeting has decided: a first text is withdrawn (final); an
 *      amendment is abandoned and the text in force stays in force. A meeting that REJECTs an
 *      amendment likewise returns to `inForce`.
 *  N12 Separation of duties as in major-decision P8 (403).
 *  N13 INV-N3: once a filing line's period has passed unfiled, Docket itself (the `system` actor,
 *      from the line's deadline `onMissed`) sends MARK_FILING_OVERDUE for that line, the day after
 *      its due date: the line moves to `overdue` (逾期未报备), where the filing may still be recorded
 *      and the deadline keeps escalating. No person may send it; it is refused before the line's
 *      period has passed (FILING_PERIOD_NOT_PASSED). The marks are kept in `context.filingOverdue`,
 *      a key added only by this event, so the snapshots of cases that never went overdue are unchanged.
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
  AmendmentGround,
  ContentLimitsDto,
  CreateNormativeDocumentPayload,
  DeclareExpiredPayload,
  EvaluationConclusion,
  ExtendCommentPeriodPayload,
  FairCompetitionConclusion,
  FilingLine,
  IssueReviewOpinionPayload,
  MarkFilingOverduePayload,
  MeetingDecision,
  PublishDocumentPayload,
  PublishForCommentPayload,
  OpenCleanupReviewPayload,
  RecordCleanupReviewPayload,
  RecordExpiryEvaluationPayload,
  RecordFairCompetitionReviewPayload,
  RecordFilingPayload,
  RecordMeetingPayload,
  RegisterDocumentPayload,
  RepealDocumentPayload,
  ReviewOutcome,
  StartAmendmentPayload,
  SubmitDraftPayload,
  SubmitParticipationSummaryPayload,
} from './normative-document.payloads';
import { isDay, lastOf, nonEmpty, ofRound, orNull, payloadOf, strings } from '../../common/machine-helpers';
import { roundWithdrawal, stamp, type RoundWithdrawalRecordOf, type Stamp } from '../../common/stamp';

// ================================================================================================
// Events
// ================================================================================================

export const NORMATIVE_DOCUMENT_EVENT_TYPES = [
  'SUBMIT_DRAFT',
  'PUBLISH_FOR_COMMENT',
  'EXTEND_COMMENT_PERIOD',
  'CLOSE_COMMENT_PERIOD',
  'SUBMIT_PARTICIPATION_SUMMARY',
  'RECORD_FAIR_COMPETITION_REVIEW',
  'SUBMIT_FOR_LEGALITY_REVIEW',
  'ACCEPT_FOR_REVIEW',
  'RETURN_INCOMPLETE',
  'ISSUE_REVIEW_OPINION',
  'CONFIRM_REVISIONS',
  'SCHEDULE_MEETING',
  'RECORD_MEETING',
  'REGISTER_DOCUMENT',
  'PUBLISH_DOCUMENT',
  'RECORD_FILING',
  'RECORD_EXPIRY_EVALUATION',
  'OPEN_CLEANUP_REVIEW',
  'RECORD_CLEANUP_REVIEW',
  'START_AMENDMENT',
  'REPEAL_DOCUMENT',
  'DECLARE_EXPIRED',
  'WITHDRAW',
  'MARK_FILING_OVERDUE',
] as const;
export type NormativeDocumentEventType = (typeof NORMATIVE_DOCUMENT_EVENT_TYPES)[number];

export type NormativeDocumentEvent = {
  [K in NormativeDocumentEventType]: WorkflowEvent & { type: K };
}[NormativeDocumentEventType];

// ================================================================================================
// Context
// ================================================================================================

export type { Stamp } from '../../common/stamp';

export interface DraftRecord extends Stamp {
  round: number;
  title: string;
  documentHash: string;
  marketRelated: boolean;
  /** 暂行 / 试行 in the title (policy N8) */
  provisional: boolean;
  explanation: string;
  assessment: string | null;
}

export interface ConsultationRecord {
  round: number;
  notice:
    | (Stamp & {
        opensAt: string;
        closesAt: string;
        channels: string[];
        shortenedReason: string | null;
        /** the earliest lawful close the runtime computed for this document (policy N2) */
        minClosesAt: string | null;
      })
    | null;
  extensions: Array<Stamp & { previousClosesAt: string; closesAt: string; reason: string }>;
  closed: (Stamp & { closedOn: string }) | null;
  summary:
    | (Stamp & {
        received: number;
        adopted: number;
        summary: string;
        marketEntitiesHeard: string[];
        adoptionFeedback: { publishedAt: string; channel: string; summary: string } | null;
      })
    | null;
}

export interface FairCompetitionReviewRecord extends Stamp {
  round: number;
  conclusion: FairCompetitionConclusion;
  summary: string;
  reviewedOn: string;
  exceptionReason: string | null;
  documentHash: string | null;
}

/** The shared submission record (workflows/common/legality-review) and the review period it was given. */
export interface LegalitySubmissionRecord extends LR.LegalitySubmissionOf<Stamp> {
  /** facts.minCompletionDate / facts.maxCompletionDate (the configured 5 / 15 working days) */
  minCompletionDate: string | null;
  maxCompletionDate: string | null;
}

export interface ReviewOpinionRecord extends Stamp {
  round: number;
  outcome: ReviewOutcome;
  reasons: string;
  legalBasis: string[];
  legalAdvisers: string[];
  suggestions: string | null;
  contentLimits: ContentLimitsDto | null;
  documentHash: string | null;
  reviewedDraftHash: string | null;
}

export interface LegalityReviewRecords
  extends LR.LegalityReviewRecordsOf<
    LegalitySubmissionRecord,
    LR.LegalityAcceptanceOf<Stamp>,
    LR.LegalityReturnOf<Stamp>,
    ReviewOpinionRecord,
    LR.RevisionConfirmationOf<Stamp>
  > {}

/** The meeting of a round (workflows/common/collective-decision): every (re)scheduling and the minutes. */
export interface MeetingRecord
  extends CD.MeetingRecordOf<
    Stamp,
    Stamp & {
      heldAt: string;
      attendees: string[];
      decision: MeetingDecision;
      summary: string;
      reviewerAttended: boolean;
      minutesHash: string | null;
    }
  > {}

export interface RegistrationRecord extends Stamp {
  round: number;
  unifiedNumber: string;
  documentNumber: string | null;
  registeredOn: string;
}

export interface PublicationRecord extends Stamp {
  round: number;
  unifiedNumber: string;
  publishedAt: string;
  channels: string[];
  effectiveFrom: string;
  validUntil: string;
  filingLines: FilingLine[];
  /** the due date of each filing line, computed by the runtime from `publishedAt` (facts) */
  filingDue: Partial<Record<FilingLine, string>>;
  interpretation: string | null;
  transitionPeriod: string | null;
}

export interface FilingRecord extends Stamp {
  round: number;
  line: FilingLine;
  filedOn: string;
  filedWith: string;
  receiptNumber: string | null;
}

/** A cleanup review a campaign opened on the document (policy N10); `reviewedOn` once concluded. */
export interface CleanupCampaignRecord extends Stamp {
  campaignId: string;
  campaign: string;
  round: number;
  openedOn: string;
  reviewedOn: string | null;
}

/** The text in force (policy N7). */
export interface InEffect {
  round: number;
  unifiedNumber: string;
  publishedAt: string;
  effectiveFrom: string;
  validUntil: string;
}

export interface NormativeDocumentContext {
  caseId: string;
  title: string;
  created: Stamp;
  proposal: { purpose: string; legalBasis: string; mainContent: string; draftingUnit: string | null };
  round: number;
  drafts: DraftRecord[];
  consultations: ConsultationRecord[];
  fairCompetitionReviews: FairCompetitionReviewRecord[];
  legalityReview: LegalityReviewRecords;
  meetings: MeetingRecord[];
  registrations: RegistrationRecord[];
  publications: PublicationRecord[];
  filings: FilingRecord[];
  inEffect: InEffect | null;
  expiryEvaluations: Array<Stamp & { round: number; conclusion: EvaluationConclusion; report: string; evaluatedOn: string }>;
  cleanupReviews: Array<
    Stamp & { round: number; conclusion: EvaluationConclusion; reasons: string; campaign: string | null; reviewedOn: string; campaignId?: string }
  >;
  /**
   * cleanup reviews opened by campaigns (policy N10); absent until the first one, so that cases
   * created before campaigns existed keep their snapshots
   */
  cleanupCampaigns?: CleanupCampaignRecord[];
  amendments: Array<Stamp & { fromRound: number; ground: AmendmentGround; reason: string }>;
  repeal: (Stamp & { reason: string; publishedAt: string; channels: string[] }) | null;
  expiry: (Stamp & { expiredOn: string; note: string | null }) | null;
  withdrawals: Array<RoundWithdrawalRecordOf<Stamp>>;
  /** policy N13: the filing periods that passed unfiled (absent until the first one) */
  filingOverdue?: Array<Stamp & { round: number; line: FilingLine; deadlineKey: string; dueDate: string }>;
}

// ================================================================================================
// Pure helpers
// ================================================================================================

type Ctx = NormativeDocumentContext;

const dayOrNull = (v: unknown): string | null => (isDay(v) ? v : null);

/**
 * The unified number of a REGISTER_DOCUMENT event: allocated by the runtime (`facts.unifiedNumber`,
 * policy N6), or, in histories written before central allocation, the one the payload carried.
 */
export function unifiedNumberOf(event: { payload?: unknown; facts?: Record<string, unknown> }): string | undefined {
  const n = event.facts?.unifiedNumber ?? (payloadOf<{ unifiedNumber: string }>(event).unifiedNumber as unknown);
  return nonEmpty(n) ? n : undefined;
}

/** Titles with 暂行 / 试行 are provisional: the shorter validity applies (policy N8). */
export const isProvisionalTitle = (title: string): boolean => /暂行|试行/.test(title);

export function currentDraft(ctx: Ctx): DraftRecord | undefined {
  return ctx.drafts.find((d) => d.round === ctx.round);
}

export function currentConsultation(ctx: Ctx): ConsultationRecord | undefined {
  return ctx.consultations.find((c) => c.round === ctx.round);
}

/** The last day of the consultation, extensions included. */
export function effectiveClosesAt(c: ConsultationRecord | undefined): string | null {
  if (!c?.notice) return null;
  return lastOf(c.extensions)?.closesAt ?? c.notice.closesAt;
}

const marketRelated = (ctx: Ctx): boolean => currentDraft(ctx)?.marketRelated === true;

/** INV-N4 (FCR Art. 18): a market-related draft of the current round has passed fair-competition review. */
export function fairCompetitionReviewPassed(ctx: Ctx): boolean {
  if (!marketRelated(ctx)) return true;
  const last = lastOf(ofRound(ctx.fairCompetitionReviews, ctx.round));
  return last?.conclusion === 'COMPLIANT' || last?.conclusion === 'EXCEPTION_APPLIES';
}

export function currentOpinion(ctx: Ctx): ReviewOpinionRecord | undefined {
  return LR.opinionOfRound(ctx.legalityReview, ctx.round);
}

const currentDraftHash = (ctx: Ctx) => currentDraft(ctx)?.documentHash;

/** INV-N1: a passing legality-review opinion for the current draft. */
export function legalityReviewPassed(ctx: Ctx): boolean {
  return LR.reviewPassedInRound(ctx.legalityReview, ctx.round);
}

export function currentRegistration(ctx: Ctx): RegistrationRecord | undefined {
  return lastOf(ofRound(ctx.registrations, ctx.round));
}

export function currentPublication(ctx: Ctx): PublicationRecord | undefined {
  return lastOf(ofRound(ctx.publications, ctx.round));
}

/** The filing line each filing deadline of the definition tracks (policy N13). */
export const FILING_DEADLINE_LINES: Readonly<Record<string, FilingLine>> = {
  governmentFiling: 'GOVERNMENT',
  peoplesCongressFiling: 'PEOPLES_CONGRESS',
  townshipPresidiumFiling: 'TOWNSHIP_PRESIDIUM',
};

/** The due date of a filing line of the current publication (for the deadline declarations). */
export function filingDueDate(ctx: Ctx, line: FilingLine): string | undefined {
  return currentPublication(ctx)?.filingDue[line];
}

// ================================================================================================
// Rules
// ================================================================================================

type Rule = RuleDefinition<NormativeDocumentContext>;
const GB37 = '《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）';
const GB115 = '《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发〔2018〕115号）';
const OBE = '《优化营商环境条例》';
const ZJ372 = '《浙江省行政规范性文件管理办法》（浙江省人民政府令第372号）';

export const normativeDocumentRules = {
  // --- public consultation -----------------------------------------------------------------------
  commentPeriodValid: {
    check: ({ event }) => {
      const p = payloadOf<PublishForCommentPayload>(event);
      return isDay(p.opensAt) && isDay(p.closesAt) && p.closesAt > p.opensAt;
    },
    refusal: {
      code: 'COMMENT_PERIOD_INVALID',
      article: '国办发〔2018〕37号',
      zh: `公开征求意见的截止日期应当晚于开始日期（${GB37}）`,
      en: 'The consultation must close after it opens (State Council General Office Doc. [2018] No. 37).',
    },
  },
  consultationLongEnough: {
    check: ({ context, event }) => {
      if (marketRelated(context)) return true; // the market-related minimum applies instead (policy N2)
      const p = payloadOf<PublishForCommentPayload>(event);
      if (nonEmpty(p.shortenedReason)) return true;
      const min = event.facts?.minClosesAt;
      return isDay(min) && isDay(p.closesAt) && p.closesAt >= min;
    },
    refusal: {
      code: 'CONSULTATION_PERIOD_TOO_SHORT',
      article: '国办发〔2018〕37号',
      zh: `行政规范性文件公开征求意见的期限一般不少于7个工作日；确需缩短的，应当在征求意见时说明理由（${GB37}）`,
      en: 'A normative document must be open for comment for at least 7 working days; a shorter period needs a reason stated in the notice (State Council General Office Doc. [2018] No. 37).',
    },
  },
  marketConsultationLongEnough: {
    check: ({ context, event }) => {
      if (!marketRelated(context)) return true;
      const p = payloadOf<PublishForCommentPayload>(event);
      const min = event.facts?.minMarketClosesAt;
      return isDay(min) && isDay(p.closesAt) && p.closesAt >= min;
    },
    refusal: {
      code: 'MARKET_CONSULTATION_TOO_SHORT',
      article: 'OBE Art. 62',
      zh: `与市场主体生产经营活动密切相关的行政规范性文件，向社会公开征求意见的期限一般不少于30日（${OBE}第六十二条）`,
      en: 'A normative document closely related to market entities’ business must be open for comment for at least 30 days (Regulations on Optimizing the Business Environment Art. 62).',
    },
  },
  commentExtensionLater: {
    check: ({ context, event }) => {
      const closesAt = payloadOf<ExtendCommentPeriodPayload>(event).closesAt;
      const current = effectiveClosesAt(currentConsultation(context));
      return isDay(closesAt) && current !== null && closesAt > current;
    },
    refusal: {
      code: 'COMMENT_EXTENSION_NOT_LATER',
      article: '国办发〔2018〕37号',
      zh: `延长后的征求意见截止日期应当晚于现截止日期（${GB37}）`,
      en: 'An extension must move the closing day later than the current one (State Council General Office Doc. [2018] No. 37).',
    },
  },
  commentPeriodEnded: {
    precondition: true,
    check: ({ context, event }) => {
      const closesAt = effectiveClosesAt(currentConsultation(context));
      return closesAt !== null && isDay(event.today) && event.today > closesAt;
    },
    refusal: {
      code: 'COMMENT_PERIOD_NOT_ENDED',
      article: 'CC Art. 203',
      zh: '公开征求意见期限尚未届满，不得结束征求意见；期限的最后一日截止到二十四时（《民法典》第二百零三条）',
      en: 'The consultation period has not ended; its last day runs until 24:00 (Civil Code Art. 203).',
    },
  },
  marketEntitiesHeard: {
    field: 'marketEntitiesHeard',
    check: ({ context, event }) =>
      !marketRelated(context) || strings(payloadOf<SubmitParticipationSummaryPayload>(event).marketEntitiesHeard).some(nonEmpty),
    refusal: {
      code: 'MARKET_ENTITIES_NOT_HEARD',
      article: 'OBE Art. 62',
      zh: `制定与市场主体生产经营活动密切相关的行政规范性文件，应当充分听取市场主体、行业协会商会的意见，请列明听取意见的市场主体或者行业协会商会（${OBE}第六十二条第一款）`,
      en: 'A market-related document must be drafted hearing market entities and business associations; name those heard (Regulations on Optimizing the Business Environment Art. 62 ¶1).',
    },
  },
  adoptionFeedbackPublished: {
    field: 'adoptionFeedback',
    check: ({ context, event }) => {
      if (!marketRelated(context)) return true;
      const f = payloadOf<SubmitParticipationSummaryPayload>(event).adoptionFeedback;
      return !!f && isDay(f.publishedAt) && nonEmpty(f.summary);
    },
    refusal: {
      code: 'ADOPTION_FEEDBACK_REQUIRED',
      article: 'OBE Art. 62',
      zh: `与市场主体生产经营活动密切相关的行政规范性文件，应当建立健全意见采纳情况反馈机制，请记录意见采纳情况的反馈（${OBE}第六十二条第二款）`,
      en: 'For a market-related document the feedback on how the views were adopted must be recorded (Regulations on Optimizing the Business Environment Art. 62 ¶2).',
    },
  },

  // --- fair-competition review -------------------------------------------------------------------
  fairCompetitionReviewPassed: {
    precondition: true,
    check: ({ context }) => fairCompetitionReviewPassed(context),
    refusal: {
      code: 'FAIR_COMPETITION_REVIEW_REQUIRED',
      article: 'FCR Art. 18',
      zh: '涉及经营者经济活动的政策措施未经公平竞争审查，或者经审查认为违反规定的，不得出台（《公平竞争审查条例》第十八条）',
      en: 'A measure touching business activity may not be issued without a passing fair-competition review (Fair Competition Review Regulations Art. 18).',
    },
  },

  // --- legality review (same events and meaning as major-decision v1) -----------------------------
  draftHashMatches: LR.draftHashMatchesRule<Ctx>(currentDraftHash, {
    code: 'DRAFT_HASH_MISMATCH',
    article: '国办发〔2018〕115号',
    zh: `送审的文件草案与本案当前登记的草案不一致，请送审当前草案（${GB115}）`,
    en: 'The draft submitted for review is not the draft currently on record; submit the current draft (State Council General Office Doc. [2018] No. 115).',
  }),
  legalityReviewPeriodSufficient: LR.reviewPeriodSufficientRule<Ctx>({
    code: 'LEGALITY_REVIEW_PERIOD_TOO_SHORT',
    article: '国办发〔2018〕115号',
    zh: `合法性审核应当保证必要的审核时间，一般不少于5个工作日；确需缩短的，应当说明紧急理由（${GB115}）`,
    en: 'The legality review needs at least 5 working days; a shorter period needs an urgent reason (State Council General Office Doc. [2018] No. 115).',
  }),
  separationOfDuties: LR.separationOfDutiesRule<Ctx>({
    code: 'SEPARATION_OF_DUTIES',
    article: '国办发〔2018〕115号',
    status: 403,
    zh: `送请合法性审核的人员不得出具同一文件的审核意见，不得以征求意见、会签等方式代替合法性审核（${GB115}）`,
    en: 'Whoever submitted the document for legality review may not issue its review opinion (State Council General Office Doc. [2018] No. 115).',
  }),
  revisionsApplied: LR.revisionsAppliedRule<Ctx>(currentDraftHash, {
    code: 'REVISION_HASH_UNCHANGED',
    article: '国办发〔2018〕115号',
    zh: `起草单位应当根据合法性审核意见对文件进行修改；所报修改稿与送审稿相同（${GB115}）`,
    en: 'The draft must be revised according to the review opinion; the document given is identical to the reviewed one (State Council General Office Doc. [2018] No. 115).',
  }),

  // --- collective deliberation -------------------------------------------------------------------
  legalityReviewPassed: LR.reviewPassedRule<Ctx>(legalityReviewPassed, {
    code: 'LEGALITY_REVIEW_REQUIRED',
    article: 'NBR Art. 13',
    zh: '行政规范性文件未经合法性审查或者经审查不合法的，不得提交集体审议、不得发布（《宁波市法治乡村建设促进条例》第十三条）',
    en: 'A normative document that has not passed legality review may not be deliberated or issued (Ningbo Rule-of-Law Village Regulations Art. 13).',
  }),

  // --- registration and publication --------------------------------------------------------------
  unifiedNumberAllocated: {
    check: ({ event }) => unifiedNumberOf(event) !== undefined,
    refusal: {
      code: 'UNIFIED_NUMBER_MISSING',
      article: '国办发〔2018〕37号',
      zh: `行政规范性文件应当统一编号；本次登记未取得统一编号，请联系系统管理员检查编号规则（${GB37}）`,
      en: 'A normative document is registered under a unified number; none was allocated to this registration, ask an administrator to check the numbering configuration (State Council General Office Doc. [2018] No. 37).',
    },
  },
  unifiedNumberNotReused: {
    check: ({ context, event }) => {
      const n = unifiedNumberOf(event);
      return n !== undefined && !context.registrations.some((r) => r.unifiedNumber === n);
    },
    refusal: {
      code: 'UNIFIED_NUMBER_REUSED',
      article: '国办发〔2018〕37号',
      zh: `统一编号不得重复使用，修改后的文件应当重新登记编号（${GB37}）`,
      en: 'A unified number is never reused; an amended document is registered under a new number (State Council General Office Doc. [2018] No. 37).',
    },
  },
  filingPeriodPassed: {
    check: ({ context, event }) => {
      const p = payloadOf<MarkFilingOverduePayload>(event);
      const line = typeof p.deadlineKey === 'string' ? FILING_DEADLINE_LINES[p.deadlineKey] : undefined;
      const due = line ? filingDueDate(context, line) : undefined;
      return isDay(due) && isDay(event.today) && event.today > due && p.dueDate === due;
    },
    refusal: {
      code: 'FILING_PERIOD_NOT_PASSED',
      article: '国办发〔2018〕37号',
      zh: `该备案渠道的报送备案期限尚未届满，或者所称的到期日与本次公布的备案期限不符，不能标记为逾期未报备（${GB37}）`,
      en: 'The filing period of this line has not passed yet, or the due date named is not the one of this publication: the line cannot be marked overdue (State Council General Office Doc. [2018] No. 37).',
    },
  },
  registeredBeforePublication: {
    precondition: true,
    check: ({ context }) => currentRegistration(context) !== undefined,
    refusal: {
      code: 'UNIFIED_NUMBER_REQUIRED',
      article: '国办发〔2018〕37号',
      zh: `行政规范性文件应当统一登记、统一编号、统一印发，未经登记编号的不得发布（${GB37}）`,
      en: 'A normative document is registered and numbered before it is issued (State Council General Office Doc. [2018] No. 37).',
    },
  },
  effectiveAfterPublication: {
    check: ({ event }) => {
      const p = payloadOf<PublishDocumentPayload>(event);
      return isDay(p.publishedAt) && isDay(p.effectiveFrom) && p.effectiveFrom >= p.publishedAt;
    },
    refusal: {
      code: 'EFFECTIVE_BEFORE_PUBLICATION',
      article: 'OBE Art. 64',
      zh: `行政规范性文件未经公布的，不得作为行政管理依据；施行日期不得早于公布日期（${OBE}第六十四条第二款）`,
      en: 'An unpublished normative document cannot be the basis of administration: it may not take effect before its publication (Regulations on Optimizing the Business Environment Art. 64 ¶2).',
    },
  },
  validityPeriodValid: {
    check: ({ event }) => {
      const p = payloadOf<PublishDocumentPayload>(event);
      return isDay(p.effectiveFrom) && isDay(p.validUntil) && p.validUntil >= p.effectiveFrom;
    },
    refusal: {
      code: 'VALIDITY_PERIOD_INVALID',
      article: '浙江省人民政府令第372号',
      zh: `有效期的截止日期不得早于施行日期（${ZJ372}）`,
      en: 'The validity may not end before the document takes effect (Zhejiang Provincial Government Decree No. 372).',
    },
  },
  validityWithinLimit: {
    check: ({ context, event }) => {
      const p = payloadOf<PublishDocumentPayload>(event);
      if (!isDay(p.validUntil)) return false;
      const provisional = currentDraft(context)?.provisional === true;
      const lastDay = provisional ? event.facts?.provisionalValidityLastDay : event.facts?.validityLastDay;
      if (isDay(lastDay)) return p.validUntil <= lastDay;
      // histories written before the cap was counted in years (policy N8)
      const limit = provisional ? event.facts?.provisionalValidityLimit : event.facts?.validityLimit;
      return isDay(limit) && p.validUntil < limit;
    },
    refusal: {
      code: 'VALIDITY_PERIOD_TOO_LONG',
      article: '浙江省人民政府令第372号',
      zh: `行政规范性文件的有效期一般不超过5年，名称冠以“暂行”“试行”的不超过2年（${ZJ372}）`,
      en: 'A normative document is valid for at most 5 years, a provisional (暂行 / 试行) one for at most 2 (Zhejiang Provincial Government Decree No. 372).',
    },
  },

  // --- in force ----------------------------------------------------------------------------------
  cleanupReviewNotYetOpened: {
    check: ({ context, event }) => {
      const id = payloadOf<OpenCleanupReviewPayload>(event).campaignId;
      return nonEmpty(id) && !(context.cleanupCampaigns ?? []).some((c) => c.campaignId === id);
    },
    refusal: {
      code: 'CLEANUP_REVIEW_ALREADY_OPEN',
      article: '浙江省人民政府令第372号',
      status: 409,
      zh: `本次清理已对该文件启动清理审查，不重复启动（${ZJ372}）`,
      en: 'This cleanup campaign has already opened a cleanup review of the document (Zhejiang Provincial Government Decree No. 372).',
    },
  },
  cleanupCampaignOpen: {
    check: ({ context, event }) => {
      const id = payloadOf<RecordCleanupReviewPayload>(event).campaignId;
      return id === undefined || (context.cleanupCampaigns ?? []).some((c) => c.campaignId === id && c.reviewedOn === null);
    },
    refusal: {
      code: 'CLEANUP_CAMPAIGN_NOT_OPEN',
      article: '浙江省人民政府令第372号',
      zh: `该清理活动未对本文件启动清理审查，或者已经作出清理结论（${ZJ372}）`,
      en: 'That cleanup campaign opened no review of this document, or its conclusion is already recorded (Zhejiang Provincial Government Decree No. 372).',
    },
  },
  validityEnded: {
    precondition: true,
    check: ({ context, event }) => {
      const until = context.inEffect?.validUntil;
      return isDay(until) && isDay(event.today) && event.today > until;
    },
    refusal: {
      code: 'VALIDITY_NOT_ENDED',
      article: 'CC Art. 203',
      zh: '文件有效期尚未届满，不能宣布失效；有效期的最后一日截止到二十四时（《民法典》第二百零三条）',
      en: 'The document’s validity has not ended; its last day runs until 24:00 (Civil Code Art. 203).',
    },
  },
} satisfies Record<string, Rule>;

export type NormativeDocumentRuleName = keyof typeof normativeDocumentRules;

export const NORMATIVE_DOCUMENT_EVENT_RULES = {
  SUBMIT_DRAFT: [],
  PUBLISH_FOR_COMMENT: ['commentPeriodValid', 'consultationLongEnough', 'marketConsultationLongEnough'],
  EXTEND_COMMENT_PERIOD: ['commentExtensionLater'],
  CLOSE_COMMENT_PERIOD: ['commentPeriodEnded'],
  SUBMIT_PARTICIPATION_SUMMARY: ['marketEntitiesHeard', 'adoptionFeedbackPublished'],
  RECORD_FAIR_COMPETITION_REVIEW: [],
  SUBMIT_FOR_LEGALITY_REVIEW: ['fairCompetitionReviewPassed', 'draftHashMatches', 'legalityReviewPeriodSufficient'],
  ACCEPT_FOR_REVIEW: [],
  RETURN_INCOMPLETE: [],
  ISSUE_REVIEW_OPINION: ['separationOfDuties'],
  CONFIRM_REVISIONS: ['revisionsApplied'],
  SCHEDULE_MEETING: ['legalityReviewPassed'],
  RECORD_MEETING: [],
  REGISTER_DOCUMENT: ['unifiedNumberAllocated', 'unifiedNumberNotReused'],
  PUBLISH_DOCUMENT: [
    'registeredBeforePublication',
    'fairCompetitionReviewPassed',
    'effectiveAfterPublication',
    'validityPeriodValid',
    'validityWithinLimit',
  ],
  RECORD_FILING: [],
  RECORD_EXPIRY_EVALUATION: [],
  OPEN_CLEANUP_REVIEW: ['cleanupReviewNotYetOpened'],
  RECORD_CLEANUP_REVIEW: ['cleanupCampaignOpen'],
  START_AMENDMENT: [],
  REPEAL_DOCUMENT: [],
  DECLARE_EXPIRED: ['validityEnded'],
  WITHDRAW: [],
  MARK_FILING_OVERDUE: ['filingPeriodPassed'],
} as const satisfies Record<NormativeDocumentEventType, readonly NormativeDocumentRuleName[]>;

// ================================================================================================
// Guards
// ================================================================================================

type GuardArgs = { context: NormativeDocumentContext; event: NormativeDocumentEvent };
const filingLineIs = (line: FilingLine) => ({ event }: GuardArgs) => payloadOf<RecordFilingPayload>(event).line === line;
const overdueLineIs = (line: FilingLine) => ({ event }: GuardArgs) => FILING_DEADLINE_LINES[String(payloadOf<MarkFilingOverduePayload>(event).deadlineKey)] === line;
const lineNotRequired = (line: FilingLine) => ({ context }: GuardArgs) => !currentPublication(context)?.filingLines.includes(line);
const routingGuards = {
  draftMarketRelated: ({ context }: GuardArgs) => marketRelated(context),
  fcrPassing: ({ event }: GuardArgs) => {
    const c = payloadOf<RecordFairCompetitionReviewPayload>(event).conclusion;
    return c === 'COMPLIANT' || c === 'EXCEPTION_APPLIES';
  },
  fcrNotCompliant: ({ event }: GuardArgs) => payloadOf<RecordFairCompetitionReviewPayload>(event).conclusion === 'NOT_COMPLIANT',
  opinionIllegal: LR.opinionIllegal,
  opinionWithRevisions: LR.opinionWithRevisions,
  opinionLegal: LR.opinionLegal,
  meetingApproved: CD.meetingApproved,
  meetingRejected: CD.meetingRejected,
  meetingPostponed: CD.meetingPostponed,
  meetingRevise: CD.meetingRevise,
  hasTextInForce: ({ context }: GuardArgs) => context.inEffect !== null,
  lineGovernment: filingLineIs('GOVERNMENT'),
  linePeoplesCongress: filingLineIs('PEOPLES_CONGRESS'),
  lineTownshipPresidium: filingLineIs('TOWNSHIP_PRESIDIUM'),
  overdueGovernment: overdueLineIs('GOVERNMENT'),
  overduePeoplesCongress: overdueLineIs('PEOPLES_CONGRESS'),
  overdueTownshipPresidium: overdueLineIs('TOWNSHIP_PRESIDIUM'),
  peoplesCongressNotRequired: lineNotRequired('PEOPLES_CONGRESS'),
  townshipPresidiumNotRequired: lineNotRequired('TOWNSHIP_PRESIDIUM'),
};
type GuardName = NormativeDocumentRuleName | keyof typeof routingGuards;

/** The guard of a transition: the event's rules in order, then routing guards. */
const when = whenOf<NormativeDocumentEventType, GuardName>(NORMATIVE_DOCUMENT_EVENT_RULES);

// ================================================================================================
// Actions
// ================================================================================================

type ActionArgs = { context: NormativeDocumentContext; event: NormativeDocumentEvent };
const record = (fn: (args: ActionArgs) => Partial<NormativeDocumentContext>) =>
  assign<NormativeDocumentContext, NormativeDocumentEvent, undefined, NormativeDocumentEvent, never>(fn);

function updateConsultation(ctx: Ctx, fn: (c: ConsultationRecord) => ConsultationRecord): ConsultationRecord[] {
  const existing = currentConsultation(ctx);
  const base: ConsultationRecord = existing ?? { round: ctx.round, notice: null, extensions: [], closed: null, summary: null };
  const updated = fn(base);
  return existing ? ctx.consultations.map((c) => (c === existing ? updated : c)) : [...ctx.consultations, updated];
}

const actions = {
  recordDraft: record(({ context, event }) => {
    const p = payloadOf<SubmitDraftPayload>(event);
    const round = context.round + 1;
    const title = String(p.title ?? '');
    const draft: DraftRecord = {
      ...stamp(event),
      round,
      title,
      documentHash: String(p.documentHash ?? ''),
      marketRelated: p.marketRelated === true,
      provisional: isProvisionalTitle(title),
      explanation: String(p.explanation ?? ''),
      assessment: orNull(p.assessment),
    };
    return { round, drafts: [...context.drafts, draft] };
  }),
  recordCommentNotice: record(({ context, event }) => {
    const p = payloadOf<PublishForCommentPayload>(event);
    const min = marketRelated(context) ? event.facts?.minMarketClosesAt : event.facts?.minClosesAt;
    return {
      consultations: updateConsultation(context, (c) => ({
        ...c,
        notice: {
          ...stamp(event),
          opensAt: String(p.opensAt),
          closesAt: String(p.closesAt),
          channels: strings(p.channels),
          shortenedReason: orNull(p.shortenedReason),
          minClosesAt: dayOrNull(min),
        },
      })),
    };
  }),
  recordCommentExtension: record(({ context, event }) => {
    const p = payloadOf<ExtendCommentPeriodPayload>(event);
    return {
      consultations: updateConsultation(context, (c) => ({
        ...c,
        extensions: [
          ...c.extensions,
          { ...stamp(event), previousClosesAt: effectiveClosesAt(c) ?? '', closesAt: String(p.closesAt), reason: String(p.reason ?? '') },
        ],
      })),
    };
  }),
  recordCommentClosed: record(({ context, event }) => ({
    consultations: updateConsultation(context, (c) => ({ ...c, closed: { ...stamp(event), closedOn: event.today } })),
  })),
  recordParticipationSummary: record(({ context, event }) => {
    const p = payloadOf<SubmitParticipationSummaryPayload>(event);
    const f = p.adoptionFeedback;
    return {
      consultations: updateConsultation(context, (c) => ({
        ...c,
        summary: {
          ...stamp(event),
          received: Number(p.received),
          adopted: Number(p.adopted),
          summary: String(p.summary ?? ''),
          marketEntitiesHeard: strings(p.marketEntitiesHeard),
          adoptionFeedback: f ? { publishedAt: String(f.publishedAt), channel: String(f.channel), summary: String(f.summary) } : null,
        },
      })),
    };
  }),
  recordFairCompetitionReview: record(({ context, event }) => {
    const p = payloadOf<RecordFairCompetitionReviewPayload>(event);
    const review: FairCompetitionReviewRecord = {
      ...stamp(event),
      round: context.round,
      conclusion: p.conclusion as FairCompetitionConclusion,
      summary: String(p.summary ?? ''),
      reviewedOn: String(p.reviewedOn),
      exceptionReason: orNull(p.exceptionReason),
      documentHash: orNull(p.documentHash),
    };
    return { fairCompetitionReviews: [...context.fairCompetitionReviews, review] };
  }),
  recordLegalitySubmission: record(({ context, event }) => {
    const submission: LegalitySubmissionRecord = {
      ...LR.legalitySubmission(stamp(event), context.round, event),
      minCompletionDate: dayOrNull(event.facts?.minCompletionDate),
      maxCompletionDate: dayOrNull(event.facts?.maxCompletionDate),
    };
    return LR.appendReviewRecord(context.legalityReview, 'submissions', submission);
  }),
  recordAcceptance: record(({ context, event }) =>
    LR.appendReviewRecord(context.legalityReview, 'acceptances', LR.legalityAcceptance(stamp(event), context.round, event)),
  ),
  recordReturn: record(({ context, event }) => LR.appendReviewRecord(context.legalityReview, 'returns', LR.legalityReturn(stamp(event), context.round, event))),
  recordOpinion: record(({ context, event }) => {
    const p = payloadOf<IssueReviewOpinionPayload>(event);
    const limits = p.contentLimits;
    const opinion: ReviewOpinionRecord = {
      ...stamp(event),
      round: context.round,
      ...LR.opinionBasics<ReviewOutcome>(event),
      suggestions: orNull(p.suggestions),
      contentLimits: limits
        ? {
            createsLicensing: limits.createsLicensing === true,
            createsPenalty: limits.createsPenalty === true,
            createsCompulsoryMeasure: limits.createsCompulsoryMeasure === true,
            reducesRightsOrAddsObligationsWithoutBasis: limits.reducesRightsOrAddsObligationsWithoutBasis === true,
            restrictsMarketEntryOrExit: limits.restrictsMarketEntryOrExit === true,
          }
        : null,
      documentHash: orNull(p.documentHash),
      reviewedDraftHash: LR.reviewedDraftHash(context.legalityReview, context.round),
    };
    return LR.appendReviewRecord(context.legalityReview, 'opinions', opinion);
  }),
  recordRevisions: record(({ context, event }) =>
    LR.appendReviewRecord(context.legalityReview, 'revisionConfirmations', LR.revisionConfirmation(stamp(event), context.round, event)),
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
      reviewerAttended: p.reviewerAttended === true,
      minutesHash: orNull(p.minutesHash),
    };
    return CD.recordMinutes(context.meetings, context.round, minutes);
  }),
  recordRegistration: record(({ context, event }) => {
    const p = payloadOf<RegisterDocumentPayload>(event);
    const registration: RegistrationRecord = {
      ...stamp(event),
      round: context.round,
      unifiedNumber: unifiedNumberOf(event) ?? '',
      documentNumber: orNull(p.documentNumber),
      registeredOn: event.today,
    };
    return { registrations: [...context.registrations, registration] };
  }),
  recordPublication: record(({ context, event }) => {
    const p = payloadOf<PublishDocumentPayload>(event);
    const lines: FilingLine[] = ['GOVERNMENT', ...(['PEOPLES_CONGRESS', 'TOWNSHIP_PRESIDIUM'] as const).filter((l) => strings(p.additionalFilingLines).includes(l))];
    const due: Record<FilingLine, unknown> = {
      GOVERNMENT: event.facts?.governmentFilingDue,
      PEOPLES_CONGRESS: event.facts?.peoplesCongressFilingDue,
      TOWNSHIP_PRESIDIUM: event.facts?.townshipPresidiumFilingDue,
    };
    const filingDue: Partial<Record<FilingLine, string>> = {};
    for (const l of lines) if (isDay(due[l])) filingDue[l] = due[l] as string;
    const unifiedNumber = currentRegistration(context)?.unifiedNumber ?? '';
    const publication: PublicationRecord = {
      ...stamp(event),
      round: context.round,
      unifiedNumber,
      publishedAt: String(p.publishedAt),
      channels: strings(p.channels),
      effectiveFrom: String(p.effectiveFrom),
      validUntil: String(p.validUntil),
      filingLines: lines,
      filingDue,
      interpretation: orNull(p.interpretation),
      transitionPeriod: orNull(p.transitionPeriod),
    };
    return {
      publications: [...context.publications, publication],
      inEffect: {
        round: context.round,
        unifiedNumber,
        publishedAt: publication.publishedAt,
        effectiveFrom: publication.effectiveFrom,
        validUntil: publication.validUntil,
      },
    };
  }),
  recordFilingOverdue: record(({ context, event }) => {
    const p = payloadOf<MarkFilingOverduePayload>(event);
    const line = FILING_DEADLINE_LINES[String(p.deadlineKey)];
    return {
      filingOverdue: [...(context.filingOverdue ?? []), { ...stamp(event), round: context.round, line, deadlineKey: String(p.deadlineKey), dueDate: String(p.dueDate) }],
    };
  }),
  recordFiling: record(({ context, event }) => {
    const p = payloadOf<RecordFilingPayload>(event);
    const filing: FilingRecord = {
      ...stamp(event),
      round: context.round,
      line: p.line as FilingLine,
      filedOn: String(p.filedOn),
      filedWith: String(p.filedWith ?? ''),
      receiptNumber: orNull(p.receiptNumber),
    };
    return { filings: [...context.filings, filing] };
  }),
  recordExpiryEvaluation: record(({ context, event }) => {
    const p = payloadOf<RecordExpiryEvaluationPayload>(event);
    return {
      expiryEvaluations: [
        ...context.expiryEvaluations,
        { ...stamp(event), round: context.round, conclusion: p.conclusion as EvaluationConclusion, report: String(p.report ?? ''), evaluatedOn: event.today },
      ],
    };
  }),
  recordCleanupReview: record(({ context, event }) => {
    const p = payloadOf<RecordCleanupReviewPayload>(event);
    const opened = nonEmpty(p.campaignId) ? context.cleanupCampaigns?.find((c) => c.campaignId === p.campaignId && c.reviewedOn === null) : undefined;
    return {
      cleanupReviews: [
        ...context.cleanupReviews,
        {
          ...stamp(event),
          round: context.round,
          conclusion: p.conclusion as EvaluationConclusion,
          reasons: String(p.reasons ?? ''),
          campaign: orNull(p.campaign) ?? opened?.campaign ?? null,
          reviewedOn: event.today,
          // only reviews a campaign opened carry the key (older histories replay unchanged)
          ...(opened ? { campaignId: opened.campaignId } : {}),
        },
      ],
      ...(opened ? { cleanupCampaigns: context.cleanupCampaigns!.map((c) => (c === opened ? { ...c, reviewedOn: event.today } : c)) } : {}),
    };
  }),
  openCleanupReview: record(({ context, event }) => {
    const p = payloadOf<OpenCleanupReviewPayload>(event);
    const opened: CleanupCampaignRecord = {
      ...stamp(event),
      campaignId: String(p.campaignId),
      campaign: String(p.campaign ?? ''),
      round: context.round,
      openedOn: event.today,
      reviewedOn: null,
    };
    return { cleanupCampaigns: [...(context.cleanupCampaigns ?? []), opened] };
  }),
  recordAmendment: record(({ context, event }) => {
    const p = payloadOf<StartAmendmentPayload>(event);
    return {
      amendments: [...context.amendments, { ...stamp(event), fromRound: context.round, ground: p.ground as AmendmentGround, reason: String(p.reason ?? '') }],
    };
  }),
  recordRepeal: record(({ event }) => {
    const p = payloadOf<RepealDocumentPayload>(event);
    return { repeal: { ...stamp(event), reason: String(p.reason ?? ''), publishedAt: String(p.publishedAt), channels: strings(p.channels) } };
  }),
  recordExpiry: record(({ event }) => ({
    expiry: { ...stamp(event), expiredOn: event.today, note: orNull(payloadOf<DeclareExpiredPayload>(event).note) },
  })),
  recordWithdrawal: record(({ context, event }) => ({
    withdrawals: [...context.withdrawals, roundWithdrawal(stamp(event), context.round, event)],
  })),
};

// ================================================================================================
// The machine
// ================================================================================================

const ROOT = '#normative-document';

/** Policy N11: an amendment is abandoned back to the text in force; a first text is withdrawn. */
const WITHDRAW = {
  WITHDRAW: [
    { guard: when('WITHDRAW', 'hasTextInForce'), target: `${ROOT}.inForce`, actions: 'recordWithdrawal' },
    { guard: when('WITHDRAW'), target: `${ROOT}.withdrawn`, actions: 'recordWithdrawal' },
  ],
} as const;

/**
 * One filing line (policy N9): pending until filed; optional lines skip to notRequired; a line whose
 * period passed unfiled is marked overdue by the system (policy N13) and may still be filed.
 */
function filingLine(filedGuard: GuardName, overdueGuard: GuardName, notRequiredGuard?: GuardName) {
  const file = { RECORD_FILING: { guard: when('RECORD_FILING', filedGuard), target: 'filed' as const, actions: 'recordFiling' as const } };
  return {
    initial: 'pending',
    states: {
      pending: {
        ...(notRequiredGuard ? { always: { guard: notRequiredGuard, target: 'notRequired' as const } } : {}),
        on: {
          ...file,
          MARK_FILING_OVERDUE: { guard: when('MARK_FILING_OVERDUE', overdueGuard), target: 'overdue' as const, actions: 'recordFilingOverdue' as const },
        },
      },
      overdue: { on: { ...file } },
      filed: { type: 'final' as const },
      ...(notRequiredGuard ? { notRequired: { type: 'final' as const } } : {}),
    },
  };
}

export const normativeDocumentV1Machine = setup({
  types: {} as {
    context: NormativeDocumentContext;
    events: NormativeDocumentEvent;
    input: WorkflowInput<CreateNormativeDocumentPayload>;
  },
  guards: { ...ruleGuards(normativeDocumentRules), ...routingGuards },
  actions,
}).createMachine({
  id: 'normative-document',
  initial: 'drafting',
  context: ({ input }) => {
    // xstate's pure transition() builds a throw-away actor without input on every call
    if (!input) return {} as NormativeDocumentContext;
    const proposal = (input.payload?.proposal ?? {}) as Partial<CreateNormativeDocumentPayload['proposal']>;
    return {
      caseId: input.caseId,
      title: String(input.payload?.title ?? ''),
      created: stamp(input),
      proposal: {
        purpose: String(proposal.purpose ?? ''),
        legalBasis: String(proposal.legalBasis ?? ''),
        mainContent: String(proposal.mainContent ?? ''),
        draftingUnit: orNull(proposal.draftingUnit),
      },
      round: 0,
      drafts: [],
      consultations: [],
      fairCompetitionReviews: [],
      legalityReview: LR.noLegalityReview(),
      meetings: [],
      registrations: [],
      publications: [],
      filings: [],
      inEffect: null,
      expiryEvaluations: [],
      cleanupReviews: [],
      amendments: [],
      repeal: null,
      expiry: null,
      withdrawals: [],
    };
  },
  states: {
    drafting: {
      on: {
        SUBMIT_DRAFT: { guard: when('SUBMIT_DRAFT'), target: 'publicConsultation', actions: 'recordDraft' },
        ...WITHDRAW,
      },
    },
    publicConsultation: {
      initial: 'preparing',
      on: { ...WITHDRAW },
      states: {
        preparing: {
          on: {
            PUBLISH_FOR_COMMENT: { guard: when('PUBLISH_FOR_COMMENT'), target: 'commentOpen', actions: 'recordCommentNotice' },
          },
        },
        commentOpen: {
          on: {
            EXTEND_COMMENT_PERIOD: { guard: when('EXTEND_COMMENT_PERIOD'), actions: 'recordCommentExtension' },
            CLOSE_COMMENT_PERIOD: { guard: when('CLOSE_COMMENT_PERIOD'), target: 'commentClosed', actions: 'recordCommentClosed' },
          },
        },
        commentClosed: {
          on: {
            SUBMIT_PARTICIPATION_SUMMARY: [
              {
                guard: when('SUBMIT_PARTICIPATION_SUMMARY', 'draftMarketRelated'),
                target: `${ROOT}.fairCompetitionReview`,
                actions: 'recordParticipationSummary',
              },
              { guard: when('SUBMIT_PARTICIPATION_SUMMARY'), target: `${ROOT}.legalityReview`, actions: 'recordParticipationSummary' },
            ],
          },
        },
      },
    },
    fairCompetitionReview: {
      on: {
        RECORD_FAIR_COMPETITION_REVIEW: [
          { guard: when('RECORD_FAIR_COMPETITION_REVIEW', 'fcrPassing'), target: 'legalityReview', actions: 'recordFairCompetitionReview' },
          { guard: when('RECORD_FAIR_COMPETITION_REVIEW', 'fcrNotCompliant'), target: 'drafting', actions: 'recordFairCompetitionReview' },
        ],
        ...WITHDRAW,
      },
    },
    legalityReview: LR.legalityReviewState(when, { ...WITHDRAW }, {
      opinion: [
        { guard: when('ISSUE_REVIEW_OPINION', 'opinionIllegal'), target: `${ROOT}.drafting`, actions: 'recordOpinion' },
        { guard: when('ISSUE_REVIEW_OPINION', 'opinionWithRevisions'), target: 'revisionsRequired', actions: 'recordOpinion' },
        { guard: when('ISSUE_REVIEW_OPINION', 'opinionLegal'), target: `${ROOT}.collectiveDeliberation`, actions: 'recordOpinion' },
      ],
      revisions: { guard: when('CONFIRM_REVISIONS'), target: `${ROOT}.collectiveDeliberation`, actions: 'recordRevisions' },
    }),
    collectiveDeliberation: CD.collectiveDecisionState(when, { ...WITHDRAW }, [
      { guard: when('RECORD_MEETING', 'meetingApproved'), target: `${ROOT}.registration`, actions: 'recordMeeting' },
      { guard: when('RECORD_MEETING', 'meetingRejected', 'hasTextInForce'), target: `${ROOT}.inForce`, actions: 'recordMeeting' },
      { guard: when('RECORD_MEETING', 'meetingRejected'), target: `${ROOT}.rejected`, actions: 'recordMeeting' },
      { guard: when('RECORD_MEETING', 'meetingPostponed'), target: 'preparing', actions: 'recordMeeting' },
      { guard: when('RECORD_MEETING', 'meetingRevise'), target: `${ROOT}.drafting`, actions: 'recordMeeting' },
    ]),
    registration: {
      on: {
        REGISTER_DOCUMENT: { guard: when('REGISTER_DOCUMENT'), target: 'publication', actions: 'recordRegistration' },
      },
    },
    publication: {
      on: {
        PUBLISH_DOCUMENT: { guard: when('PUBLISH_DOCUMENT'), target: 'filing', actions: 'recordPublication' },
      },
    },
    filing: {
      type: 'parallel',
      onDone: { target: 'inForce' },
      states: {
        government: filingLine('lineGovernment', 'overdueGovernment'),
        peoplesCongress: filingLine('linePeoplesCongress', 'overduePeoplesCongress', 'peoplesCongressNotRequired'),
        townshipPresidium: filingLine('lineTownshipPresidium', 'overdueTownshipPresidium', 'townshipPresidiumNotRequired'),
      },
    },
    inForce: {
      initial: 'effective',
      on: {
        OPEN_CLEANUP_REVIEW: { guard: when('OPEN_CLEANUP_REVIEW'), actions: 'openCleanupReview' },
        RECORD_CLEANUP_REVIEW: { guard: when('RECORD_CLEANUP_REVIEW'), actions: 'recordCleanupReview' },
        START_AMENDMENT: { guard: when('START_AMENDMENT'), target: 'drafting', actions: 'recordAmendment' },
        REPEAL_DOCUMENT: { guard: when('REPEAL_DOCUMENT'), target: 'repealed', actions: 'recordRepeal' },
        DECLARE_EXPIRED: { guard: when('DECLARE_EXPIRED'), target: 'expired', actions: 'recordExpiry' },
      },
      states: {
        effective: {
          on: {
            RECORD_EXPIRY_EVALUATION: { guard: when('RECORD_EXPIRY_EVALUATION'), target: 'evaluated', actions: 'recordExpiryEvaluation' },
          },
        },
        evaluated: {
          on: {
            RECORD_EXPIRY_EVALUATION: { guard: when('RECORD_EXPIRY_EVALUATION'), actions: 'recordExpiryEvaluation' },
          },
        },
      },
    },
    repealed: { type: 'final' },
    expired: { type: 'final' },
    rejected: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});
