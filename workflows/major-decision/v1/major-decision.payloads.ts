/**
 * Payloads of the major-decision workflow (v1), one class per event, validated and whitelisted by
 * the API before the event reaches the engine. Field names are the API contract of issue 2 §3;
 * fields marked "(added)" go beyond the issue's minimum and are all optional, so a client that
 * sends exactly the issue's fields is accepted.
 *
 * Conventions: date-only fields are `YYYY-MM-DD` (a day, read in Asia/Shanghai); instants are
 * ISO 8601 with an explicit offset; document hashes are SHA-256 lower-case hex.
 *
 * class-transformer's `@Type` reads design-time metadata when the classes are defined, hence the
 * `reflect-metadata` import (a pure polyfill, allowed in workflows/ by .dependency-cruiser.js).
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
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  DATE_ONLY,
  IsRealDate,
  LONG_TEXT,
  MAX_ITEMS,
  SHA256_HEX,
  SHORT_TEXT,
} from '../../common/payload-validators';
// LR: the legality-review payloads and field decorators the matter workflows share
import * as LR from '../../common/legality-review/legality-review.payloads';
// CD: the collective-deliberation payloads and field decorators the workflows with a meeting share
import * as CD from '../../common/collective-decision/collective-decision.payloads';
import type { MeetingDecision } from '../../common/collective-decision/collective-decision.payloads';

/** The review events' payloads are the shared ones (workflows/common/legality-review); ISSUE_REVIEW_OPINION adds EXPLORATORY_RISK_DISCLOSED and requires advisers. */
export { AcceptForReviewPayload, ConfirmRevisionsPayload, LegalityReviewMaterialsDto, ReturnIncompletePayload, SubmitForLegalityReviewPayload } from '../../common/legality-review/legality-review.payloads';

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

export const RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const REVIEW_OUTCOMES = ['LEGAL', 'LEGAL_WITH_REVISIONS', 'ILLEGAL', 'EXPLORATORY_RISK_DISCLOSED'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export const SPEAKER_ROLES = ['HEAD', 'MEMBER'] as const;
export type SpeakerRole = (typeof SPEAKER_ROLES)[number];

export const POSITIONS = ['SUPPORT', 'OPPOSE', 'ABSTAIN'] as const;
export type Position = (typeof POSITIONS)[number];

export const PARTY_COMMITTEE_OUTCOMES = ['AGREED', 'DISAGREED'] as const;
export type PartyCommitteeOutcome = (typeof PARTY_COMMITTEE_OUTCOMES)[number];

export const ADJUSTMENT_SCOPES = ['MINOR', 'MAJOR'] as const;
export type AdjustmentScope = (typeof ADJUSTMENT_SCOPES)[number];

/** 《公平竞争审查条例》: no restricting content, or an exception of the regulation applies. */
export const FAIR_COMPETITION_CONCLUSIONS = ['COMPLIANT', 'EXCEPTION_APPLIES'] as const;
export type FairCompetitionConclusion = (typeof FAIR_COMPETITION_CONCLUSIONS)[number];

/** R713 Art. 36 ¶1 (1)–(3). */
export const POST_EVALUATION_TRIGGERS = ['EXPECTED_EFFECT_NOT_ACHIEVED', 'MANY_PUBLIC_OPINIONS', 'DEEMED_NECESSARY'] as const;
export type PostEvaluationTrigger = (typeof POST_EVALUATION_TRIGGERS)[number];

export const POST_EVALUATION_RECOMMENDATIONS = ['CONTINUE', 'ADJUST', 'STOP'] as const;
export type PostEvaluationRecommendation = (typeof POST_EVALUATION_RECOMMENDATIONS)[number];

// ------------------------------------------------------------------------------------------------
// Nested objects
// ------------------------------------------------------------------------------------------------

/** R713 Art. 10 (2): what a department's decision proposal must cover. */
export class ProposalDto {
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  problem: string;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  reasons: string;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  legalBasis: string;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  solution: string;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  necessity: string;

  /** (added) 可行性 — Art. 10 (2) names necessity *and* feasibility. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  feasibility?: string;

  /** (added) the item of the annual decision catalog (决策事项目录) this proposal belongs to, if any. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  catalogItem?: string;
}

/** The procedures the start decision requires (legality review and collective decision always are). */
export class ProceduresDto {
  @IsBoolean()
  publicParticipation: boolean;

  /** a hearing (听证会) as part of public participation; requires `publicParticipation` */
  @IsBoolean()
  hearing: boolean;

  @IsBoolean()
  expertReview: boolean;

  @IsBoolean()
  riskAssessment: boolean;

  /** the draft touches market entities' economic activity (R713 Art. 29 (1); 《公平竞争审查条例》) */
  @IsBoolean()
  fairCompetitionReview: boolean;
}

export class DraftOptionDto {
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  title: string;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  summary: string;
}

/** (added) the fair-competition review (公平竞争审查) carried with the draft (R713 Art. 29 (1)). */
export class FairCompetitionReviewDto {
  @IsIn(FAIR_COMPETITION_CONCLUSIONS)
  conclusion: FairCompetitionConclusion;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  summary: string;

  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  reviewedOn: string;
}

export class MeetingStatementDto {
  /** the speaker's name as minuted */
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  speaker: string;

  @IsIn(SPEAKER_ROLES)
  role: SpeakerRole;

  @IsIn(POSITIONS)
  position: Position;

  /** kept verbatim (R713 Art. 30 ¶3: 不同意见应当如实载明) */
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  text: string;
}

// ------------------------------------------------------------------------------------------------
// Event payloads
// ------------------------------------------------------------------------------------------------

/** CREATE_CASE (department head): the decision proposal. */
export class CreateMajorDecisionPayload {
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  title: string;

  @IsDefined() @IsObject() @ValidateNested() @Type(() => ProposalDto)
  proposal: ProposalDto;
}

export class DecideToStartPayload {
  /** 决策承办单位 (R713 Art. 11); the lead unit when several units undertake the matter */
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  undertakingUnit: string;

  @IsDefined() @IsObject() @ValidateNested() @Type(() => ProceduresDto)
  procedures: ProceduresDto;

  /** (added) further undertaking units when ≥2 undertake the matter (Art. 11) */
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_ITEMS)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT_TEXT, { each: true })
  cooperatingUnits?: string[];

  /** (added) */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  note?: string;
}

