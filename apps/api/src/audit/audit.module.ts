import { CheckpointModule } from '@app/runtime';
import { Module } from '@nestjs/common';
import { CaseAuditController } from './case-audit.controller';
import { CaseAuditService } from './case-audit.service';
import { CaseEvidenceService } from './case-evidence.service';
import { CheckpointIntervalScheduler } from './checkpoint-interval.scheduler';
import { CheckpointsController } from './checkpoints.controller';
import { CheckpointsService } from './checkpoints.service';
import { DossierService } from './dossier.service';

/** Auditors (issue 4): case audit views, signed checkpoints, dossiers. */
@Module({
  imports: [CheckpointModule],
  controllers: [CaseAuditController, CheckpointsController],
  providers: [CaseEvidenceService, CaseAuditService, CheckpointsService, DossierService, CheckpointIntervalScheduler],
  exports: [CaseEvidenceService],
})
export class AuditModule {}
