/**
 * Payloads of the decision-catalog workflow (v1): the annual catalog of major administrative
 * decision matters (年度重大行政决策事项目录, SPEC §2.3). Validated and whitelisted by the API before
 * the event reaches the engine. Dates are `YYYY-MM-DD`, milestone months `YYYY-MM`.
 */
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
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
import { DATE_ONLY, IsRealDate, LONG_TEXT, MAX_ITEMS, SHORT_TEXT } from '../../common/payload-validators';

/** A month of the year, e.g. `2020-06` (细化完成时间 are given by month in practice). */
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * 履行程序要求: the procedures an item requires beyond the two that always apply (legality review
 * and collective discussion, R713 Art. 25 and 30). The same fields as the major-decision start
 * decision, so that a case created from the item takes them as its default.
 */
export class CatalogProceduresDto {
  @IsBoolean()
  publicParticipation: boolean;

  /** a hearing as part of public participation; requires `publicParticipation` */
  @IsBoolean()
  hearing: boolean;

  @IsBoolean()
  expertReview: boolean;

  @IsBoolean()
  riskAssessment: boolean;

  /** the matter touches market entities' economic activity (公平竞争审查) */
  @IsBoolean()
  fairCompetitionReview: boolean;
}

/** 细化完成时间: the month each stage is planned to be completed. All optional. */
export class CatalogMilestonesDto {
  @IsOptional() @IsString() @Matches(MONTH)
  initiation?: string;

  @IsOptional() @IsString() @Matches(MONTH)
  drafting?: string;

  @IsOptional() @IsString() @Matches(MONTH)
  publicParticipation?: string;

  @IsOptional() @IsString() @Matches(MONTH)
  expertReview?: string;

  @IsOptional() @IsString() @Matches(MONTH)
  riskAssessment?: string;

  @IsOptional() @IsString() @Matches(MONTH)
  legalityReview?: string;

  @IsOptional() @IsString() @Matches(MONTH)
  collectiveDecision?: string;

  @IsOptional() @IsString() @Matches(MONTH)
  implementation?: string;
}

/** One row of the catalog (P-JS columns, SPEC §2.3). */
export class CatalogItemDto {
  /** 事项名称 */
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  name: string;

  /** 决策主体, e.g. 掌起镇人民政府 */
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  decisionBody: string;

  /** 决策承办单位: the org unit id (e.g. `jjfzb`) whose department head creates the case */
  @IsString() @IsNotEmpty() @MaxLength(64)
  undertakingUnit: string;

  /** 法律政策依据 */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_ITEMS)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT_TEXT, { each: true })
  legalBasis: string[];

  /** 履行程序要求 */
  @IsDefined() @IsObject() @ValidateNested() @Type(() => CatalogProceduresDto)
  procedures: CatalogProceduresDto;

  /** 细化完成时间 */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => CatalogMilestonesDto)
  milestones?: CatalogMilestonesDto;

  /** (optional) remarks, e.g. why the matter is major */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  note?: string;
}

/** The fields of an item an adjustment may change (all optional; at least one must change). */
export class CatalogItemChangesDto {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  name?: string;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  decisionBody?: string;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64)
  undertakingUnit?: string;

  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_ITEMS)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT_TEXT, { each: true })
  legalBasis?: string[];

  @IsOptional() @IsObject() @ValidateNested() @Type(() => CatalogProceduresDto)
  procedures?: CatalogProceduresDto;

  @IsOptional() @IsObject() @ValidateNested() @Type(() => CatalogMilestonesDto)
  milestones?: CatalogMilestonesDto;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  note?: string;
}

/** CREATE_CATALOG (secretary / town head): the catalog of one year. */
export class CreateDecisionCatalogPayload {
  /** e.g. 掌起镇2020年重大行政决策事项目录 */
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  title: string;

  @IsInt() @Min(2000) @Max(2100)
  year: number;
}

export class AddItemPayload {
  @IsDefined() @IsObject() @ValidateNested() @Type(() => CatalogItemDto)
  item: CatalogItemDto;

  /** why the matter is added (recorded in the change trail) */
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  reason: string;
}

export class AdjustItemPayload {
  @IsInt() @Min(1) @Max(100_000)
  itemNo: number;

  @IsDefined() @IsObject() @ValidateNested() @Type(() => CatalogItemChangesDto)
  changes: CatalogItemChangesDto;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  reason: string;
}

export class RemoveItemPayload {
  @IsInt() @Min(1) @Max(100_000)
  itemNo: number;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  reason: string;
}

/** 经同级党委同意 (R713 Art. 3 ¶3): the consent of the township party committee to one version of the catalog. */
export class RecordPartyConsentPayload {
  /** the version of the catalog's content the committee agreed to (`contentVersion` of the catalog) */
  @IsInt() @Min(1) @Max(1_000_000)
  contentVersion: number;

  /** e.g. 镇党委会议 */
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  meeting: string;

  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  agreedOn: string;

  /** (optional) minutes or document number, e.g. 掌党纪〔2020〕3号 */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  reference?: string;
}

/** 向社会公布 (R713 Art. 3 ¶3; NBR Art. 12 ¶2). */
export class PublishCatalogPayload {
  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  publishedAt: string;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT_TEXT, { each: true })
  channels: string[];

  /** e.g. 掌政发〔2020〕3号 */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  documentNumber?: string;
}

/** The major-decision case created for an item (sent by the runtime path right after the case's creation). */
export class LinkCasePayload {
  @IsInt() @Min(1) @Max(100_000)
  itemNo: number;

  @IsUUID()
  caseId: string;
}
