import { AuthenticatedUser, CurrentUser } from '@app/auth';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CasesService } from './cases.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly cases: CasesService) {}

  /** Cases whose next step is the caller's. */
  @Get()
  tasks(@CurrentUser() user: AuthenticatedUser) {
    return this.cases.tasks(user);
  }
}
