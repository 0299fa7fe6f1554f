import { Public } from '@app/auth';
import { HealthReport, ServiceHealth } from '@app/deadlines';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiExtraModels, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiDoc } from '../common/api-doc';
import { DependencyStatusDto, HealthResponseDto, LivenessResponseDto } from './dto/health.response.dto';

/**
 * Health without login: `/health` the database and Redis apart (200 ok or degraded, 503 when the
 * database is down), `/health/ready` for a load balancer (503 from the moment a shutdown begins),
 * `/health/live` while the process runs.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: ServiceHealth) {}

  @ApiDoc({
    zh: '健康检查',
    en: 'Health check',
    descriptionZh: '数据库与 Redis 分别列出：Redis 不可用时 status 为 degraded（仍答复 200）；数据库不可用时答复 503（同样的结构，status 为 down）。',
    descriptionEn: 'The database and Redis apart: degraded (200) when Redis is down; 503 with the same shape (status down) when the database is down.',
    ok: HealthResponseDto,
    public: true,
  })
  @ApiExtraModels(DependencyStatusDto)
  @Public()
  @Get()
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.health.report();
    res.status(report.status === 'down' ? 503 : 200);
    return report;
  }

  @ApiDoc({
    zh: '就绪检查',
    en: 'Readiness',
    descriptionZh: '可接收请求时答复 200；开始停机（SIGTERM）后或数据库不可用时答复 503（同样的结构）。供负载均衡使用。',
    descriptionEn: '200 while the process takes requests; 503 (same shape) once a shutdown has begun or while the database is down. For a load balancer.',
    ok: HealthResponseDto,
    public: true,
  })
  @Public()
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.health.report();
    res.status(report.ready ? 200 : 503);
    return report;
  }

  @ApiDoc({ zh: '存活检查', en: 'Liveness', descriptionZh: '进程运行即答复 200。', descriptionEn: '200 while the process runs.', ok: LivenessResponseDto, public: true })
  @Public()
  @Get('live')
  live(): { status: 'alive' } {
    return { status: 'alive' };
  }
}
