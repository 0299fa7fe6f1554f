import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

export class InclusionProofRequestDto {
  @ApiPropertyOptional({ description: 'checkpoint seq (default: the latest)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1)
  readonly checkpoint?: number;
}
