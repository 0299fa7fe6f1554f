import { Public } from '@app/auth';
import { ServiceMetrics } from '@app/deadlines';
import { DocketError } from '@app/runtime';
import { Controller, Get, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { Request, Response } from 'express';

/**
 * Prometheus metrics (text exposition format, not JSON: left out of the OpenAPI document), for a
 * scraper that sends `Authorization: Bearer $METRICS_TOKEN`. Without METRICS_TOKEN the path
 * answers exactly as an unknown one does, so nothing shows that it exists.
 */
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ServiceMetrics) {}

  @ApiExcludeEndpoint()
  @Public()
  @Get()
  async scrape(@Req() req: Request, @Res() res: Response): Promise<void> {
    const access = this.metrics.access(req.headers.authorization);
    if (access === 'disabled') throw new NotFoundException(`Cannot ${req.method} ${req.originalUrl}`);
    if (access === 'denied') {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new DocketError(401, 'METRICS_TOKEN_INVALID', '读取运行指标须提供有效的令牌', 'The metrics need Authorization: Bearer with the configured METRICS_TOKEN');
    }
    const text = await this.metrics.render();
    res.status(200).setHeader('Content-Type', this.metrics.contentType);
    res.end(text);
  }
}
