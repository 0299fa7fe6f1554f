import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { pagingRequest } from '../../common/paging.request.dto';

export const DEADLINE_VIEWS = ['open', 'due-soon', 'overdue', 'met', 'missed', 'calendar-missing', 'all'] as const;
export type DeadlineView = (typeof DEADLINE_VIEWS)[number];

export class ListDeadlinesRequestDto extends pagingRequest({ defaultLimit: 100, maxLimit: 1000 }) {
  @ApiPropertyOptional({ enum: DEADLINE_VIEWS, default: 'open', description: 'due-soon: open and due within 3 working days' })
  @IsOptional() @IsIn(DEADLINE_VIEWS as unknown as string[])
  readonly status?: DeadlineView;

  @ApiPropertyOptional()
  @IsOptional() @IsUUID('4')
  readonly caseId?: string;
}
