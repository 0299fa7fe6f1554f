import { AuthenticatedUser, CurrentUser, RequireRoles } from '@app/auth';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CalendarYearsAdminService } from './calendar-years.service';
import { LoadCalendarYearRequestDto } from './dto/load-calendar-year.request.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/calendar-years')
export class CalendarYearsController {
  constructor(private readonly years: CalendarYearsAdminService) {}

  /** The years the business calendar covers, and those loaded as data. */
  @RequireRoles('admin')
  @Get()
  list() {
    return this.years.list();
  }

  /**
   * Loads (or replaces) a year's holiday arrangement. Takes effect at once, without a release;
   * deadlines kept as calendar-missing are recomputed and get their reminders.
   */
  @RequireRoles('admin')
  @Post()
  load(@CurrentUser() user: AuthenticatedUser, @Body() dto: LoadCalendarYearRequestDto) {
    return this.years.load(user, dto);
  }
}
