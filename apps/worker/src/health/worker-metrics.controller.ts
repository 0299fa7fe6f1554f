import { ServiceMetrics } from '@app/deadlines';
import { Controller, Get, NotFoundException, Req, Res, UnauthorizedException } from '@nestjs/common';
import type { Request, Response } from 'express';

/** The worker's Prometheus metrics on its health port, behind the same METRICS_TOKEN as the API's (404 without it). */
@Controller('metrics')
export class WorkerMetricsController {
  constructor(private readonly metrics: ServiceMetrics) {}

  @Get()
  async scrape(@Req() req: Request, @Res() res: Response): Promise<void> {
    const access = this.metrics.access(req.headers.authorization);
    if (access === 'disabled') throw new NotFoundException(`Cannot ${req.method} ${req.originalUrl}`);
    if (access === 'denied') {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new UnauthorizedException('The metrics need Authorization: Bearer with the configured METRICS_TOKEN');
    }
    const text = await this.metrics.render();
    res.status(200).setHeader('Content-Type', this.metrics.contentType);
    res.end(text);
  }
}
