import { ApiProperty } from '@nestjs/swagger';

/** A cleanup campaign as listed (规范性文件清理, Decree 372). */
export class CleanupCampaignListItemDto {
  @ApiProperty({ type: String })
  readonly id: string;

  @ApiProperty({ type: String, example: '2022年度行政规范性文件清理' })
  readonly name: string;

  @ApiProperty({ type: String, enum: ['REGULAR', 'SPECIAL'], description: '定期清理 / 专项清理 · Regular or special' })
  readonly kind: 'REGULAR' | 'SPECIAL';

  @ApiProperty({ type: String, nullable: true })
  readonly basis: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly startedAt: string;

  @ApiProperty({ type: String, format: 'date', description: '启动日（北京时间）· Start day (Beijing)' })
  readonly startedOn: string;

  @ApiProperty({ type: String })
  readonly startedBy: string;

  @ApiProperty({ type: String })
  readonly startedRole: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly finishedAt: string | null;
}

/** What the campaign did to one document in force. */
export class CleanupCampaignCaseDto {
  @ApiProperty({ type: String })
  readonly campaignId: string;

  @ApiProperty({ type: String })
  readonly caseId: string;

  @ApiProperty({ type: String, enum: ['opened', 'refused'] })
  readonly outcome: 'opened' | 'refused';

  @ApiProperty({ type: String, nullable: true, description: '未能开启清理时的错误代码 · Error code when refused' })
  readonly code: string | null;

  @ApiProperty({ type: 'integer', nullable: true })
  readonly seq: number | null;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly at: string;

  @ApiProperty({ type: String })
  readonly title: string;

  @ApiProperty({ type: String, nullable: true })
  readonly statePath: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: '清理结论作出日 · The day the review concluded' })
  readonly reviewedOn: string | null;
}

export class CleanupCampaignResponseDto extends CleanupCampaignListItemDto {
  @ApiProperty({ type: 'integer' })
  readonly opened: number;

  @ApiProperty({ type: 'integer' })
  readonly refused: number;

  @ApiProperty({ type: 'integer' })
  readonly concluded: number;

  @ApiProperty({ type: () => CleanupCampaignCaseDto, isArray: true })
  readonly cases: CleanupCampaignCaseDto[];
}

export class CleanupCampaignListResponseDto {
  @ApiProperty({ type: () => CleanupCampaignListItemDto, isArray: true })
  readonly items: CleanupCampaignListItemDto[];

  @ApiProperty({ type: 'integer', description: '定期清理间隔（年）· Years between regular campaigns' })
  readonly intervalYears: number;

  @ApiProperty({ type: String })
  readonly article: string;

  @ApiProperty({ type: String })
  readonly articleZh: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: '下次定期清理应启动日 · When the next regular campaign is due' })
  readonly nextRegularDue: string | null;
}
