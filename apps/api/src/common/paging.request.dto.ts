import { REQUEST_FIELD_TITLES } from './request-field-titles';
import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { validationFailed } from '@app/runtime';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * The one bound on every offset, limit and sequence number a request may carry (issue 10 §3).
 * `?offset=1e20` is an integer to JavaScript but not to SQLite or a PostgreSQL bigint: without a
 * bound it reached the database and answered 500. Beyond a million rows nobody pages by offset.
 */
export const MAX_OFFSET = 1_000_000;
/** Checkpoint and workflow-version numbers: far above any real count, well inside an int4. */
export const MAX_SEQ = 1_000_000_000;

export interface PagingOptions {
  /** the endpoint's default page size */
  defaultLimit: number;
  /** the endpoint's largest page */
  maxLimit: number;
}

type PagingClass = new () => { readonly limit?: number; readonly offset?: number };

/**
 * A paging query class with the endpoint's own default and largest page. Every list endpoint's
 * query DTO extends one of these, so the bounds (and the 400 VALIDATION_FAILED naming the field)
 * are the same everywhere.
 */
export function pagingRequest({ defaultLimit, maxLimit }: PagingOptions): PagingClass {
  class PagingRequest {
    @ApiPropertyOptional({ default: defaultLimit, minimum: 1, maximum: maxLimit })
    @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(maxLimit)
    readonly limit?: number;

    @ApiPropertyOptional({ default: 0, minimum: 0, maximum: MAX_OFFSET })
    @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_OFFSET)
    readonly offset?: number;
  }
  return PagingRequest;
}

/** The usual page: 50 rows by default, at most 500. */
export class PagingRequestDto extends pagingRequest({ defaultLimit: 50, maxLimit: 500 }) {}

/**
 * A sequence number in the path (`/checkpoints/:seq`, `/workflows/:kind/:version`): decimal digits
 * only, 1..MAX_SEQ. Answers 400 VALIDATION_FAILED naming the parameter, as the DTOs do.
 */
@Injectable()
export class SeqParamPipe implements PipeTransform<string, number> {
  transform(value: string, meta: ArgumentMetadata): number {
    const field = meta.data ?? 'seq';
    const n = /^[0-9]{1,10}$/.test(String(value)) ? Number(value) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > MAX_SEQ) {
      const en = `${field} must be an integer from 1 to ${MAX_SEQ}`;
      const zh = `应为 1 至 ${MAX_SEQ} 之间的整数`;
      throw validationFailed([{ field, title: REQUEST_FIELD_TITLES[field], problems: [en], problemsZh: [zh], constraints: [{ code: 'isInt', zh, en }] }]);
    }
    return n;
  }
}
