/**
 * Payloads of the normative-document workflow (v1), one class per event, validated and whitelisted
 * by the API before the event reaches the engine.
 *
 * The legality-review events (SUBMIT_FOR_LEGALITY_REVIEW … CONFIRM_REVISIONS) carry the same fields
 * as in major-decision v1, so one review desk can serve every matter type.
 *
 * Conventions: date-only fields are `YYYY-MM-DD` (a day, read in Asia/Shanghai); instants are
 * ISO 8601 with an explicit offset; document hashes are SHA-256 lower-case hex.
 */
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DeadlineMissedPayload } from '../../common/deadline-missed.payload';
import { DATE_ONLY, IsRealDate, LONG_TEXT, MAX_ITEMS, SHA256_HEX, SHORT_TEXT } from '../../common/payload-validators';
// LR: the legality-review payloads and field decorators the matter workflows share
import * as LR from '../../common/legality-review/legality-review.payloads';
// CD: the collective-deliberation payloads and field decorators the workflows with a meeting share
import * as CD from '../../common/collective-decision/collective-decision.payloads';
import type { MeetingDecision } from '../../common/collective-decision/collective-decision.payloads';

/** The review events' payloads are the shared ones (workflows/common/legality-review, the same as major-decision v1). */
export { AcceptForReviewPayload, ConfirmRevisionsPayload, LegalityReviewMaterialsDto, REVIEW_OUTCOMES, ReturnIncompletePayload, SubmitForLegalityReviewPayload } from '../../common/legality-review/legality-review.payloads';
export type { ReviewOutcome } from '../../common/legality-review/legality-review.payloads';

/** SCHEDULE_MEETING and the meeting types and decisions are the shared ones (workflows/common/collective-decision). */
export { MEETING_DECISIONS, MEETING_TYPES, ScheduleMeetingPayload } from '../../common/collective-decision/collective-decision.payloads';
export type { MeetingDecision, MeetingType } from '../../common/collective-decision/collective-decision.payloads';

/** The comment period's events take the shared payloads (workflows/common/public-comment.payloads). */
export { CloseCommentPeriodPayload, ExtendCommentPeriodPayload, PublishForCommentPayload } from '../../common/public-comment.payloads';
/** WITHDRAW takes the shared reason (workflows/common/withdraw.payload). */
export { WithdrawPayload } from '../../common/withdraw.payload';

// ------------------------------------------------------------------------------------------------
// Enumerations (UPPER_SNAKE values are part of the API contract)
// ------------------------------------------------------------------------------------------------

/** No exploratory-risk outcome: that one exists for major decisions only (R713 Art. 25 ¶2). */

/** 《公平竞争审查条例》: compliant, an exception of the regulation applies, or not compliant (revise). */
export const FAIR_COMPETITION_CONCLUSIONS = ['COMPLIANT', 'EXCEPTION_APPLIES', 'NOT_COMPLIANT'] as const;
export type FairCompetitionConclusion = (typeof FAIR_COMPETITION_CONCLUSIONS)[number];

/**
 * Filing lines besides the government line (SPEC §4.2 rows 8b, 8c): the people's congress standing
 * committee (county level and above) and the township people's congress presidium (Hangzhou 2025).
 */
export const OPTIONAL_FILING_LINES = ['PEOPLES_CONGRESS', 'TOWNSHIP_PRESIDIUM'] as const;
export const FILING_LINES = ['GOVERNMENT', ...OPTIONAL_FILING_LINES] as const;
export type FilingLine = (typeof FILING_LINES)[number];

export const EVALUATION_CONCLUSIONS = ['KEEP', 'AMEND', 'REPEAL'] as const;
export type EvaluationConclusion = (typeof EVALUATION_CONCLUSIONS)[number];

export const AMENDMENT_GROUNDS = ['CLEANUP', 'EXPIRY_EVALUATION', 'HIGHER_LAW_CHANGED', 'OTHER'] as const;
export type AmendmentGround = (typeof AMENDMENT_GROUNDS)[number];

// ------------------------------------------------------------------------------------------------
// Nested objects
// ------------------------------------------------------------------------------------------------

/** 起草、评估论证 (SPEC §4.2 row 1): why the document is needed and on what authority. */
export class NormativeDocumentProposalDto {
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  purpose: string;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  legalBasis: string;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  mainContent: string;

  /** the org unit (id) drafting the document when it is not the creator's own */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  draftingUnit?: string;
}

/** OBE Art. 62 ¶2: the feedback on how the views were adopted, published to the public. */
export class AdoptionFeedbackDto {
  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  publishedAt: string;

  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  channel: string;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  summary: string;
}

/** SPEC §4.2 INV-N5: the reviewer's content checklist (recorded, not automated). */
export class ContentLimitsDto {
  @IsBoolean()
  createsLicensing: boolean;

  @IsBoolean()
  createsPenalty: boolean;

  @IsBoolean()
  createsCompulsoryMeasure: boolean;

  @IsBoolean()
  reducesRightsOrAddsObligationsWithoutBasis: boolean;

  @IsBoolean()
  restrictsMarketEntryOrExit: boolean;
}

// ------------------------------------------------------------------------------------------------
// Event payloads
// ------------------------------------------------------------------------------------------------

/** CREATE_CASE (department head): the document to be made. */
export class CreateNormativeDocumentPayload {
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  title: string;

  @IsDefined() @IsObject() @ValidateNested() @Type(() => NormativeDocumentProposalDto)
  proposal: NormativeDocumentProposalDto;
}

export class SubmitDraftPayload {
  /** the document's title; 暂行 / 试行 in it makes the document provisional (shorter validity) */
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  title: string;

