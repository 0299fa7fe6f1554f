import { Public } from '@app/auth';
import { BullmqDeadlineScheduler } from '@app/deadlines';
import { AdjustableClock, CLOCK, Clock, DEADLINE_SCHEDULER, DeadlineScheduler, SharedTestClock, syncClock } from '@app/runtime';
import { Body, Controller, Get, Inject, Logger, Optional, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { ApiDoc } from '../common/api-doc';
import { TestClockResponseDto } from './dto/test-clock.response.dto';

export class SetClockRequestDto {
  @ApiProperty({ example: '2020-09-29T02:00:00.000Z' })
  @IsISO8601({ strict: true })
  readonly now: string;
}

/**
 * Only mounted when DOCKET_TEST_CLOCK=1 (404 otherwise). The clock is shared through the database
 * with every process that runs with the flag (the worker included). With BullMQ, moving it
 * reconciles the queue at the new time: jobs now due run at once, jobs queued with a delay from
 * another time are replaced.
 */
@ApiTags('test')
@ApiBearerAuth()
@Controller('test/clock')
export class TestClockController {
  private readonly logger = new Logger('TestClock');

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(DEADLINE_SCHEDULER) private readonly scheduler?: DeadlineScheduler,
  ) {}

  @ApiDoc({ zh: '测试时钟', en: 'The test clock', ok: TestClockResponseDto, public: true })
  @Public()
  @Get()
  async get() {
    await syncClock(this.clock);
    return { now: this.clock.now().toISOString() };
  }

  @ApiDoc({ zh: '拨动测试时钟', en: 'Set the test clock', ok: TestClockResponseDto, public: true })
  @Public()
  @Put()
  async set(@Body() dto: SetClockRequestDto) {
    const to = new Date(dto.now);
    if (this.clock instanceof SharedTestClock) await this.clock.moveTo(to);
    else (this.clock as AdjustableClock).set(to);
    if (this.scheduler instanceof BullmqDeadlineScheduler) {
      const now = this.clock.now();
      const { replaced } = await this.scheduler.reconcile(now);
      const promoted = await this.scheduler.promoteDue(now);
      this.logger.log(`test clock moved to ${now.toISOString()}: ${replaced} job(s) re-timed, ${promoted} promoted`);
    }
    return { now: this.clock.now().toISOString() };
  }
}
