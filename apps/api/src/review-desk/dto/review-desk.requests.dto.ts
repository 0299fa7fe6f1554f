import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
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
import { DESK_STATUSES, DeskStatus } from '../review-desk.profiles';
import { pagingRequest } from '../../common/paging.request.dto';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const SHORT = 500;
const LONG = 20_000;
const MAX_ITEMS = 200;

export const OPINION_OUTCOMES = ['LEGAL', 'LEGAL_WITH_REVISIONS', 'ILLEGAL', 'EXPLORATORY_RISK_DISCLOSED'] as const;

/** 承办人 / 联系方式 */
export class LiaisonContactDto {
  @ApiProperty({ example: '王某' })
  @IsString() @IsNotEmpty() @MaxLength(100)
  readonly name: string;

  @ApiProperty({ example: '0574-63000000' })
  @IsString() @Matches(/^[0-9+\-() ]{3,30}$/, { message: 'phone must be 3–30 digits, spaces, +, -, ( or )' })
  readonly phone: string;
}

/** 材料清单: the materials the workflow's submission requires (R713 Art. 26 for decisions). */
export class LiaisonMaterialsDto {
  @ApiProperty({ description: 'SHA-256 (hex) of the draft sent for review', example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' })
  @IsString() @Matches(SHA256_HEX)
  readonly draftHash: string;

  @ApiProperty({ type: [String], description: '制定依据', example: ['《重大行政决策程序暂行条例》'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_ITEMS)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT, { each: true })
  readonly legalBasis: string[];

  @ApiProperty({ description: '起草说明 / 程序履行情况', example: '已履行公众参与、专家论证、风险评估程序' })
  @IsString() @IsNotEmpty() @MaxLength(LONG)
  readonly procedureStatement: string;

  @ApiPropertyOptional({ type: [String], description: '其他材料（名称）' })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_ITEMS)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT, { each: true })
  readonly otherMaterials?: string[];
}

class ExpectedRevision {
  @ApiPropertyOptional({ description: 'the case revision the caller saw (409 REVISION_CONFLICT when it moved on)' })
  @IsOptional() @IsInt() @Min(1)
  readonly expectedRevision?: number;
}

/** A work liaison form (工作联系单), submitted by a department head from its case. */
export class SubmitLiaisonFormRequestDto extends ExpectedRevision {
  @ApiProperty({ format: 'uuid', example: '0b6f6b1e-3c5a-4d7e-9f10-2a3b4c5d6e7f' })
  @IsUUID('4')
  readonly caseId: string;

  @ApiProperty({ type: LiaisonContactDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => LiaisonContactDto)
  readonly contact: LiaisonContactDto;

  @ApiProperty({ type: LiaisonMaterialsDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => LiaisonMaterialsDto)
  readonly materials: LiaisonMaterialsDto;

  @ApiProperty({
    example: '2020-10-16',
    description:
      '要求完成日期（北京时间）：不得早于该类事项的最短审查期限届满之日（填写紧急理由且流程允许时除外）；示例为演示年度（2020 年，2020-09-29 送审）的日期，请按今日另行计算。' +
      " · Requested completion date (Beijing): not before the matter type's minimum review period ends unless urgent; the example is a date of the demo year (submitted 2020-09-29): compute yours from today",
  })
  @IsString() @Matches(DATE_ONLY) @IsISO8601({ strict: true })
  readonly requestedCompletionDate: string;

  @ApiPropertyOptional({ description: '紧急理由: allows a shorter period where the workflow allows it' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG)
  readonly urgentReason?: string;
}

export class AcceptFormRequestDto extends ExpectedRevision {}

export class ReturnFormRequestDto extends ExpectedRevision {
  @ApiProperty({ type: [String], description: '需补充的材料', example: ['公平竞争审查结论'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_ITEMS)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT, { each: true })
  readonly missing: string[];

  @ApiPropertyOptional({ example: '请补充后重新送审' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG)
  readonly note?: string;
}

/** 审查意见书 */
export class IssueOpinionRequestDto extends ExpectedRevision {
  @ApiProperty({ enum: OPINION_OUTCOMES, example: 'LEGAL', description: 'EXPLORATORY_RISK_DISCLOSED: major decisions only' })
  @IsIn(OPINION_OUTCOMES as unknown as string[])
  readonly outcome: string;

  @ApiProperty({ description: '理由', example: '制定主体适格，程序完备，内容不违反上位法' })
  @IsString() @IsNotEmpty() @MaxLength(LONG)
  readonly reasons: string;

  @ApiProperty({ type: [String], description: '法律依据', example: ['《浙江省行政规范性文件管理办法》第十五条'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_ITEMS)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT, { each: true })
  readonly legalBasis: string[];

  @ApiPropertyOptional({ type: [String], description: '征询的法律顾问 / 公职律师 (required for major decisions, R713 Art. 28)' })
  @IsOptional() @IsArray() @ArrayMaxSize(50)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT, { each: true })
  readonly advisersConsulted?: string[];

  @ApiPropertyOptional({ description: '修改建议' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG)
  readonly suggestions?: string;

  @ApiPropertyOptional({ description: 'SHA-256 (hex) of the opinion document' })
  @IsOptional() @IsString() @Matches(SHA256_HEX)
  readonly documentHash?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      "the matter type's own opinion fields, checked by its workflow: e.g. checklist (contracts), checks (party documents), contentLimits (normative documents), riskStatement (decisions)",
  })
  @IsOptional() @IsObject()
  readonly details?: Record<string, unknown>;
}

export const QUEUE_SORTS = ['dueDate', 'submittedAt'] as const;

export class ReviewQueueRequestDto extends pagingRequest({ defaultLimit: 100, maxLimit: 1000 }) {
  @ApiPropertyOptional({ description: 'matter type (workflow kind), e.g. major-decision' })
  @IsOptional() @IsString() @Matches(/^[a-z][a-z0-9-]{0,63}$/)
  readonly kind?: string;

  @ApiPropertyOptional({ enum: DESK_STATUSES })
  @IsOptional() @IsIn(DESK_STATUSES as unknown as string[])
  readonly status?: DeskStatus;

  @ApiPropertyOptional({ description: 'submitting unit (org unit code)' })
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  readonly unit?: string;

  @ApiPropertyOptional({ enum: QUEUE_SORTS, default: 'dueDate' })
  @IsOptional() @IsIn(QUEUE_SORTS as unknown as string[])
  readonly sort?: (typeof QUEUE_SORTS)[number];

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional() @IsIn(['asc', 'desc'])
  readonly order?: 'asc' | 'desc';
}
