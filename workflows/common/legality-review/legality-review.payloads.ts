/**
 * The payloads of the legality-review events that the five matter workflows share (合法性审查 /
 * 合法性审核 / 前置审核 / 法制审核): SUBMIT_FOR_LEGALITY_REVIEW, ACCEPT_FOR_REVIEW, RETURN_INCOMPLETE
 * and CONFIRM_REVISIONS take the same fields everywhere (major-decision v1 set them; the others kept
 * the names and fields), so each workflow re-exports these classes. ISSUE_REVIEW_OPINION differs per
 * workflow (its own checklist, outcomes, required advisers): each keeps its own class and builds its
 * common fields with the property decorators below, which stack exactly the decorators written out
 * before (same checks, same messages, same order). Pure decorators: no I/O, no clock.
 */
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
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
import { DATE_ONLY, IsRealDate, LONG_TEXT, MAX_ITEMS, SHA256_HEX, SHORT_TEXT } from '../payload-validators';

/** The outcomes of a review opinion (major-decision v1 adds EXPLORATORY_RISK_DISCLOSED, R713 Art. 25 ¶2). */
export const REVIEW_OUTCOMES = ['LEGAL', 'LEGAL_WITH_REVISIONS', 'ILLEGAL'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** The most advisers an opinion may name. */
export const MAX_ADVISERS = 50;

/**
 * Several property decorators as one, applied in the order TypeScript applies them when written
 * one after another (`@A() @B() x` applies B, then A), so validation metadata, and with it the
 * order of the messages, is what the written-out decorators gave.
 */
export function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (let i = decorators.length - 1; i >= 0; i--) decorators[i](target, key);
  };
}

/** `@IsIn(outcomes)`: the opinion's outcome. */
export const OpinionOutcome = (outcomes: readonly string[]): PropertyDecorator => IsIn(outcomes as string[]);
/** Required free text (reasons, notes): `@IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)`. */
export const RequiredLongText = (): PropertyDecorator => stacked(IsString(), IsNotEmpty(), MaxLength(LONG_TEXT));
/** Optional free text (suggestions, urgent reason): `@IsOptional()` and the above. */
export const OptionalLongText = (): PropertyDecorator => stacked(IsOptional(), IsString(), IsNotEmpty(), MaxLength(LONG_TEXT));
/** A non-empty list of short texts (legal basis, missing items). */
export const RequiredShortTexts = (): PropertyDecorator =>
  stacked(IsArray(), ArrayMinSize(1), ArrayMaxSize(MAX_ITEMS), IsString({ each: true }), IsNotEmpty({ each: true }), MaxLength(SHORT_TEXT, { each: true }));
/** The legal advisers / public-sector lawyers consulted, where naming them is optional. */
export const OptionalLegalAdvisers = (): PropertyDecorator =>
  stacked(IsOptional(), IsArray(), ArrayMaxSize(MAX_ADVISERS), IsString({ each: true }), IsNotEmpty({ each: true }), MaxLength(SHORT_TEXT, { each: true }));
/** A SHA-256 digest (lower-case hex). */
export const Sha256 = (): PropertyDecorator => stacked(IsString(), Matches(SHA256_HEX));
/** An optional SHA-256 digest, e.g. of the opinion document (审查意见书). */
export const OptionalSha256 = (): PropertyDecorator => stacked(IsOptional(), IsString(), Matches(SHA256_HEX));

// ------------------------------------------------------------------------------------------------

/** R713 Art. 26 ¶1 and its counterparts: the draft, its legal basis and a statement of the procedures performed. */
export class LegalityReviewMaterialsDto {
  @IsString() @Matches(SHA256_HEX)
  draftHash: string;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_ITEMS)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT_TEXT, { each: true })
  legalBasis: string[];

  /** the procedures done (consultation, fair-competition review, due diligence, investigation, …) */
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  procedureStatement: string;

  /** other materials (名称), e.g. the cost-benefit analysis or the counterparty's qualification documents */
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_ITEMS)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT_TEXT, { each: true })
  otherMaterials?: string[];
}

export class SubmitForLegalityReviewPayload {
  @IsDefined() @IsObject() @ValidateNested() @Type(() => LegalityReviewMaterialsDto)
  materials: LegalityReviewMaterialsDto;

  /** the day the opinion is requested by: at least the workflow's minimum review period unless urgent */
  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  requestedCompletionDate: string;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  urgentReason?: string;
}

export class AcceptForReviewPayload {
  /** the number of the work liaison form (工作联系单编号, SPEC §3.4) */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  receiptNumber?: string;
}

export class ReturnIncompletePayload {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_ITEMS)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT_TEXT, { each: true })
  missing: string[];

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  note?: string;
}

export class ConfirmRevisionsPayload {
  /** SHA-256 of the revised draft */
  @IsString() @Matches(SHA256_HEX)
  documentHash: string;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  note: string;
}
