import { AuthenticatedUser, CurrentUser, RequireRoles } from '@app/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DeadlinesService } from './deadlines.service';
import { ListDeadlinesRequestDto } from './dto/list-deadlines.request.dto';
import { ApiDoc } from '../common/api-doc';
import { DeadlineListResponseDto } from './dto/deadline.response.dto';

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('deadlines')
export class DeadlinesController {
  constructor(private readonly deadlines: DeadlinesService) {}

  /** Statutory deadlines across cases: open, due-soon, overdue, met, missed, calendar-missing. */
  @ApiDoc({ zh: '列出期限', en: 'List deadlines', ok: DeadlineListResponseDto })
  @RequireRoles('legal-reviewer', 'town-head', 'secretary', 'auditor', 'department-head')
  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() q: ListDeadlinesRequestDto) {
    return this.deadlines.list(user, q);
  }
}
