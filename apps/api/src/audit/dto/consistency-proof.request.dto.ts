import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';

export class ConsistencyProofRequestDto {
  @ApiProperty({ description: 'the older checkpoint seq you hold' })
  @Type(() => Number) @IsInt() @Min(1)
  readonly from: number;
}
