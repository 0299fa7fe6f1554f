import { loadConfig } from '@app/config';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module';
import { docketLogging, nestLogLevels, stopGracefullyOnSignals } from '@app/deadlines';

async function main() {
  const config = loadConfig(process.env);
  const logging = docketLogging(config);
  const app = await NestFactory.create(WorkerModule.forRoot(config), { logger: nestLogLevels(config), bufferLogs: true });
  app.useLogger(logging.nestLogger);
  app.flushLogs();
  app.use(logging.http, logging.bind);
  const port = config.port + 1;
  stopGracefullyOnSignals(app, config, new Logger('Worker'));
  await app.listen(port);
  new Logger('Worker').log(`Docket worker up (health on :${port}/health)${config.redisUrl ? '' : '; idle: REDIS_URL is unset'}`);
}

main().catch((e) => {
  console.error(e?.message ?? e);
  process.exit(1);
});
