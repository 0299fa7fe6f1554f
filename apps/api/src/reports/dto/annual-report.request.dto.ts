import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class AnnualReportRequestDto {
  @ApiProperty({ example: 2020 })
  @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  readonly year: number;

  @ApiPropertyOptional({ enum: ['json', 'html'], description: 'html: the zh-CN report page (also at /reports/annual.html)' })
  @IsOptional() @IsIn(['json', 'html'])
  readonly format?: 'json' | 'html';

  @ApiPropertyOptional({ description: 'a figure key (each figure carries its `drill` link): the cases behind it', example: 'review.reviewed' })
  @IsOptional() @IsString() @MaxLength(300) @Matches(/^[A-Za-z0-9._-]+$/)
  readonly drill?: string;
}
