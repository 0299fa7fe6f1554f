import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { RequestHandler } from 'express';
import { CHECKPOINTS_QUEUE, DEADLINES_QUEUE, EMAILS_QUEUE, WEBHOOKS_QUEUE } from './queue.constants';

/**
 * The bull-board dashboard of the deadline, webhook, e-mail and checkpoint queues (waiting, delayed, failed jobs with
 * their errors; retry and promote). Provided with REDIS_URL only; the API mounts it behind the
 * admin role.
 */
@Injectable()
export class QueueDashboardService {
  constructor(
    @InjectQueue(DEADLINES_QUEUE) private readonly deadlines: Queue,
    @InjectQueue(WEBHOOKS_QUEUE) private readonly webhooks: Queue,
    @InjectQueue(EMAILS_QUEUE) private readonly emails: Queue,
    @InjectQueue(CHECKPOINTS_QUEUE) private readonly checkpoints: Queue,
  ) {}

  /** An express router serving the dashboard (UI and its JSON API) under `basePath`. */
  router(basePath: string): RequestHandler {
    const server = new ExpressAdapter();
    server.setBasePath(basePath);
    createBullBoard({
      queues: [new BullMQAdapter(this.deadlines), new BullMQAdapter(this.webhooks), new BullMQAdapter(this.emails), new BullMQAdapter(this.checkpoints)],
      serverAdapter: server,
      options: { uiConfig: { boardTitle: 'Docket queues' } },
    });
    return server.getRouter();
  }
}
