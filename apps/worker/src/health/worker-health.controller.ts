import { HealthReport, ServiceHealth } from '@app/deadlines';
import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';

/** The worker's health on its own port: the database and Redis apart, readiness, liveness. */
@Controller('health')
export class WorkerHealthController {
  constructor(private readonly health: ServiceHealth) {}

  @Get()
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.health.report();
    res.status(report.status === 'down' ? 503 : 200);
    return report;
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.health.report();
    res.status(report.ready ? 200 : 503);
    return report;
  }

  @Get('live')
  live(): { status: 'alive' } {
    return { status: 'alive' };
  }
}
