/**
 * Payloads of the party-normative-document workflow (v1), one class per event, validated and
 * whitelisted by the API. The pre-review events reuse the legality-review event names and fields of
 * major-decision v1 (one review desk for every matter type).
 */
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
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
import { DeadlineMissedPayload } from '../../common/deadline-missed.payload';
import { DATE_ONLY, IsRealDate, LONG_TEXT, MAX_ITEMS, SHA256_HEX, SHORT_TEXT } from '../../common/payload-validators';
// LR: the legality-review payloads and field decorators the matter workflows share
import * as LR from '../../common/legality-review/legality-review.payloads';

/** The review events' payloads are the shared ones (workflows/common/legality-review). */
export { AcceptForReviewPayload, ConfirmRevisionsPayload, LegalityReviewMaterialsDto, REVIEW_OUTCOMES, ReturnIncompletePayload, SubmitForLegalityReviewPayload } from '../../common/legality-review/legality-review.payloads';
export type { ReviewOutcome } from '../../common/legality-review/legality-review.payloads';

/** WITHDRAW takes the shared reason (workflows/common/withdraw.payload). */
export { WithdrawPayload } from '../../common/withdraw.payload';

export const FILING_SCOPES = ['REQUIRED', 'EXEMPT'] as const;
export type FilingScope = (typeof FILING_SCOPES)[number];

/**
 * The documents outside the filing scope (2019 备案审查规定 Art. 2 per SPEC §5): leadership
 * speeches, annual work points or summaries, personnel, commendations and sanctions, internal daily
 * management, requests and reports, meeting notices and minutes, briefings, others exempted by rules.
 */
export const EXEMPTION_CATEGORIES = [
  'LEADERSHIP_SPEECH',
  'ANNUAL_WORK_POINTS_OR_SUMMARY',
  'PERSONNEL',
  'COMMENDATION_OR_SANCTION',
  'INTERNAL_DAILY_MANAGEMENT',
  'REQUEST_OR_REPORT',
  'MEETING_NOTICE_OR_MINUTES',
  'BRIEFING',
  'EXEMPTED_BY_OTHER_RULES',
] as const;
export type ExemptionCategory = (typeof EXEMPTION_CATEGORIES)[number];

export const FILING_REVIEW_RESULTS = ['APPROVED', 'CORRECTION_REQUIRED'] as const;
export type FilingReviewResult = (typeof FILING_REVIEW_RESULTS)[number];

// ------------------------------------------------------------------------------------------------

export class PartyDocumentProposalDto {
  /** the issuing party organisation, e.g. 中共掌起镇委员会 */
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  issuingBody: string;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  purpose: string;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  mainContent: string;
}

export class FilingExemptionDto {
  @IsIn(EXEMPTION_CATEGORIES)
  category: ExemptionCategory;

  /** why the document falls in that category (INV-P3: explicit and justified) */
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  justification: string;
}

/** The seed's 前置审核 criteria, as the reviewer answered them (recorded, not automated). */
export class PreReviewChecksDto {
  @IsBoolean()
  withinAuthorityAndProcedure: boolean;

  @IsBoolean()
  consistentWithConstitutionAndLaw: boolean;

  @IsBoolean()
  consistentWithPartyConstitutionAndPolicy: boolean;

  @IsBoolean()
  consistentWithHigherPartyRules: boolean;

  @IsBoolean()
  noObviousImpropriety: boolean;
}

// ------------------------------------------------------------------------------------------------

export class CreatePartyNormativeDocumentPayload {
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  title: string;

  @IsDefined() @IsObject() @ValidateNested() @Type(() => PartyDocumentProposalDto)
  proposal: PartyDocumentProposalDto;
}

export class SubmitDraftPayload {
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  title: string;

  @IsString() @Matches(SHA256_HEX)
  documentHash: string;

  /** whether the document is to be filed with the higher party committee (INV-P3) */
  @IsIn(FILING_SCOPES)
  filingScope: FilingScope;

  /** required with EXEMPT */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => FilingExemptionDto)
  exemption?: FilingExemptionDto;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  explanation?: string;
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

  @IsOptional() @IsObject() @ValidateNested() @Type(() => PreReviewChecksDto)
  checks?: PreReviewChecksDto;

  /** the reviewer finds a declared exemption unfounded: the document must be filed (INV-P3) */
  @IsOptional() @IsBoolean()
  exemptionRejected?: boolean;

  @LR.OptionalSha256()
  documentHash?: string;
}

export class IssueDocumentPayload {
  /** the issuance (发布) day: the 30 filing days run from it */
  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  issuedAt: string;

  /** 发文字号, e.g. 掌党发〔2020〕3号 */
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  documentNumber: string;
}

export class RecordFilingPayload {
  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  filedOn: string;

  /** e.g. 中共慈溪市委办公室 */
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  filedWith: string;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  receiptNumber?: string;

  /** filing materials: report, official text, drafting explanation */
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_ITEMS)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT_TEXT, { each: true })
  materials?: string[];
}

export class RecordFilingReviewResultPayload {
  @IsIn(FILING_REVIEW_RESULTS)
  result: FilingReviewResult;

  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  receivedOn: string;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  notes?: string;
}

export class StartAmendmentPayload {
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  reason: string;
}

export class RepealDocumentPayload {
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  reason: string;

  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  repealedOn: string;
}

/** Policy P8: sent by Docket itself (the `system` actor) the day after the filing period passed unfiled. */
export class MarkOverduePayload extends DeadlineMissedPayload {}
