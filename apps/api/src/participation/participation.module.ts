import { ConsultationCommentRepository, DATA_SOURCE } from '@app/persistence';
import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AttachmentsModule } from '../attachments/attachments.module';
import { ChallengeService } from './challenge';
import { CommentThrottlerGuard } from './comment-throttler.guard';
import { ParticipationKeys } from './participation-keys';
import { ParticipationController } from './participation.controller';
import { ParticipationService } from './participation.service';
import { CONSULTATION_COMMENT_REPOSITORY } from './participation.tokens';
import { PublicParticipationController } from './public-participation.controller';

@Module({
  imports: [AttachmentsModule],
  controllers: [PublicParticipationController, ParticipationController],
  providers: [
    { provide: CONSULTATION_COMMENT_REPOSITORY, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new ConsultationCommentRepository(ds) },
    ParticipationKeys,
    ChallengeService,
    CommentThrottlerGuard,
    ParticipationService,
  ],
})
export class ParticipationModule {}
