import { Public } from '@app/auth';
import { HealthReport, ServiceHealth } from '@app/deadlines';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';

/**
 * Health without login: `/health` the database and Redis apart (200 ok or degraded, 503 when the
 * database is down), `/health/ready` for a load balancer (503 from the moment a shutdown begins),
 * `/health/live` while the process runs.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: ServiceHealth) {}

  @Public()
  @Get()
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.health.report();
    res.status(report.status === 'down' ? 503 : 200);
    return report;
  }

  @Public()
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.health.report();
    res.status(report.ready ? 200 : 503);
    return report;
  }

  @Public()
  @Get('live')
  live(): { status: 'alive' } {
    return { status: 'alive' };
  }
}
