import type { DocketConfig } from '@app/config';
import { QueueDashboardService } from '@app/deadlines';
import { Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { queueDashboardCsp } from '../common/security-headers';
import { QueueDashboardAuth, QUEUE_DASHBOARD_PATH } from './queue-dashboard.auth';
import { QueueDashboardController } from './queue-dashboard.controller';

/** bull-board for administrators, behind the admin role. */
@Module({ controllers: [QueueDashboardController], providers: [QueueDashboardAuth] })
export class QueueDashboardModule {}

/**
 * Mounts the dashboard (an express router) at QUEUE_DASHBOARD_PATH behind the admin check. In
 * embedded mode there are no queues: the path answers 404 QUEUES_NOT_IN_USE.
 */
export function mountQueueDashboard(app: NestExpressApplication, config: DocketConfig): void {
  const auth = app.get(QueueDashboardAuth).middleware();
  if (config.redisUrl) {
    app.use(QUEUE_DASHBOARD_PATH, auth, queueDashboardCsp(), app.get(QueueDashboardService, { strict: false }).router(QUEUE_DASHBOARD_PATH));
    return;
  }
  app.use(QUEUE_DASHBOARD_PATH, auth, (_req: unknown, res: { status: (n: number) => { json: (b: unknown) => void } }) =>
    res.status(404).json({
      statusCode: 404,
      code: 'QUEUES_NOT_IN_USE',
      message: 'REDIS_URL is unset: deadline reminders run in this process (embedded mode), there are no queues to show',
      messageZh: '未配置 REDIS_URL：期限提醒在本进程内运行（嵌入模式），没有可显示的队列',
    }),
  );
}
