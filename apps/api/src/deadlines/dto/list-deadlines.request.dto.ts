import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const DEADLINE_VIEWS = ['open', 'due-soon', 'overdue', 'met', 'missed', 'calendar-missing', 'all'] as const;
export type DeadlineView = (typeof DEADLINE_VIEWS)[number];

export class ListDeadlinesRequestDto {
  @ApiPropertyOptional({ enum: DEADLINE_VIEWS, default: 'open', description: 'due-soon: open and due within 3 working days' })
  @IsOptional() @IsIn(DEADLINE_VIEWS as unknown as string[])
  readonly status?: DeadlineView;

  @ApiPropertyOptional()
  @IsOptional() @IsUUID('4')
  readonly caseId?: string;

  @ApiPropertyOptional({ default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  readonly limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  readonly offset?: number;
}
