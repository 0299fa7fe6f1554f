import type { DocketConfig } from '@app/config';
import type { INestApplication, LoggerService } from '@nestjs/common';
import type { Server } from 'http';
import { ServiceHealth } from './service-health';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * SIGTERM / SIGINT for a process that serves HTTP (the API, the worker's health port): readiness
 * turns 503 first (for `shutdown.drainMs`, so a load balancer stops sending), then the server stops
 * accepting and the requests in flight finish; then the application closes (BullMQ workers finish
 * their active jobs, the database and Redis connections close). What is still running after
 * `shutdown.timeoutMs` is cut: an unanswered request was never acknowledged, and a cut job is
 * retried by another worker once its lock expires.
 */
export function stopGracefullyOnSignals(app: INestApplication, config: DocketConfig, logger: LoggerService): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const { drainMs, timeoutMs } = config.shutdown;
    app.get(ServiceHealth).beginDraining();
    logger.log(`${signal}: not ready any more; stopping in ${drainMs} ms, in-flight work gets ${timeoutMs} ms`);
    if (drainMs > 0) await sleep(drainMs);

    const server = app.getHttpServer() as Server;
    let cut = false;
    const deadline = setTimeout(() => {
      cut = true;
      logger.warn(`requests still open after ${timeoutMs} ms: connections closed`);
      server.closeAllConnections();
    }, timeoutMs);
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    clearTimeout(deadline);

    const closed = await Promise.race([app.close().then(() => true), sleep(timeoutMs).then(() => false)]);
    if (!closed) logger.warn(`the application did not close within ${timeoutMs} ms (jobs in flight are retried elsewhere)`);
    logger.log('stopped');
    process.exit(closed && !cut ? 0 : 1);
  };
  process.once('SIGTERM', (s) => void stop(s));
  process.once('SIGINT', (s) => void stop(s));
}
