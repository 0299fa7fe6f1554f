import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_SEQ } from '../../common/paging.request.dto';

export class ConsistencyProofRequestDto {
  @ApiProperty({ description: 'the older checkpoint seq you hold', minimum: 1, maximum: MAX_SEQ })
  @Type(() => Number) @IsInt() @Min(1) @Max(MAX_SEQ)
  readonly from: number;
}
