import { Public } from '@app/auth';
import { AdjustableClock, CLOCK, Clock } from '@app/runtime';
import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';

export class SetClockRequestDto {
  @ApiProperty({ example: '2020-09-29T02:00:00.000Z' })
  @IsISO8601({ strict: true })
  readonly now: string;
}

/** Only mounted when DOCKET_TEST_CLOCK=1 (404 otherwise). */
@ApiTags('test')
@ApiBearerAuth()
@Controller('test/clock')
export class TestClockController {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @Public()
  @Get()
  get() {
    return { now: this.clock.now().toISOString() };
  }

  @Public()
  @Put()
  set(@Body() dto: SetClockRequestDto) {
    (this.clock as AdjustableClock).set(new Date(dto.now));
    return { now: this.clock.now().toISOString() };
  }
}
