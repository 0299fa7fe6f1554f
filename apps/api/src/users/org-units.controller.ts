import { AuthenticatedUser, CurrentUser, RequireRoles } from '@app/auth';
import { DocketError } from '@app/runtime';
import { Body, Controller, Get, HttpCode, Injectable, Param, PipeTransform, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateOrgUnitRequestDto, RenameOrgUnitRequestDto } from './dto/org-unit.request.dto';
import { OrgUnitsService } from './org-units.service';

/** An org unit code in a path: 1–64 characters without control characters. */
@Injectable()
export class OrgUnitIdParamPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value !== 'string' || !value || value.length > 64 || /[\u0000-\u001f\u007f]/.test(value)) {
      throw new DocketError(400, 'VALIDATION_FAILED', '机构代码格式不正确', 'Not an org unit code', undefined, { field: 'id' });
    }
    return value;
  }
}

@ApiTags('org-units')
@ApiBearerAuth()
@Controller('org-units')
export class OrgUnitsController {
  constructor(private readonly units: OrgUnitsService) {}

  @ApiOperation({
    summary: '机构列表 / The departments (org units)',
    description: '全部机构，含已停用的（active: false，statusLabel 已停用）及更名前的名称。 / Every unit, deactivated ones included (statusLabel), with their former names.',
  })
  @Get()
  list() {
    return this.units.list();
  }

  @RequireRoles('admin')
  @ApiOperation({
    summary: '新建机构 / Create a department',
    description: '409 ORG_UNIT_EXISTS (code taken), 409 ORG_UNIT_NAME_TAKEN (a name another unit has).',
  })
  @Post()
  create(@Body() dto: CreateOrgUnitRequestDto) {
    return this.units.create(dto);
  }

  @RequireRoles('admin')
  @ApiOperation({
    summary: '机构更名 / Rename a department',
    description:
      '原名称记入 formerNames（含更名时间）；已记录的案件保留当时的名称。 / The old names go to formerNames (with the instant); recorded cases keep the name they were recorded with. ' +
      '404 ORG_UNIT_NOT_FOUND, 409 ORG_UNIT_NAME_TAKEN, 422 ORG_UNIT_NAME_UNCHANGED.',
  })
  @Put(':id/name')
  rename(@CurrentUser() admin: AuthenticatedUser, @Param('id', OrgUnitIdParamPipe) id: string, @Body() dto: RenameOrgUnitRequestDto) {
    return this.units.rename(admin, id, dto);
  }

  @RequireRoles('admin')
  @ApiOperation({
    summary: '停用机构 / Deactivate a department',
    description:
      '停用后不能再新建该机构的账号，新的事项不能再指定该机构；已有案件不受影响。该机构尚有在用账号时拒绝。 / No new users or events may name it; existing cases are unaffected. ' +
      '404 ORG_UNIT_NOT_FOUND, 409 ORG_UNIT_ALREADY_INACTIVE, 409 ORG_UNIT_HAS_ACTIVE_USERS (details.users: disable or move them first).',
  })
  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@Param('id', OrgUnitIdParamPipe) id: string) {
    return this.units.deactivate(id);
  }
}
