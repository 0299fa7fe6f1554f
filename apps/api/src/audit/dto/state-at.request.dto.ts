import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class StateAtRequestDto {
  @ApiProperty({ description: 'an instant with its offset (ISO 8601)', example: '2020-10-20T04:00:00Z' })
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'at must be an ISO 8601 instant with an offset, e.g. 2020-10-20T12:00:00+08:00',
  })
  readonly at: string;
}
