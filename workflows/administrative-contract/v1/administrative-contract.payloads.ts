/**
 * Payloads of the administrative-contract workflow (v1), one class per event, validated and
 * whitelisted by the API. The legality-review events keep the names and fields of major-decision v1.
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
import { DATE_ONLY, IsRealDate, LONG_TEXT, SHA256_HEX, SHORT_TEXT } from '../../common/payload-validators';
// LR: the legality-review payloads and field decorators the matter workflows share
import * as LR from '../../common/legality-review/legality-review.payloads';
// CD: the collective-deliberation payloads and field decorators the workflows with a meeting share
import * as CD from '../../common/collective-decision/collective-decision.payloads';
import type { MeetingDecision } from '../../common/collective-decision/collective-decision.payloads';

/** The review events' payloads are the shared ones (workflows/common/legality-review); CONFIRM_REVISIONS adds the guarantee confirmation (INV-C3). */
export { AcceptForReviewPayload, LegalityReviewMaterialsDto, REVIEW_OUTCOMES, ReturnIncompletePayload, SubmitForLegalityReviewPayload } from '../../common/legality-review/legality-review.payloads';
export type { ReviewOutcome } from '../../common/legality-review/legality-review.payloads';

/** SCHEDULE_MEETING and the meeting types and decisions are the shared ones (workflows/common/collective-decision). */
export { MEETING_DECISIONS, MEETING_TYPES, ScheduleMeetingPayload } from '../../common/collective-decision/collective-decision.payloads';
export type { MeetingDecision, MeetingType } from '../../common/collective-decision/collective-decision.payloads';

/** WITHDRAW takes the shared reason (workflows/common/withdraw.payload). */
export { WithdrawPayload } from '../../common/withdraw.payload';

/** SPEC §6 (浙政办发〔2013〕37号; 象山县 2022): the kinds of contracts the organ concludes. */
export const CONTRACT_TYPES = [
  'STATE_ASSET_INVESTMENT',
  'STATE_ASSET_LEASE_OR_TRANSFER',
  'NATURAL_RESOURCE_USE',
  'FRANCHISE',
  'EXPROPRIATION_COMPENSATION',
  'AFFORDABLE_HOUSING',
  'INVESTMENT_ATTRACTION',
  'CONSTRUCTION',
  'GOVERNMENT_PROCUREMENT',
  'GOVERNMENT_FINANCING',
  'OTHER',
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const DUE_DILIGENCE_CONCLUSIONS = ['SATISFACTORY', 'RISKS_NOTED', 'UNSUITABLE'] as const;
export type DueDiligenceConclusion = (typeof DUE_DILIGENCE_CONCLUSIONS)[number];

export const DISPUTE_RESOLUTIONS = ['LITIGATION', 'ARBITRATION'] as const;
export type DisputeResolution = (typeof DISPUTE_RESOLUTIONS)[number];

export const CLOSING_OUTCOMES = ['PERFORMED', 'TERMINATED'] as const;
export type ClosingOutcome = (typeof CLOSING_OUTCOMES)[number];

// ------------------------------------------------------------------------------------------------

export class ContractProposalDto {
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  counterparty: string;

  @IsIn(CONTRACT_TYPES)
  contractType: ContractType;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  subjectMatter: string;

  /** contract value in yuan, when it has one */
  @IsOptional() @IsInt() @Min(0) @Max(1_000_000_000_000)
  amountYuan?: number;
}

/** SPEC §6 step 4 and INV-C3: what the reviewer checked, as answered (INV-C3 is enforced on it). */
export class ContractChecklistDto {
  @IsBoolean()
  subjectQualified: boolean;

  @IsBoolean()
  termsLawfulAndReasonable: boolean;

  @IsBoolean()
  textStandard: boolean;

  @IsBoolean()
  disputeClauseSound: boolean;

  /** a guarantee (担保) given in the organ's name: forbidden (INV-C3) */
  @IsBoolean()
  organGuarantee: boolean;

  /** promises beyond the organ's authority */
  @IsBoolean()
  exceedsAuthority: boolean;
}

// ------------------------------------------------------------------------------------------------

export class CreateAdministrativeContractPayload {
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  title: string;

  @IsDefined() @IsObject() @ValidateNested() @Type(() => ContractProposalDto)
  proposal: ContractProposalDto;
}

/** Pre-signing due diligence on the counterparty (资产、资质、信用、履约能力, SPEC §6 step 1). */
export class RecordDueDiligencePayload {
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  counterparty: string;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  assets: string;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  qualification: string;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  credit: string;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  performanceCapacity: string;

  @IsIn(DUE_DILIGENCE_CONCLUSIONS)
  conclusion: DueDiligenceConclusion;
}

export class SubmitDraftPayload {
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  title: string;

  @IsString() @Matches(SHA256_HEX)
  documentHash: string;

  /** a major contract goes to a collective decision after the review */
  @IsBoolean()
  major: boolean;

  @IsBoolean()
  modelTextUsed: boolean;

  @IsIn(DISPUTE_RESOLUTIONS)
  disputeResolution: DisputeResolution;
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

  @IsDefined() @IsObject() @ValidateNested() @Type(() => ContractChecklistDto)
  checklist: ContractChecklistDto;

  @LR.OptionalSha256()
  documentHash?: string;
}

export class ConfirmRevisionsPayload {
  @LR.Sha256()
  documentHash: string;

  @LR.RequiredLongText()
  note: string;

  /** required when the opinion found a guarantee in the organ's name (INV-C3) */
  @IsOptional() @IsBoolean()
  guaranteeClauseRemoved?: boolean;
}

export class RecordMeetingPayload {
  @CD.MeetingAttendees()
  attendees: string[];

  @CD.MeetingDecisionOf()
  decision: MeetingDecision;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  summary: string;

  @CD.MeetingHeldAt()
  heldAt?: string;

  @CD.MinutesHash()
  minutesHash?: string;
}

export class SignContractPayload {
  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  signedOn: string;

  /**
   * SHA-256 of the signed written instrument (INV-C2). Optional in the shape so that a missing
   * one is answered with the rule and its article rather than a bare validation error.
   */
  @IsOptional() @IsString() @Matches(SHA256_HEX)
  signedDocumentHash?: string;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT_TEXT, { each: true })
  signatories: string[];
}

/** 统一录入 on the municipal / county contract platform (SPEC §6 step 8). */
export class RegisterOnPlatformPayload {
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  platform: string;

  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  registrationNumber: string;
}

export class RecordFilingPayload {
  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  filedOn: string;

  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  filedWith: string;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  receiptNumber?: string;
}

export class ReportPerformancePayload {
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  report: string;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  problems?: string;
}

/** A change (变更、补充协议、协议解除) is a new text that is reviewed again (INV-C4). */
export class ProposeChangePayload {
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  description: string;

  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  title: string;

  @IsString() @Matches(SHA256_HEX)
  documentHash: string;

  @IsBoolean()
  major: boolean;
}

export class CloseContractPayload {
  @IsIn(CLOSING_OUTCOMES)
  outcome: ClosingOutcome;

  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  closedOn: string;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  summary: string;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  archiveNumber?: string;
}
