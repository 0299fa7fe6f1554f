import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAX_OFFSET, PagingRequestDto } from '../../common/paging.request.dto';

export class ListCasesRequestDto extends PagingRequestDto {
  @ApiPropertyOptional({ example: 'major-decision' })
  @IsOptional() @IsString() @MaxLength(64)
  readonly kind?: string;

  @ApiPropertyOptional({ description: 'state path or its prefix, e.g. legalityReview', example: 'legalityReview' })
  @IsOptional() @IsString() @MaxLength(200) @Matches(/^[A-Za-z][A-Za-z0-9.]*$/)
  readonly state?: string;

  @ApiPropertyOptional({ description: 'a stage of the pipeline (the ids of GET /cases/filters → stages), e.g. legalityReview', example: 'legalityReview' })
  @IsOptional() @IsString() @MaxLength(64) @Matches(/^[A-Za-z][A-Za-z0-9-]*$/)
  readonly stage?: string;

  @ApiPropertyOptional({ description: 'cases this org unit (department) owns', example: 'dept-agriculture' })
  @IsOptional() @IsString() @MaxLength(64) @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]*$/)
  readonly orgUnit?: string;

  @ApiPropertyOptional({ description: 'cases started in this calendar year (Beijing time)', example: 2026, minimum: 2000, maximum: 2100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  readonly year?: number;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: cases with an open statutory time limit past due today; false: cases without one' })
  @IsOptional() @IsIn(['true', 'false'])
  readonly overdue?: 'true' | 'false';

  @ApiPropertyOptional({ enum: ['active', 'done'] })
  @IsOptional() @IsIn(['active', 'done'])
  readonly status?: string;

  @ApiPropertyOptional({ enum: ['created', 'acted'], description: 'created: cases the caller created (我发起的); acted: cases in whose history the caller recorded an event (已办)' })
  @IsOptional() @IsIn(['created', 'acted'])
  readonly mine?: 'created' | 'acted';
}

/** The list's filters, every matching case (no paging), as a file. */
export class ExportCasesRequestDto extends OmitType(ListCasesRequestDto, ['limit', 'offset'] as const) {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional() @IsIn(['csv', 'xlsx'])
  readonly format?: 'csv' | 'xlsx';

  @ApiPropertyOptional({ enum: ['zh-CN', 'en'], default: 'zh-CN', description: 'the language of the header and the labels' })
  @IsOptional() @IsIn(['zh-CN', 'en'])
  readonly lang?: 'zh-CN' | 'en';
}

/**
 * GET /tasks: a page of the caller's tasks. Without `limit`, every task (the list a client that
 * does not page has always had); `total` counts them all either way.
 */
export class ListTasksRequestDto {
  @ApiPropertyOptional({ description: 'tasks on the page (default: every task)', minimum: 1, maximum: 500 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  readonly limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: MAX_OFFSET })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_OFFSET)
  readonly offset?: number;
}
