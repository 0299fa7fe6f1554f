import { AuthenticatedUser, CurrentUser } from '@app/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CasesService } from './cases.service';
import { ApiDoc } from '../common/api-doc';
import { TaskListResponseDto } from './dto/case.response.dto';
import { ListTasksRequestDto } from './dto/list-cases.request.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly cases: CasesService) {}

  /** Cases whose next step is the caller's. */
  @ApiDoc({ zh: '待办事项', en: 'My tasks', descriptionZh: '调用者现在即可办理下一步的案件，最近更新的在前；可分页（limit、offset），total 为全部待办数。', descriptionEn: 'Cases whose next step the caller may take now, most recently updated first; pages with limit and offset, total counts every task.', ok: TaskListResponseDto })
  @Get()
  tasks(@CurrentUser() user: AuthenticatedUser, @Query() q: ListTasksRequestDto) {
    return this.cases.tasks(user, q);
  }
}
