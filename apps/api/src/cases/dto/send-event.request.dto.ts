import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, Min, ValidateIf } from 'class-validator';

export class SendEventRequestDto {
  @ApiProperty({ example: 'SUBMIT_DRAFT' })
  @IsString() @IsNotEmpty() @MaxLength(64) @Matches(/^[A-Z][A-Z0-9_]*$/, { message: 'type must be an UPPER_SNAKE event name' })
  readonly type: string;

  @ApiPropertyOptional({ description: "The event's payload; its fields depend on the event: see the event's payloadSchema (a JSON Schema with zh-CN and English titles and examples) in GET /workflows/:kind/:version" })
  @IsOptional() @IsObject()
  readonly payload?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Refuse with 409 REVISION_CONFLICT unless the case is still at this revision' })
  // null is refused (400), not read as "no expectation"
  @ValidateIf((_, v) => v !== undefined) @IsInt() @Min(1)
  readonly expectedRevision?: number;
}