  @IsString() @Matches(SHA256_HEX)
  documentHash: string;

  /** closely related to market entities' production and business (OBE Art. 62; FCR) */
  @IsBoolean()
  marketRelated: boolean;

  /** 起草说明 */
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  explanation: string;

  /** 评估论证: necessity and feasibility */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  assessment?: string;
}

export class SubmitParticipationSummaryPayload {
  @IsInt() @Min(0) @Max(10_000_000)
  received: number;

  @IsInt() @Min(0) @Max(10_000_000)
  adopted: number;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  summary: string;

  /** market-related documents: the market entities and business associations heard (OBE Art. 62 ¶1) */
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_ITEMS)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT_TEXT, { each: true })
  marketEntitiesHeard?: string[];

  /** market-related documents: the published feedback on adopted views (OBE Art. 62 ¶2) */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => AdoptionFeedbackDto)
  adoptionFeedback?: AdoptionFeedbackDto;
}

export class RecordFairCompetitionReviewPayload {
  @IsIn(FAIR_COMPETITION_CONCLUSIONS)
  conclusion: FairCompetitionConclusion;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  summary: string;

  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  reviewedOn: string;

  /** EXCEPTION_APPLIES: which exception, why no less restrictive alternative, until when */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  exceptionReason?: string;

  @IsOptional() @IsString() @Matches(SHA256_HEX)
  documentHash?: string;
}

export class IssueReviewOpinionPayload {
  @LR.OpinionOutcome(LR.REVIEW_OUTCOMES)
  outcome: LR.ReviewOutcome;

  @LR.RequiredLongText()
  reasons: string;

  @LR.RequiredShortTexts()
  legalBasis: string[];

  /** legal advisers / public-sector lawyers consulted (optional here; required for decisions only) */
  @LR.OptionalLegalAdvisers()
  legalAdvisers?: string[];

  @LR.OptionalLongText()
  suggestions?: string;

  /** INV-N5 checklist, as the reviewer answered it */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ContentLimitsDto)
  contentLimits?: ContentLimitsDto;

  @LR.OptionalSha256()
  documentHash?: string;
}

export class RecordMeetingPayload {
  @CD.MeetingAttendees()
  attendees: string[];

  @CD.MeetingDecisionOf()
  decision: MeetingDecision;

  /** what was discussed and decided, dissent included */
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  summary: string;

  /** the legality reviewer (司法所) attended (列席, SPEC §4.2 row 5) */
  @IsOptional() @IsBoolean()
  reviewerAttended?: boolean;

  @CD.MeetingHeldAt()
  heldAt?: string;

  @CD.MinutesHash()
  minutesHash?: string;
}

/**
 * 统一登记、统一编号 (SPEC §4.2 row 6). The unified number is not entered: the runtime allocates it
 * from the central counter with the registration (policy N6), so a client cannot choose, skip or
 * reuse one (a payload that names one is refused as an unknown field).
 */
export class RegisterDocumentPayload {
  /** 发文字号, e.g. 掌政发〔2020〕12号 */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  documentNumber?: string;
}

export class PublishDocumentPayload {
  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  publishedAt: string;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT_TEXT, { each: true })
  channels: string[];

  /** the first day the document applies (≥ publishedAt, INV-N2) */
  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  effectiveFrom: string;

  /** the last day of its validity (有效期), as the document states it */
  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  validUntil: string;

  /** filing lines besides the government line, where this jurisdiction has them */
  @IsOptional() @IsArray() @ArrayMaxSize(OPTIONAL_FILING_LINES.length)
  @IsIn(OPTIONAL_FILING_LINES, { each: true })
  additionalFilingLines?: Array<(typeof OPTIONAL_FILING_LINES)[number]>;

  /** 政策解读, published with the document */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  interpretation?: string;

  /** OBE Art. 65: the adaptation period left for market entities, if any */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  transitionPeriod?: string;
}

export class RecordFilingPayload {
  @IsIn(FILING_LINES)
  line: FilingLine;

  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  filedOn: string;

  /** e.g. 慈溪市司法局 */
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  filedWith: string;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  receiptNumber?: string;
}

export class RecordExpiryEvaluationPayload {
  @IsIn(EVALUATION_CONCLUSIONS)
  conclusion: EvaluationConclusion;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  report: string;
}

/** Decree 372 cleanup (清理) of this document: the organ's conclusion for it. */
export class RecordCleanupReviewPayload {
  @IsIn(EVALUATION_CONCLUSIONS)
  conclusion: EvaluationConclusion;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  reasons: string;

  /** the cleanup campaign, e.g. 2020年度规范性文件清理 */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  campaign?: string;

  /** the campaign that opened this review (OPEN_CLEANUP_REVIEW), when there is one */
  @IsOptional() @IsUUID()
  campaignId?: string;
}

/**
 * A cleanup campaign (清理, Decree 372: every two years) opens a cleanup review on the document.
 * Sent by Docket for the person who started the campaign (POST /cleanup-campaigns).
 */
export class OpenCleanupReviewPayload {
  @IsUUID()
  campaignId: string;

  /** e.g. 2026年度行政规范性文件清理 */
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  campaign: string;
}

export class StartAmendmentPayload {
  @IsIn(AMENDMENT_GROUNDS)
  ground: AmendmentGround;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  reason: string;
}

export class RepealDocumentPayload {
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  reason: string;

  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  publishedAt: string;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT_TEXT, { each: true })
  channels: string[];
}

export class DeclareExpiredPayload {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  note?: string;
}

/** Policy N13: sent by Docket itself (the `system` actor) the day after a filing line's period passed unfiled. */
export class MarkFilingOverduePayload extends DeadlineMissedPayload {}
