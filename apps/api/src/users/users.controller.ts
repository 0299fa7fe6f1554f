import { RequireRoles } from '@app/auth';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateUserRequestDto } from './dto/create-user.request.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @RequireRoles('admin')
  @Get('users')
  list() {
    return this.users.list();
  }

  @RequireRoles('admin')
  @Post('users')
  create(@Body() dto: CreateUserRequestDto) {
    return this.users.create(dto);
  }

  @Get('org-units')
  orgUnits() {
    return this.users.orgUnits();
  }

  /** Refused attempts (401/403/422/429), newest first. */
  @RequireRoles('admin', 'auditor')
  @Get('security-log')
  securityLog() {
    return this.users.securityLog();
  }
}
