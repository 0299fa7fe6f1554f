import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsString, Matches, MaxLength } from 'class-validator';

export class CreateCaseRequestDto {
  @ApiProperty({ example: 'major-decision' })
  @IsString() @IsNotEmpty() @MaxLength(64) @Matches(/^[a-z][a-z0-9-]*$/)
  readonly kind: string;

  @ApiProperty({ example: '掌起镇农村生活垃圾分类处理实施方案' })
  @IsString() @IsNotEmpty() @MaxLength(500)
  readonly title: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The decision proposal (R713 Art. 11); its fields: the creation's payloadSchema in GET /workflows/:kind/:version",
    example: { problem: '…', reasons: '…', legalBasis: '…', solution: '…', necessity: '…' },
  })
  @IsObject()
  readonly proposal: Record<string, unknown>;
}
