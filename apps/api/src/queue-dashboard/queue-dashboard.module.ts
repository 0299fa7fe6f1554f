import type { DocketConfig } from '@app/config';
import { QueueDashboardService } from '@app/deadlines';
import { Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { queueDashboardCsp } from '../common/security-headers';
import { QueueDashboardAuth, QUEUE_DASHBOARD_PATH } from './queue-dashboard.auth';
import { QueueDashboardController, queuesNotInUse } from './queue-dashboard.controller';

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
  app.use(QUEUE_DASHBOARD_PATH, auth, (_req: unknown, res: { status: (n: number) => { json: (b: unknown) => void } }) => {
    const e = queuesNotInUse();
    res.status(e.status).json({ statusCode: e.status, code: e.code, message: e.en, messageZh: e.zh });
  });
}
