import { AuthenticatedUser, CurrentUser, RequireRoles } from '@app/auth';
import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateUserRequestDto } from './dto/create-user.request.dto';
import { SecurityLogRequestDto } from './dto/security-log.request.dto';
import { UpdateUserEmailRequestDto } from './dto/update-user-email.request.dto';
import { UpdateUserQualificationsRequestDto } from './dto/update-user-qualifications.request.dto';
import { UsersService } from './users.service';
import { UuidParamPipe } from '../common/validation.pipe';
import { ApiDoc } from '../common/api-doc';
import { OrgUnitResponseDto, SecurityLogEntryResponseDto, UserResponseDto } from './dto/user.response.dto';

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @ApiDoc({ zh: '列出用户', en: 'List users', ok: [UserResponseDto] })
  @RequireRoles('admin')
  @Get('users')
  list() {
    return this.users.list();
  }

  @ApiDoc({ zh: '创建用户', en: 'Create a user', ok: UserResponseDto, status: 201, errors: [409] })
  @RequireRoles('admin')
  @Post('users')
  create(@Body() dto: CreateUserRequestDto) {
    return this.users.create(dto);
  }

  /**
   * Records a user's legal professional qualification and the day they began legal review work
   * (APL Art. 58 ¶2): what the enforcement-decision workflow checks for a first-time reviewer.
   */
  @ApiDoc({ zh: '更新法律职业资格', en: "Update a user's legal qualification", ok: UserResponseDto, errors: [404, 422] })
  @RequireRoles('admin')
  @Put('users/:id/qualifications')
  updateQualifications(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', new UuidParamPipe('用户编号', 'User id')) id: string,
    @Body() dto: UpdateUserQualificationsRequestDto,
  ) {
    return this.users.updateQualifications(admin, id, dto);
  }

  /** Where a user's deadline reminders are e-mailed (SMTP_URL); null stops the e-mails. */
  @ApiDoc({ zh: '更新电子邮箱', en: "Update a user's e-mail", ok: UserResponseDto, errors: [404] })
  @RequireRoles('admin')
  @Put('users/:id/email')
  updateEmail(@Param('id', new UuidParamPipe('用户编号', 'User id')) id: string, @Body() dto: UpdateUserEmailRequestDto) {
    return this.users.updateEmail(id, dto.email);
  }

  /** Refused attempts (401/403/422/429), newest first, 200 at a time (`offset`, `limit` for older ones). */
  @ApiDoc({ zh: '安全日志', en: 'Security log', ok: [SecurityLogEntryResponseDto] })
  @RequireRoles('admin', 'auditor')
  @Get('security-log')
  securityLog(@Query() q: SecurityLogRequestDto) {
    return this.users.securityLog(q.limit, q.offset);
  }
}