export class DeclineToStartPayload {
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  reason: string;
}

export class SubmitDraftPayload {
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  title: string;

  @IsString() @Matches(SHA256_HEX)
  documentHash: string;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20)
  @ValidateNested({ each: true }) @Type(() => DraftOptionDto)
  options: DraftOptionDto[];

  /** (added) 决策草案说明 — published with the draft (Art. 15) */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  explanation?: string;

  /** (added) required when the start decision requires a fair-competition review (INV-D8) */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => FairCompetitionReviewDto)
  fairCompetitionReview?: FairCompetitionReviewDto;

  /** (added) units consulted under Art. 13 */
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_ITEMS)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT_TEXT, { each: true })
  consultedUnits?: string[];

  /** (added) unresolved disputes with the consulted units, reported to the decision body (Art. 13) */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  disputes?: string;
}

export class RecordHearingPayload {
  /** the day the hearing was held */
  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  heldAt: string;

  /** the day the materials were served on the participants (≥ 7 days before, Art. 16 ¶3) */
  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  materialsServedAt: string;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_ITEMS)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT_TEXT, { each: true })
  participants: string[];

  /** participants confirmed and signed the hearing record (Art. 17 (3)) */
  @IsBoolean()
  recordSigned: boolean;

  /** (added) */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  place?: string;

  /** (added) the day the draft, time and place were announced (Art. 16 ¶2) */
  @IsOptional() @IsString() @Matches(DATE_ONLY) @IsRealDate()
  announcedAt?: string;

  /** (added) participants were selected (遴选); then the method and the list must be published beforehand */
  @IsOptional() @IsBoolean()
  participantsSelected?: boolean;

  /** (added) */
  @IsOptional() @IsString() @Matches(DATE_ONLY) @IsRealDate()
  selectionMethodPublishedAt?: string;

  /** (added) */
  @IsOptional() @IsString() @Matches(DATE_ONLY) @IsRealDate()
  participantListPublishedAt?: string;

  /** (added) SHA-256 of the signed hearing record */
  @IsOptional() @IsString() @Matches(SHA256_HEX)
  recordHash?: string;
}

export class SubmitParticipationSummaryPayload {
  /** number of opinions received */
  @IsInt() @Min(0) @Max(10_000_000)
  received: number;

  /** number of opinions adopted (≤ received) */
  @IsInt() @Min(0) @Max(10_000_000)
  adopted: number;

  /** 社会公众提出的主要意见的研究采纳情况 (Art. 29 (2)) */
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  summary: string;
}

export class RecordExpertOpinionPayload {
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  expert: string;

  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  institution: string;

  @IsBoolean()
  hasDirectInterest: boolean;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  opinion: string;

  /** the written opinion is signed and sealed (署名、盖章, Art. 19 ¶2) */
  @IsBoolean()
  signed: boolean;

  /** (added) SHA-256 of the written opinion */
  @IsOptional() @IsString() @Matches(SHA256_HEX)
  documentHash?: string;
}

export class SubmitExpertSummaryPayload {
  /** 专家论证意见的研究采纳情况 (Art. 29 (3)) */
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  adoptionSummary: string;
}

export class SubmitRiskReportPayload {
  @IsIn(RISK_LEVELS)
  riskLevel: RiskLevel;

  @IsBoolean()
  controllable: boolean;

