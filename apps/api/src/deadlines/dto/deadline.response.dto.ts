import { ApiProperty } from '@nestjs/swagger';
import { LabelDto } from '../../common/dto/common.response.dto';

export class DeadlineListItemDto {
  @ApiProperty({ type: String })
  readonly id: string;

  @ApiProperty({ type: String })
  readonly caseId: string;

  @ApiProperty({ type: String })
  readonly key: string;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;

  @ApiProperty({ type: String })
  readonly article: string;

  @ApiProperty({ type: String })
  readonly articleZh: string;

  @ApiProperty({ type: String })
  readonly type: string;

  @ApiProperty({ type: String })
  readonly unit: string;

  @ApiProperty({ type: 'integer' })
  readonly length: number;

  @ApiProperty({ type: String, format: 'date' })
  readonly startsOn: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: '到期日（北京时间）；节假日数据缺失时为空 · Due date (Beijing); null while the calendar year is missing' })
  readonly dueDate: string | null;

  @ApiProperty({ type: String })
  readonly status: string;

  @ApiProperty({ type: Boolean })
  readonly overdue: boolean;

  @ApiProperty({ type: 'integer', nullable: true, description: '剩余工作日（负数为已超期）· Working days left (negative: overdue)' })
  readonly workingDaysLeft: number | null;

  @ApiProperty({ type: String, isArray: true })
  readonly responsible: string[];

  @ApiProperty({ type: String, isArray: true })
  readonly supervisor: string[];

  @ApiProperty({ type: 'integer', isArray: true })
  readonly reminders: number[];

  @ApiProperty({ type: Boolean })
  readonly escalate: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly openedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly closedAt: string | null;
}

export class DeadlineListResponseDto {
  @ApiProperty({ type: String, format: 'date' })
  readonly today: string;

  @ApiProperty({ type: 'integer' })
  readonly total: number;

  @ApiProperty({ type: () => DeadlineListItemDto, isArray: true })
  readonly items: DeadlineListItemDto[];
}
