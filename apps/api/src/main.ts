import { loadConfig } from '@app/config';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { DemoSeedService } from './seed/demo-seed.service';
import { USER_REPOSITORY, UserRepository } from '@app/persistence';
import { stopGracefullyOnSignals } from '@app/deadlines';

async function main() {
  const config = loadConfig(process.env);
  const logger = new Logger('Docket');
  const app = await createApp(config);
  const seeder = app.get(DemoSeedService);

  if (process.argv[2] === 'seed:demo') {
    const created = await seeder.seed();
    console.log(created.length ? `Created demo users: ${created.join(', ')}` : 'Demo users already exist.');
    const sample = await seeder.seedSampleCases();
    console.log(sample ? `Created the ${sample.year} decision catalog and ${sample.created.length - 1} sample cases.` : 'The demo year already exists.');
    console.log(seeder.describe());
    await app.close();
    return;
  }

  // An empty embedded database gets the demo town, so a newcomer can log in at once.
  // With DATABASE_URL set, demo users are only ever created by `npm run seed:demo`.
  if (config.database.embedded && (await app.get<UserRepository>(USER_REPOSITORY).countUsers()) === 0) {
    await seeder.seed();
    const sample = await seeder.seedSampleCases();
    logger.log(`embedded database was empty: migrations ran and the demo town was seeded (${sample?.year ?? ''} catalog and sample cases)`);
    logger.log('\n' + seeder.describe());
  }
  stopGracefullyOnSignals(app, config, logger);
  await app.listen(config.port);
  logger.log(`Docket API on http://localhost:${config.port}/api/v1 (OpenAPI: /api/docs)`);
}

main().catch((e) => {
  console.error(e?.message ?? e);
  process.exit(1);
});
