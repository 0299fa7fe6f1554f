import { AuthenticatedUser, AuthService, CurrentUser, Public } from '@app/auth';
import { ROLE_LABELS } from '@app/engine';
import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { LoginRequestDto } from './dto/login.request.dto';
import { ApiDoc } from '../common/api-doc';
import { LoginResponseDto, MeResponseDto } from './dto/auth.response.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

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
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.auth.logout(user.id);
  }

  @ApiDoc({ zh: '当前用户', en: 'The signed-in user', ok: MeResponseDto })
  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser) {
    return { ...user, roleLabels: user.roles.map((r) => ({ role: r, ...ROLE_LABELS[r] })) };
  }
}
