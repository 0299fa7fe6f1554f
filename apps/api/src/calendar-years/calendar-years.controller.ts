import { AuthenticatedUser, CurrentUser, RequireRoles } from '@app/auth';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CalendarYearsAdminService } from './calendar-years.service';
import { LoadCalendarYearRequestDto } from './dto/load-calendar-year.request.dto';
import { ApiDoc } from '../common/api-doc';
import { CalendarYearListResponseDto, CalendarYearLoadedResponseDto } from './dto/calendar-year.response.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/calendar-years')
export class CalendarYearsController {
  constructor(private readonly years: CalendarYearsAdminService) {}

  /** The years the business calendar covers, and those loaded as data. */
  @RequireRoles('admin')
  @ApiDoc({ zh: '节假日数据年度', en: 'Calendar years', descriptionZh: '工作日历覆盖的年度，以及以数据载入的年度。', descriptionEn: 'The years the business calendar covers, and those loaded as data.', ok: CalendarYearListResponseDto })
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
  @ApiDoc({
    zh: '载入年度节假日安排（国务院办公厅通知）',
    en: "Load a year's holiday arrangement (State Council notice)",
    descriptionZh: '载入前先核对：日期无效或不在该年度答复 400，数据不合常理答复 422（逐条说明问题）。载入后重新计算因缺少节假日数据而暂缓的期限。',
    descriptionEn:
      'Every rest day and make-up workday of the notice. Checked before it is stored: 400 CALENDAR_DATA_INVALID / INVALID_DATE (a date not valid, ' +
      'not in the year, or both a rest day and a make-up workday), 422 CALENDAR_DATA_IMPLAUSIBLE (a date listed twice, a make-up workday on a weekday, ' +
      "New Year's Day not a rest day, weekday rest days net of make-up workdays outside 8–16; details.problems names each). Calendar-missing deadlines are then recomputed.",
    ok: CalendarYearLoadedResponseDto,
    status: 201,
    errors: [422],
  })
  @Post()
  load(@CurrentUser() user: AuthenticatedUser, @Body() dto: LoadCalendarYearRequestDto) {
    return this.years.load(user, dto);
  }
}
