import { AuthenticatedUser, CurrentUser } from '@app/auth';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CasesService } from './cases.service';
import { ApiDoc } from '../common/api-doc';
import { TaskListResponseDto } from './dto/case.response.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly cases: CasesService) {}

  /** Cases whose next step is the caller's. */
  @ApiDoc({ zh: '待办事项', en: 'My tasks', descriptionZh: '调用者现在即可办理下一步的案件。', descriptionEn: 'Cases whose next step the caller may take now.', ok: TaskListResponseDto })
  @Get()
  tasks(@CurrentUser() user: AuthenticatedUser) {
    return this.cases.tasks(user);
  }
}
