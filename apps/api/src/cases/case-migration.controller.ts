import { AuthenticatedUser, CurrentUser, RequireRoles } from '@app/auth';
import { WorkflowRegistry } from '@app/engine';
import { WORKFLOW_REGISTRY, WorkflowRuntime } from '@app/runtime';
import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { toCaseDetail } from './case.mapper';
import { MigrateCaseRequestDto } from './dto/migrate-case.request.dto';
import { UuidParamPipe } from '../common/validation.pipe';
import { ApiDoc } from '../common/api-doc';
import { CaseMigrationResponseDto } from './dto/case.response.dto';

const uuid = new UuidParamPipe();

/**
 * Moving a running case to another version of its workflow (issue 4 §5). Only administrators;
 * only along a migration the new version declares; recorded in the case's history as a
 * MIGRATE_WORKFLOW event, so that replay uses the version in force at each event.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/cases')
export class CaseMigrationController {
  constructor(
    private readonly runtime: WorkflowRuntime,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
  ) {}

  @ApiDoc({ zh: '迁移案件至新版流程', en: 'Migrate a case to a newer workflow version', ok: CaseMigrationResponseDto, errors: [404, 409, 422] })
  @RequireRoles('admin')
  @Post(':id/migrate')
  @HttpCode(200)
  async migrate(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: MigrateCaseRequestDto) {
    const { case: row, record, dryRun } = await this.runtime.migrate({
      caseId: id,
      toVersion: dto.toVersion,
      actor: { userId: user.id, role: 'admin', orgUnit: user.orgUnit },
      expectedRevision: dto.expectedRevision,
      dryRun: dto.dryRun ?? false,
    });
    const def = this.registry.get(row.kind, row.workflowVersion);
    const probe = { actor: { userId: user.id, role: 'admin' as const, orgUnit: user.orgUnit }, at: record.at };
    return { dryRun, case: toCaseDetail(row, def, ['admin'], probe), event: dryRun ? null : record };
  }
}
