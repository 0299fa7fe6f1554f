import { AuthenticatedUser, CurrentUser, RequireRoles } from '@app/auth';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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
   * deadlines kept as calendar-missing are recomputed and re-planned in working days. Refused with
   * 400 (CALENDAR_DATA_INVALID, INVALID_DATE) for dates not valid or not in the year, and 422
   * CALENDAR_DATA_IMPLAUSIBLE for data that is not plausible (a date twice, a make-up workday on a
   * weekday, New Year's Day missing, weekday rest days net of make-up days outside 8–16).
   */
  @RequireRoles('admin')
  @ApiOperation({
    summary: "Load a year's holiday arrangement (State Council notice)",
    description:
      'Every rest day and make-up workday of the notice. Checked before it is stored: 400 CALENDAR_DATA_INVALID / INVALID_DATE (a date not valid, ' +
      'not in the year, or both a rest day and a make-up workday), 422 CALENDAR_DATA_IMPLAUSIBLE (a date listed twice, a make-up workday on a weekday, ' +
      "New Year's Day not a rest day, weekday rest days net of make-up workdays outside 8–16; details.problems names each). Calendar-missing deadlines are then recomputed.",
  })
  @Post()
  load(@CurrentUser() user: AuthenticatedUser, @Body() dto: LoadCalendarYearRequestDto) {
    return this.years.load(user, dto);
  }
}
