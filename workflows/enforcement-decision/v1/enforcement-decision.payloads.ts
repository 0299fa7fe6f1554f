/**
 * Payloads of the enforcement-decision workflow (v1), one class per event, validated and
 * whitelisted by the API. The review events keep the names and fields of major-decision v1. The
 * reviewer's legal professional qualification (APL Art. 58) is an attribute of the user, read by
 * the runtime (policy E1), not a payload field.
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
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { DATE_ONLY, IsRealDate, LONG_TEXT, MAX_ITEMS, SHA256_HEX, SHORT_TEXT } from '../../common/payload-validators';
// LR: the legality-review payloads and field decorators the matter workflows share
import * as LR from '../../common/legality-review/legality-review.payloads';

/** The review events' payloads are the shared ones (workflows/common/legality-review). */
export { AcceptForReviewPayload, ConfirmRevisionsPayload, LegalityReviewMaterialsDto, REVIEW_OUTCOMES, ReturnIncompletePayload, SubmitForLegalityReviewPayload } from '../../common/legality-review/legality-review.payloads';
export type { ReviewOutcome } from '../../common/legality-review/legality-review.payloads';

/** WITHDRAW takes the shared reason (workflows/common/withdraw.payload). */
export { WithdrawPayload } from '../../common/withdraw.payload';

export const DECISION_TYPES = ['PENALTY', 'LICENSING', 'COMPULSORY_MEASURE', 'OTHER'] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

/** APL Art. 58 ¶1 (1)–(4), and Zhejiang's local catalog of other major decisions (SPEC §7). */
export const MAJOR_GROUNDS = [
  'MAJOR_PUBLIC_INTEREST',
  'MAJOR_RIGHTS_AFTER_HEARING',
  'COMPLEX_OR_MULTIPLE_RELATIONS',
  'REQUIRED_BY_LAW',
  'LOCAL_CATALOG',
] as const;
export type MajorGround = (typeof MAJOR_GROUNDS)[number];

// ------------------------------------------------------------------------------------------------

export class EnforcementProposalDto {
  /** 当事人 */
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  party: string;

  @IsIn(DECISION_TYPES)
  decisionType: DecisionType;

  /** why the decision is major (APL Art. 58 ¶1) */
  @IsIn(MAJOR_GROUNDS)
  majorGround: MajorGround;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  matter: string;
}

/**
 * A reviewer's qualification as the first version of this workflow let the opinion declare it
 * (法律职业资格, APL Art. 58 ¶2). Still accepted, so that older clients keep working, but IGNORED:
 * the rule checks the user record the runtime reads (policy E1).
 */
export class ReviewerQualificationDto {
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  holderName: string;

  /** 法律职业资格证书编号 (or the former 司法考试 certificate) */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64)
  certificateNumber?: string;

  /** the day the reviewer first did enforcement legal reviews (those before APL 2021 are not "first-time") */
  @IsOptional() @IsString() @Matches(DATE_ONLY) @IsRealDate()
  reviewingSince?: string;
}

// ------------------------------------------------------------------------------------------------

export class CreateEnforcementDecisionPayload {
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  title: string;

  @IsDefined() @IsObject() @ValidateNested() @Type(() => EnforcementProposalDto)
  proposal: EnforcementProposalDto;
}

/** The proposed decision (拟作出的执法决定) after investigation. */
export class SubmitDraftPayload {
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  title: string;

  @IsString() @Matches(SHA256_HEX)
  documentHash: string;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  factsFound: string;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_ITEMS)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT_TEXT, { each: true })
  evidence: string[];

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  proposedDecision: string;

  @IsBoolean()
  hearingHeld: boolean;
}

export class IssueReviewOpinionPayload {
  @LR.OpinionOutcome(LR.REVIEW_OUTCOMES)
  outcome: LR.ReviewOutcome;

  @LR.RequiredLongText()
  reasons: string;

  @LR.RequiredShortTexts()
  legalBasis: string[];

  @LR.OptionalLegalAdvisers()
  legalAdvisers?: string[];

  @LR.OptionalLongText()
  suggestions?: string;

  /** ignored (policy E1): the qualification is read from the reviewer's user record */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ReviewerQualificationDto)
  reviewerQualification?: ReviewerQualificationDto;

  @LR.OptionalSha256()
  documentHash?: string;
}

export class RecordDecisionPayload {
  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  decidedOn: string;

  /** 决定书文号 */
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  documentNumber: string;

  /** SHA-256 of the decision as made: the text that passed review */
  @IsString() @Matches(SHA256_HEX)
  decisionHash: string;

  /** decided by the organ's responsible persons collectively */
  @IsBoolean()
  collectiveDiscussion: boolean;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  summary?: string;
}

/** The decision-maker wants a different decision: it goes back and is reviewed again. */
export class ReturnForRevisionPayload {
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  reason: string;
}
