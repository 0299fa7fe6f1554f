import { AllowedBeforePasswordChange, AuthenticatedUser, AuthService, CurrentUser, describePasswordPolicy, Public } from '@app/auth';
import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import { ROLE_LABELS } from '@app/engine';
import { Body, Controller, Get, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ChangePasswordRequestDto } from './dto/change-password.request.dto';
import { LoginRequestDto } from './dto/login.request.dto';
import { ApiDoc } from '../common/api-doc';
import { LoginResponseDto, MeResponseDto, PasswordPolicyResponseDto } from './dto/auth.response.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
  ) {}

  /** Rate-limited per client address (LOGIN_RATE_LIMIT per minute). */
  @ApiDoc({ zh: '登录', en: 'Sign in', descriptionZh: '以用户名和密码换取访问令牌（Bearer）。', descriptionEn: 'Exchanges a username and password for a bearer token.', ok: LoginResponseDto, public: true, errors: [401, 423, 429] })
  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginRequestDto) {
    return this.auth.login(dto.username, dto.password);
  }

  /** Ends every session of the caller: all their tokens stop working at once. */
  @ApiDoc({ zh: '退出登录（所有会话）', en: 'Sign out (every session)', descriptionZh: '调用者的全部令牌立即失效。', descriptionEn: 'Every token of the caller stops working at once.', ok: 'none', status: 204 })
  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.auth.logout(user.id);
  }

  @ApiDoc({
    zh: '修改本人密码',
    en: 'Change my password',
    descriptionZh: '须提供当前密码；新密码须符合密码规则。修改后本人其他会话全部失效，返回本会话的新令牌。须先修改密码的用户也可调用。',
    descriptionEn:
      'Needs the current password (403 CURRENT_PASSWORD_WRONG); the new one must satisfy the password policy (422 PASSWORD_TOO_WEAK, details.problems) and differ from the current (422 PASSWORD_UNCHANGED). Every other session ends; the answer is a new token for this one. Open to a user who must change the password (PASSWORD_CHANGE_REQUIRED).',
    ok: LoginResponseDto,
    errors: [422],
  })
  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @Post('password')
  @HttpCode(200)
  changePassword(@CurrentUser() user: AuthenticatedUser, @Body() dto: ChangePasswordRequestDto) {
    return this.auth.changePassword(user.id, dto.currentPassword, dto.newPassword);
  }

  @ApiDoc({
    zh: '密码规则',
    en: 'The password policy',
    descriptionZh: '最少字符数与字符类别数，及其中英文说明（供修改密码表单使用）。',
    descriptionEn: 'PASSWORD_MIN_LENGTH, PASSWORD_MIN_CLASSES, in zh-CN and English (for a change-password form).',
    ok: PasswordPolicyResponseDto,
    public: true,
  })
  @Public()
  @Get('password-policy')
  passwordPolicy() {
    const text = describePasswordPolicy(this.config.passwordPolicy);
    return { ...this.config.passwordPolicy, descriptionZh: text.zh, description: text.en };
  }

  @ApiDoc({ zh: '当前用户', en: 'The signed-in user', ok: MeResponseDto })
  @ApiBearerAuth()
  @AllowedBeforePasswordChange()
  @Get('me')
  async me(@CurrentUser() user: AuthenticatedUser) {
    return { ...user, roleLabels: user.roles.map((r) => ({ role: r, ...ROLE_LABELS[r] })), mustChangePassword: await this.auth.mustChangePassword(user.id) };
  }
}
