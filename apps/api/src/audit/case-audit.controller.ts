import { RequireRoles } from '@app/auth';
import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CaseAuditService } from './case-audit.service';
import { CheckpointsService } from './checkpoints.service';
import { DossierService } from './dossier.service';
import { InclusionProofRequestDto } from './dto/inclusion-proof.request.dto';
import { StateAtRequestDto } from './dto/state-at.request.dto';
import { UuidParamPipe } from '../common/validation.pipe';

const uuid = new UuidParamPipe();

/** The auditor's read-only view of a case (issue 4 §1, §2, §4). Auditors see every case. */
@ApiTags('audit')
@ApiBearerAuth()
@RequireRoles('auditor')
@Controller('cases')
export class CaseAuditController {
  constructor(
    private readonly audit: CaseAuditService,
    private readonly dossiers: DossierService,
    private readonly checkpoints: CheckpointsService,
  ) {}

  /** Per event: who, when, from → to state, and the record fields changed (old → new). */
  @Get(':id/audit/history')
  history(@Param('id', uuid) id: string) {
    return this.audit.history(id);
  }

  /** Step-by-step replay with each step's verification, and the verdict. */
  @Get(':id/audit/replay')
  replay(@Param('id', uuid) id: string) {
    return this.audit.replay(id);
  }

  /** The case as it stood at `at` (the history up to then, replayed). */
  @Get(':id/state')
  stateAt(@Param('id', uuid) id: string, @Query() q: StateAtRequestDto) {
    return this.audit.stateAt(id, q.at);
  }

  /** The case head's inclusion proof in a checkpoint (default: the latest). */
  @Get(':id/inclusion-proof')
  inclusionProof(@Param('id', uuid) id: string, @Query() q: InclusionProofRequestDto) {
    return this.checkpoints.inclusionProof(id, q.checkpoint);
  }

  /** The dossier bundle (决策档案), to verify offline with `npm run docket -- verify`. */
  @Get(':id/dossier')
  dossier(@Param('id', uuid) id: string) {
    return this.dossiers.bundle(id);
  }

  /** The dossier as a readable zh-CN page. */
  @Get(':id/dossier.html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async dossierHtml(@Param('id', uuid) id: string) {
    return this.dossiers.html(id);
  }
}
