/**
 * Entry of a worker started as a child process by the queue tests: the real WorkerModule on the
 * shared test clock (read from the database), moved to TEST_CLOCK_AT first when that is given.
 */
import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { AdjustableClock, CLOCK } from '@app/runtime';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../../apps/worker/src/worker.module';

async function main() {
  const config = loadConfig(process.env);
  // create() runs no lifecycle hook yet: the clock is set before reconciliation and the processors start
  const app = await NestFactory.create(WorkerModule.forRoot(config), { logger: false });
  if (process.env.TEST_CLOCK_AT) app.get<AdjustableClock>(CLOCK).set(new Date(process.env.TEST_CLOCK_AT));
  await app.init();
  process.stdout.write('WORKER READY\n');
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e));
  process.exit(1);
});
