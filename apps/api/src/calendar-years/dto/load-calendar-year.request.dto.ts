import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, IsUrl, Matches, Max, MaxLength, Min } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One year's holiday arrangement as published by the General Office of the State Council. */
export class LoadCalendarYearRequestDto {
  @ApiProperty({ example: 2027 })
  @IsInt() @Min(2000) @Max(2100)
  readonly year: number;

  @ApiProperty({ description: 'statutory rest days (YYYY-MM-DD), weekend days inside a holiday block may be listed', example: ['2027-01-01'] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(366) @IsString({ each: true }) @Matches(DATE, { each: true, message: 'each holiday must be a date written YYYY-MM-DD' })
  readonly holidays: string[];

  @ApiProperty({ description: 'make-up workdays (调休上班日), YYYY-MM-DD', example: [] })
  @IsArray() @ArrayMaxSize(366) @IsString({ each: true }) @Matches(DATE, { each: true, message: 'each workday must be a date written YYYY-MM-DD' })
  readonly workdays: string[];

  @ApiProperty({ description: 'URL of the notice (provenance)', example: 'https://www.gov.cn/zhengce/content/2026-11/01/content_0000000.htm' })
  @IsString() @MaxLength(500) @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  readonly source: string;
}
