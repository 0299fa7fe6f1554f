import { ApiProperty } from '@nestjs/swagger';

export class CalendarYearListCoveredDto {
  @ApiProperty({ type: 'integer' })
  readonly from: number;

  @ApiProperty({ type: 'integer' })
  readonly to: number;
}

export class CalendarYearListLoadedDto {
  @ApiProperty({ type: 'integer' })
  readonly year: number;

  @ApiProperty({ type: String })
  readonly source: string;

  @ApiProperty({ type: 'integer' })
  readonly holidays: number;

  @ApiProperty({ type: 'integer' })
  readonly workdays: number;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly loadedAt: string;
}

export class CalendarYearListResponseDto {
  @ApiProperty({ type: () => CalendarYearListCoveredDto })
  readonly covered: CalendarYearListCoveredDto;

  @ApiProperty({ type: () => CalendarYearListLoadedDto, isArray: true })
  readonly loaded: CalendarYearListLoadedDto[];
}

export class RecomputedDeadlineDto {
  @ApiProperty({ type: String })
  readonly deadlineId: string;

  @ApiProperty({ type: String })
  readonly caseId: string;

  @ApiProperty({ type: String })
  readonly key: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  readonly dueDate: string | null;
}

export class CalendarYearLoadedResponseDto {
  @ApiProperty({ type: 'integer' })
  readonly year: number;

  @ApiProperty({ type: String })
  readonly source: string;

  @ApiProperty({ type: 'integer' })
  readonly holidays: number;

  @ApiProperty({ type: 'integer' })
  readonly workdays: number;

  @ApiProperty({ type: () => RecomputedDeadlineDto, isArray: true, description: '因载入本年度数据而重新计算的期限 · Deadlines recomputed with the loaded year' })
  readonly recomputed: RecomputedDeadlineDto[];

  @ApiProperty({ type: 'integer' })
  readonly stillMissing: number;
}
