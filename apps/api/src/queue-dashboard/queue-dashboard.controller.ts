import { RequireRoles } from '@app/auth';
import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import { DocketError } from '@app/runtime';
import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { QUEUE_DASHBOARD_PATH, QUEUE_SESSION_COOKIE } from './queue-dashboard.auth';
import { ApiDoc } from '../common/api-doc';
import { QueueSessionOpenedResponseDto, QueueSessionStatusResponseDto } from './dto/queue-dashboard.response.dto';

/** Embedded mode (REDIS_URL unset): reminders run in this process, there is no queue to show. */
export const queuesNotInUse = () =>
  new DocketError(
    404,
    'QUEUES_NOT_IN_USE',
    '未配置 REDIS_URL：期限提醒在本进程内运行（嵌入模式），没有可显示的队列',
    'REDIS_URL is unset: deadline reminders run in this process (embedded mode), there are no queues to show',
  );

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/queue-session')
export class QueueDashboardController {
  constructor(@Inject(DOCKET_CONFIG) private readonly config: DocketConfig) {}

  /**
   * Whether this deployment has a queue dashboard: only with Redis (REDIS_URL set). The admin page
   * offers the dashboard only when `available`; in embedded mode `dashboard` is null.
   */
  @RequireRoles('admin')
  @ApiDoc({
    zh: '队列监控是否可用',
    en: 'Whether the queue dashboard is available',
    descriptionZh: '设置 REDIS_URL 时 available 为 true 并给出路径；嵌入式模式下没有队列，available 为 false、dashboard 为空。',
    descriptionEn: 'available: true with its path when REDIS_URL is set; false (dashboard null) in embedded mode, where there are no queues.',
    ok: QueueSessionStatusResponseDto,
  })
  @Get()
  status(): { available: boolean; dashboard: string | null } {
    const available = !!this.config.redisUrl;
    return { available, dashboard: available ? QUEUE_DASHBOARD_PATH : null };
  }

  /**
   * Opens the queue dashboard (`/api/v1/admin/queues`) in this browser: the caller's token is set
   * as an HttpOnly, SameSite=Strict cookie valid for the dashboard's path only, until it expires.
   * In embedded mode there is no dashboard: 404 QUEUES_NOT_IN_USE, and no cookie is set.
   */
  @RequireRoles('admin')
  @ApiDoc({
    zh: '在本浏览器打开队列监控',
    en: 'Open the queue dashboard in this browser',
    descriptionZh: '设置队列监控的会话 Cookie。嵌入式模式（未设置 REDIS_URL）答复 404。',
    descriptionEn: 'Sets the dashboard session cookie. 404 QUEUES_NOT_IN_USE in embedded mode (REDIS_URL unset).',
    ok: QueueSessionOpenedResponseDto,
    errors: [404],
  })
  @Post()
  @HttpCode(200)
  open(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    if (!this.config.redisUrl) throw queuesNotInUse();
    const token = (req.headers.authorization ?? '').slice(7).trim();
    res.cookie(QUEUE_SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: QUEUE_DASHBOARD_PATH });
    return { dashboard: QUEUE_DASHBOARD_PATH };
  }
}
