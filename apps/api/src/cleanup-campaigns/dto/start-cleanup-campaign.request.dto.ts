import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export const CAMPAIGN_KINDS = ['REGULAR', 'SPECIAL'] as const;

export class StartCleanupCampaignRequestDto {
  @ApiProperty({ example: '2026年度行政规范性文件清理' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  readonly name: string;

  /** REGULAR: the two-yearly comprehensive cleanup (Decree 372); SPECIAL: e.g. after a higher law changed */
  @ApiProperty({ enum: CAMPAIGN_KINDS, required: false, default: 'REGULAR' })
  @IsOptional() @IsIn(CAMPAIGN_KINDS as unknown as string[])
  readonly kind?: (typeof CAMPAIGN_KINDS)[number];

  @ApiProperty({ required: false, example: '根据《浙江省行政规范性文件管理办法》第三十条，每两年全面清理一次' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(2000)
  readonly basis?: string;
}