  /** 风险点 (Art. 23 ¶2) */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_ITEMS)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(LONG_TEXT, { each: true })
  riskPoints: string[];

  /** 风险防范措施 (Art. 23 ¶2) */
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  measures: string;

  /** (added) 处置预案 (Art. 23 ¶2) */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  handlingPlan?: string;

  /** (added) the unit that did the assessment (a third party may, Art. 22/23); defaults to the undertaking unit */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  assessorUnit?: string;

  /** (added) departments whose views were heard (Art. 23 ¶2) */
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_ITEMS)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT_TEXT, { each: true })
  consultedDepartments?: string[];

  /** (added) SHA-256 of the report */
  @IsOptional() @IsString() @Matches(SHA256_HEX)
  documentHash?: string;
}

export class IssueReviewOpinionPayload {
  @LR.OpinionOutcome(REVIEW_OUTCOMES)
  outcome: ReviewOutcome;

  @LR.RequiredLongText()
  reasons: string;

  @LR.RequiredShortTexts()
  legalBasis: string[];

  /** legal advisers / public-sector lawyers who gave a legal opinion (≥ 1, Art. 28) */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT_TEXT, { each: true })
  legalAdvisers: string[];

  /** required with EXPLORATORY_RISK_DISCLOSED (明示法律风险, Art. 25 ¶2) */
  @LR.OptionalLongText()
  riskStatement?: string;

  /** (added) 修改建议, expected with LEGAL_WITH_REVISIONS */
  @LR.OptionalLongText()
  suggestions?: string;

  /** (added) SHA-256 of the opinion document (审查意见书) */
  @LR.OptionalSha256()
  documentHash?: string;
}

export class RecordMeetingPayload {
  @CD.MeetingAttendees()
  attendees: string[];

  /** in the order spoken; the HEAD's statement last (Art. 30 ¶2) */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_ITEMS)
  @ValidateNested({ each: true }) @Type(() => MeetingStatementDto)
  statements: MeetingStatementDto[];

  @CD.MeetingDecisionOf()
  decision: MeetingDecision;

  /** required when the decision differs from the majority of the members (Art. 30 ¶2) */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  headReason?: string;

  /** (added) when the meeting was held; defaults to the scheduled time */
  @CD.MeetingHeldAt()
  heldAt?: string;

  /** (added) SHA-256 of the minutes */
  @CD.MinutesHash()
  minutesHash?: string;
}

export class RecordPartyCommitteeReportPayload {
  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  reportedAt: string;

  @IsIn(PARTY_COMMITTEE_OUTCOMES)
  outcome: PartyCommitteeOutcome;

  /** (added) the committee's views */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  note?: string;
}

export class PublishDecisionPayload {
  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  publishedAt: string;

  /** gazette, website, local newspaper… (Art. 32); may be empty only with `nonDisclosureBasis` */
  @IsArray() @ArrayMaxSize(50)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT_TEXT, { each: true })
  channels: string[];

  /** how public and expert opinions were adopted — required when either procedure took place (Art. 32) */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  adoptionExplanation?: string;

  /** (added) 文号 of the published decision */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  documentNumber?: string;

  /** (added) the legal basis for not disclosing the decision (依法不予公开, Art. 32) */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  nonDisclosureBasis?: string;
}

export class ReportImplementationPayload {
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  report: string;

  /** (added) problems, major changes or force majeure to report (Art. 35 ¶1) */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  problems?: string;
}

export class StartPostEvaluationPayload {
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  evaluatorUnit: string;

  /** (added) Art. 36 ¶1 (1)–(3) */
  @IsOptional() @IsIn(POST_EVALUATION_TRIGGERS)
  trigger?: PostEvaluationTrigger;
}

/** (added event) the evaluation report (Art. 36 ¶4: a basis for adjusting the decision). */
export class SubmitPostEvaluationPayload {
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  report: string;

  @IsOptional() @IsIn(POST_EVALUATION_RECOMMENDATIONS)
  recommendation?: PostEvaluationRecommendation;

  @IsOptional() @IsString() @Matches(SHA256_HEX)
  documentHash?: string;
}

export class SuspendPayload {
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  reason: string;
}

export class ResumePayload {
  /** (added) */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  reason?: string;
}

export class ProposeAdjustmentPayload {
  @IsIn(ADJUSTMENT_SCOPES)
  scope: AdjustmentScope;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  description: string;

  /**
   * (added) MAJOR only: the procedures the changed content requires (Art. 37: 依照本条例履行相关法定程序).
   * Omitted → the procedures of the start decision (or of the last major adjustment) apply again.
   */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ProceduresDto)
  procedures?: ProceduresDto;
}

export class CloseCasePayload {
  /** (added) */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  summary?: string;
}

export class ArchivePayload {
  /** (added) 档案号 */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  archiveNumber?: string;
}
