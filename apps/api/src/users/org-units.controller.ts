import { AuthenticatedUser, CurrentUser, RequireRoles } from '@app/auth';
import { DocketError } from '@app/runtime';
import { Body, Controller, Get, HttpCode, Injectable, Param, PipeTransform, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from '../common/api-doc';
import { OrgUnitResponseDto } from './dto/user.response.dto';
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

  @ApiDoc({ zh: '机构列表', en: 'The departments (org units)', descriptionZh: '全部机构，含已停用的（statusLabel 已停用）及更名前的名称。', descriptionEn: 'Every unit, deactivated ones included (statusLabel), with their former names.', ok: [OrgUnitResponseDto] })
  @Get()
  list() {
    return this.units.list();
  }

  @RequireRoles('admin')
  @ApiDoc({ zh: '新建机构', en: 'Create a department', descriptionEn: '409 ORG_UNIT_EXISTS (code taken), 409 ORG_UNIT_NAME_TAKEN (a name another unit has).', ok: OrgUnitResponseDto, status: 201, errors: [409] })
  @Post()
  create(@Body() dto: CreateOrgUnitRequestDto) {
    return this.units.create(dto);
  }

  @RequireRoles('admin')
  @ApiDoc({ zh: '机构更名', en: 'Rename a department', descriptionZh: '原名称记入 formerNames（含更名时间）；已记录的案件保留当时的名称。', descriptionEn: 'The old names go to formerNames (with the instant); recorded cases keep the name they were recorded with. 404 ORG_UNIT_NOT_FOUND, 409 ORG_UNIT_NAME_TAKEN, 422 ORG_UNIT_NAME_UNCHANGED.', ok: OrgUnitResponseDto, errors: [404, 409, 422] })
  @Put(':id/name')
  rename(@CurrentUser() admin: AuthenticatedUser, @Param('id', OrgUnitIdParamPipe) id: string, @Body() dto: RenameOrgUnitRequestDto) {
    return this.units.rename(admin, id, dto);
  }

  @RequireRoles('admin')
  @ApiDoc({ zh: '停用机构', en: 'Deactivate a department', descriptionZh: '停用后不能再新建该机构的账号，新的事项不能再指定该机构；已有案件不受影响。该机构尚有在用账号时拒绝。', descriptionEn: 'No new users or events may name it; existing cases are unaffected. 404 ORG_UNIT_NOT_FOUND, 409 ORG_UNIT_ALREADY_INACTIVE, 409 ORG_UNIT_HAS_ACTIVE_USERS (details.users: disable or move them first).', ok: OrgUnitResponseDto, errors: [404, 409] })
  @Post(':id/deactivate')
  @HttpCode(200)
  deactivate(@Param('id', OrgUnitIdParamPipe) id: string) {
    return this.units.deactivate(id);
  }
}
