import { AuthenticatedUser, CurrentUser, RequireRoles } from '@app/auth';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ResetPasswordRequestDto } from './dto/reset-password.request.dto';
import { UsernameParamPipe } from './username-param.pipe';
import { UsersService } from './users.service';
import { ApiDoc } from '../common/api-doc';
import { UserResponseDto } from './dto/user.response.dto';

/** An administrator's actions on one account, by username. */
@ApiTags('admin')
@ApiBearerAuth()
@RequireRoles('admin')
@Controller('admin/users/:username')
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  /** Ends a lockout after too many wrong passwords (LOGIN_LOCKOUT_THRESHOLD) before its time. */
  @ApiDoc({ zh: '解除账号锁定', en: 'Unlock an account', ok: UserResponseDto, errors: [404] })
  @Post('unlock')
  @HttpCode(200)
  unlock(@Param('username', UsernameParamPipe) username: string) {
    return this.users.unlock(username);
  }

  /** Disables the account: its tokens stop working at once, and it cannot log in (USER_DISABLED). */
  @ApiDoc({ zh: '停用账号', en: 'Disable an account', ok: UserResponseDto, errors: [404, 422] })
  @Post('disable')
  @HttpCode(200)
  disable(@CurrentUser() admin: AuthenticatedUser, @Param('username', UsernameParamPipe) username: string) {
    return this.users.setActive(admin, username, false);
  }

  /** Enables a disabled account again (its earlier tokens stay revoked: the user logs in anew). */
  @ApiDoc({ zh: '启用账号', en: 'Enable an account', ok: UserResponseDto, errors: [404] })
  @Post('enable')
  @HttpCode(200)
  enable(@CurrentUser() admin: AuthenticatedUser, @Param('username', UsernameParamPipe) username: string) {
    return this.users.setActive(admin, username, true);
  }

  @ApiDoc({
    zh: '重置密码',
    en: 'Reset a password',
    descriptionZh: '设置临时密码（须符合密码规则）：该用户所有会话立即失效、锁定解除，下次登录后须先修改密码。',
    descriptionEn:
      'Sets a temporary password (the password policy applies: 422 PASSWORD_TOO_WEAK); every session of the user ends, a lockout is lifted, and until the user changes it every endpoint but POST /auth/password, POST /auth/logout and GET /auth/me answers 403 PASSWORD_CHANGE_REQUIRED.',
    ok: UserResponseDto,
    errors: [404, 422],
  })
  @Post('password')
  @HttpCode(200)
  resetPassword(@Param('username', UsernameParamPipe) username: string, @Body() dto: ResetPasswordRequestDto) {
    return this.users.resetPassword(username, dto.temporaryPassword);
  }
}
