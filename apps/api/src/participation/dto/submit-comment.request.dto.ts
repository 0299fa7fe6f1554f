import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, ValidateNested, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { STAFF_SOURCES, SUBMITTER_TYPES } from '../participation.labels';

/** The comment text's limit (characters). */
export const COMMENT_TEXT_MAX = 2000;

/** A comment's fields, from the portal or entered by staff. */
export class CommentFieldsDto {
  @ApiProperty({ enum: SUBMITTER_TYPES, example: 'INDIVIDUAL', description: '提交人类型 / Submitter type' })
  @IsIn(SUBMITTER_TYPES as unknown as string[])
  readonly submitterType: (typeof SUBMITTER_TYPES)[number];

  @ApiProperty({ required: false, example: '张三', description: '署名（选填）/ Display name (optional)' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(50)
  readonly displayName?: string;

  @ApiProperty({ required: false, example: '13800001234', description: '联系方式（不公开）/ Contact (never published)' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100)
  readonly contact?: string;

  @ApiProperty({ required: false, example: 3, description: '针对的条款：第 N 条（选填）/ The clause commented on (optional)' })
  @IsOptional() @IsInt() @Min(1) @Max(999)
  readonly clause?: number;

  @ApiProperty({ maxLength: COMMENT_TEXT_MAX, example: '建议将摊点经营时间延长至晚上十点。', description: '意见内容 / Comment text' })
  @IsString() @IsNotEmpty() @MaxLength(COMMENT_TEXT_MAX)
  readonly text: string;

  @ApiProperty({ required: false, default: false, example: false, description: '保密：不公开署名与内容 / Confidential: neither name nor text is published' })
  @IsOptional() @IsBoolean()
  readonly confidential?: boolean;
}

/** The solved challenge (GET /public/challenge): the token and the answer found. */
export class ChallengeAnswerDto {
  @ApiProperty({ example: 'eyJuIjoiWTNxOHRrVjJmUjFwTHdBeiIsImIiOjE2LCJlIjoiMjAyMC0wMy0xMFQwMjoxMDowMC4wMDBaIn0.Q2hhbGxlbmdlU2lnbmF0dXJl', description: '验证令牌（领取防刷验证所得）/ The challenge token (from GET /public/challenge)' })
  @IsString() @IsNotEmpty() @MaxLength(300)
  readonly token: string;

  @ApiProperty({ example: '48213', description: '验证结果 / The answer found' })
  @IsString() @IsNotEmpty() @MaxLength(32)
  readonly answer: string;
}

/** A comment from the public (the portal's form), with the solved challenge. */
export class SubmitCommentRequestDto extends CommentFieldsDto {
  @ApiProperty({ type: ChallengeAnswerDto, description: '防刷验证 / The anti-abuse challenge, solved' })
  @IsDefined() @ValidateNested() @Type(() => ChallengeAnswerDto)
  readonly challenge: ChallengeAnswerDto;
}

/** Input staff received by letter, phone, at a 座谈会 or hearing: entered into the same docket, tagged by source. */
export class EnterCommentRequestDto extends CommentFieldsDto {
  @ApiProperty({ enum: STAFF_SOURCES, example: 'LETTER', description: '意见来源 / Where the input was received' })
  @IsIn(STAFF_SOURCES as unknown as string[])
  readonly source: (typeof STAFF_SOURCES)[number];

  @ApiProperty({ required: false, example: '2020-03-10', description: '收到日期（默认今日）/ Day received (default today)' })
  @IsOptional() @IsString() @Matches(/^\d{4}-\d{2}-\d{2}$/)
  readonly receivedOn?: string;
}

/** A receipt's tracking number and 查询码. */
export class LookupCommentRequestDto {
  @ApiProperty({ example: 'YJ20200305-7KQ3MZ', description: '意见编号 / Tracking number' })
  @IsString() @IsNotEmpty() @MaxLength(32)
  readonly trackingNumber: string;

  @ApiProperty({ example: 'H4N8RT2P', description: '查询码 / Query code' })
  @IsString() @IsNotEmpty() @MaxLength(32)
  readonly queryCode: string;
}
