import { AuthenticatedUser, CurrentUser, RequireRoles } from '@app/auth';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ResetPasswordRequestDto } from './dto/reset-password.request.dto';
import { UsernameParamPipe } from './username-param.pipe';
import { UsersService } from './users.service';

/** An administrator's actions on one account, by username. */
@ApiTags('admin')
@ApiBearerAuth()
@RequireRoles('admin')
@Controller('admin/users/:username')
export class AdminUsersController {
  constructor(private readonly users: UsersService) {}

  /** Ends a lockout after too many wrong passwords (LOGIN_LOCKOUT_THRESHOLD) before its time. */
  @Post('unlock')
  @HttpCode(200)
  unlock(@Param('username', UsernameParamPipe) username: string) {
    return this.users.unlock(username);
  }

  /** Disables the account: its tokens stop working at once, and it cannot log in (USER_DISABLED). */
  @Post('disable')
  @HttpCode(200)
  disable(@CurrentUser() admin: AuthenticatedUser, @Param('username', UsernameParamPipe) username: string) {
    return this.users.setActive(admin, username, false);
  }

  /** Enables a disabled account again (its earlier tokens stay revoked: the user logs in anew). */
  @Post('enable')
  @HttpCode(200)
  enable(@CurrentUser() admin: AuthenticatedUser, @Param('username', UsernameParamPipe) username: string) {
    return this.users.setActive(admin, username, true);
  }

  @ApiOperation({
    summary: '重置密码 / Reset a password',
    description:
      '设置临时密码：该用户所有会话立即失效，下次登录后须先修改密码。 / Sets a temporary password (the password policy applies: 422 PASSWORD_TOO_WEAK); every session of the user ' +
      'ends, a lockout is lifted, and until the user changes it every endpoint but POST /auth/password, POST /auth/logout and GET /auth/me answers 403 PASSWORD_CHANGE_REQUIRED.',
  })
  @Post('password')
  @HttpCode(200)
  resetPassword(@Param('username', UsernameParamPipe) username: string, @Body() dto: ResetPasswordRequestDto) {
    return this.users.resetPassword(username, dto.temporaryPassword);
  }
}
