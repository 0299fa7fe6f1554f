import { DATA_SOURCE, LiaisonFormRepository } from '@app/persistence';
import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReviewDeskController } from './review-desk.controller';
import { ReviewDeskService } from './review-desk.service';

@Module({
  controllers: [ReviewDeskController],
  providers: [
    ReviewDeskService,
    { provide: LiaisonFormRepository, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new LiaisonFormRepository(ds) },
  ],
})
export class ReviewDeskModule {}
