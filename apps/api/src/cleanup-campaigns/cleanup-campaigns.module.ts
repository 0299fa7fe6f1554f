import { CleanupCampaignRepository, DATA_SOURCE } from '@app/persistence';
import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CleanupCampaignsController } from './cleanup-campaigns.controller';
import { CleanupCampaignsService } from './cleanup-campaigns.service';
import { CLEANUP_CAMPAIGN_REPOSITORY } from './cleanup-campaigns.tokens';

@Module({
  controllers: [CleanupCampaignsController],
  providers: [
    { provide: CLEANUP_CAMPAIGN_REPOSITORY, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new CleanupCampaignRepository(ds) },
    CleanupCampaignsService,
  ],
})
export class CleanupCampaignsModule {}
