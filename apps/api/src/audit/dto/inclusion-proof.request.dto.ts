import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_SEQ } from '../../common/paging.request.dto';

export class InclusionProofRequestDto {
  @ApiPropertyOptional({ description: 'checkpoint seq (default: the latest)', minimum: 1, maximum: MAX_SEQ })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_SEQ)
  readonly checkpoint?: number;
}
