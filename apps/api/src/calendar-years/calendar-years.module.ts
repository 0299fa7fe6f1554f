import { Module } from '@nestjs/common';
import { CalendarYearsController } from './calendar-years.controller';
import { CalendarYearsAdminService } from './calendar-years.service';

/** Holiday arrangements loaded as data by administrators. */
@Module({ controllers: [CalendarYearsController], providers: [CalendarYearsAdminService] })
export class CalendarYearsModule {}
