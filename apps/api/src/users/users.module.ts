import { Module } from '@nestjs/common';
import { AdminUsersController } from './admin-users.controller';
import { OrgUnitsController } from './org-units.controller';
import { OrgUnitsService } from './org-units.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ controllers: [UsersController, AdminUsersController, OrgUnitsController], providers: [UsersService, OrgUnitsService], exports: [UsersService, OrgUnitsService] })
export class UsersModule {}
