import { RequireRoles } from '@app/auth';
import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CaseAuditService } from './case-audit.service';
import { CheckpointsService } from './checkpoints.service';
import { DossierService } from './dossier.service';
import { InclusionProofRequestDto } from './dto/inclusion-proof.request.dto';
import { StateAtRequestDto } from './dto/state-at.request.dto';
import { UuidParamPipe } from '../common/validation.pipe';
import { ApiDoc } from '../common/api-doc';
import { AuditHistoryResponseDto, DossierResponseDto, InclusionProofResponseDto, ReplayResponseDto, StateAtResponseDto } from './dto/audit.response.dto';

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
  @ApiDoc({ zh: '审计历史（逐条变更）', en: 'Audit history (field changes per event)', ok: AuditHistoryResponseDto, errors: [404] })
  @Get(':id/audit/history')
  history(@Param('id', uuid) id: string) {
    return this.audit.history(id);
  }

  /** Step-by-step replay with each step's verification, and the verdict. */
  @ApiDoc({ zh: '重放校验', en: 'Replay the history', ok: ReplayResponseDto, errors: [404] })
  @Get(':id/audit/replay')
  replay(@Param('id', uuid) id: string) {
    return this.audit.replay(id);
  }

  /** The case as it stood at `at` (the history up to then, replayed). */
  @ApiDoc({ zh: '某一时刻的案件状态', en: 'The case as it stood at an instant', ok: StateAtResponseDto, errors: [404] })
  @Get(':id/state')
  stateAt(@Param('id', uuid) id: string, @Query() q: StateAtRequestDto) {
    return this.audit.stateAt(id, q.at);
  }

  /** The case head's inclusion proof in a checkpoint (default: the latest). */
  @ApiDoc({ zh: '检查点包含证明', en: 'Inclusion proof in a checkpoint', ok: InclusionProofResponseDto, errors: [404] })
  @Get(':id/inclusion-proof')
  inclusionProof(@Param('id', uuid) id: string, @Query() q: InclusionProofRequestDto) {
    return this.checkpoints.inclusionProof(id, q.checkpoint);
  }

  /** The dossier bundle (决策档案), to verify offline with `npm run docket -- verify`. */
  @ApiDoc({ zh: '导出案卷（JSON）', en: 'Export the dossier (JSON)', ok: DossierResponseDto, errors: [404] })
  @Get(':id/dossier')
  dossier(@Param('id', uuid) id: string) {
    return this.dossiers.bundle(id);
  }

  /** The dossier as a readable zh-CN page. */
  @ApiDoc({ zh: '案卷（可打印页面）', en: 'The dossier as a printable page', ok: 'html', errors: [404] })
  @Get(':id/dossier.html')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async dossierHtml(@Param('id', uuid) id: string) {
    return this.dossiers.html(id);
  }
}
