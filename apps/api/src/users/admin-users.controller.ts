import { RequireRoles } from '@app/auth';
import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
}
