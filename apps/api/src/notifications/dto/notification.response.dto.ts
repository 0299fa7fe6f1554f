import { ApiProperty } from '@nestjs/swagger';
import { LabelDto } from '../../common/dto/common.response.dto';

export class NotificationResponseDto {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly id: string;

  @ApiProperty({ type: String, example: 'deadline-reminder' })
  readonly kind: string;

  @ApiProperty({ type: String, nullable: true })
  readonly caseId: string | null;

  @ApiProperty({ type: String, nullable: true })
  readonly deadlineId: string | null;

  @ApiProperty({ type: () => LabelDto })
  readonly title: LabelDto;

  @ApiProperty({ type: () => LabelDto })
  readonly body: LabelDto;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly readAt: string | null;
}

export class NotificationListResponseDto {
  @ApiProperty({ type: 'integer' })
  readonly total: number;

  @ApiProperty({ type: 'integer' })
  readonly unread: number;

  @ApiProperty({ type: () => NotificationResponseDto, isArray: true })
  readonly items: NotificationResponseDto[];
}
