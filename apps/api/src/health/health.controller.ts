import { Public } from '@app/auth';
import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DATA_SOURCE } from '@app/persistence';
import { Inject } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiDoc } from '../common/api-doc';
import { HealthResponseDto } from './dto/health.response.dto';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
  ) {}

  @ApiDoc({ zh: '健康检查', en: 'Health check', descriptionZh: '数据库不可用时答复 503（同样的结构，status 为 error）。', descriptionEn: 'Answers 503 with the same shape (status error) when the database is down.', ok: HealthResponseDto, public: true })
  @Public()
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([() => this.db.pingCheck('database', { connection: this.ds, timeout: 3000 })]);
  }
}
