import { AuthenticatedUser, AuthService, CurrentUser, Public } from '@app/auth';
import { ROLE_LABELS } from '@app/engine';
import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { LoginRequestDto } from './dto/login.request.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Rate-limited per client address (LOGIN_RATE_LIMIT per minute). */
  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginRequestDto) {
    return this.auth.login(dto.username, dto.password);
  }

  /** Ends every session of the caller: all their tokens stop working at once. */
  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.auth.logout(user.id);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser) {
    return { ...user, roleLabels: user.roles.map((r) => ({ role: r, ...ROLE_LABELS[r] })) };
  }
}
