import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DISPOSITIONS, HIDE_REASONS } from '../participation.labels';

export class HideCommentRequestDto {
  @ApiProperty({ enum: HIDE_REASONS, example: 'ADVERTISING', description: '屏蔽理由类别 / Reason category' })
  @IsIn(HIDE_REASONS as unknown as string[])
  readonly reason: (typeof HIDE_REASONS)[number];

  @ApiProperty({ required: false, example: '内容为商品推销。', description: '说明（选填）/ Note (optional)' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(500)
  readonly note?: string;
}

export class GroupCommentsRequestDto {
  @ApiProperty({ example: '关于经营时间的意见', description: '分组名称 / Group title' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  readonly title: string;

  @ApiProperty({ type: [String], format: 'uuid', example: ['3f1c2a8e-5b7d-4e9a-8c6f-1d2e3f4a5b6c', '7a9b0c1d-2e3f-4a5b-9c6d-7e8f9a0b1c2d'], description: '意见编号（至少两条）/ The comments grouped (at least two)' })
  @IsArray() @ArrayMinSize(2) @ArrayMaxSize(10000) @ArrayUnique() @IsUUID('4', { each: true })
  readonly commentIds: string[];
}

/** The answer to a comment or a group: reason required unless adopted in full, the changed clause when adopted. */
export class DisposeRequestDto {
  @ApiProperty({ enum: DISPOSITIONS, example: 'PARTIALLY_ADOPTED', description: '采纳情况 / Disposition' })
  @IsIn(DISPOSITIONS as unknown as string[])
  readonly disposition: (typeof DISPOSITIONS)[number];

  @ApiProperty({ required: false, example: '经营时间延长将影响周边居民休息。', description: '理由（未全部采纳时必填）/ Reason (required unless adopted in full)' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(2000)
  readonly reason?: string;

  @ApiProperty({ required: false, example: '第三条', description: '修改的条款（采纳时必填）/ The clause changed (required when adopted)' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200)
  readonly clauseChanged?: string;
}
