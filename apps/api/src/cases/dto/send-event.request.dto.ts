import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';

/** 补录: the event records a past act from paper (issue 9 §9); the reason is kept in the history. */
export class BackfillRequestDto {
  @ApiProperty({ example: '备案回执为纸质件，次日录入' })
  @IsString() @IsNotEmpty() @MaxLength(2000)
  readonly reason: string;
}

export class SendEventRequestDto {
  @ApiProperty({ example: 'SUBMIT_DRAFT' })
  @IsString() @IsNotEmpty() @MaxLength(64) @Matches(/^[A-Z][A-Z0-9_]*$/, { message: 'type must be an UPPER_SNAKE event name' })
  readonly type: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: {}, description: "The event's payload; its fields depend on the event: see the event's payloadSchema (a JSON Schema with zh-CN and English titles and examples) in GET /workflows/:kind/:version" })
  @IsOptional() @IsObject()
  readonly payload?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Refuse with 409 REVISION_CONFLICT unless the case is still at this revision' })
  // null is refused (400), not read as "no expectation"
  @ValidateIf((_, v) => v !== undefined) @IsInt() @Min(1)
  readonly expectedRevision?: number;

  @ApiPropertyOptional({
    type: BackfillRequestDto,
    description:
      '补录: the payload records a past act (a done or scheduled date before today). Required then, refused otherwise; at most records.backfill.maxDays (default 365) days back',
  })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => BackfillRequestDto)
  readonly backfill?: BackfillRequestDto;
}
