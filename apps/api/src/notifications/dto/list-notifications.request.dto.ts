import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PagingRequestDto } from '../../common/paging.request.dto';

export class ListNotificationsRequestDto extends PagingRequestDto {
  @ApiPropertyOptional({ description: 'only unread notifications', default: false })
  @IsOptional() @Transform(({ value }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value)) @IsBoolean()
  readonly unread?: boolean;
}
