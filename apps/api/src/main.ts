import { loadConfig } from '@app/config';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { migrateDb } from './migrate-db/migrate-db';
import { DemoSeedService } from './seed/demo-seed.service';
import { USER_REPOSITORY, UserRepository } from '@app/persistence';
import { stopGracefullyOnSignals } from '@app/deadlines';

/** `migrate-db --to postgres://… [--schema S]`: copies the embedded town into an empty PostgreSQL schema. */
async function migrateDbCommand(args: string[]) {
  const at = (flag: string) => (args.indexOf(flag) >= 0 ? args[args.indexOf(flag) + 1] : undefined);
  const url = at('--to');
  if (!url || !/^postgres(ql)?:\/\//.test(url)) throw new Error('usage: npm run migrate-db -- --to postgres://user@host:5432/db [--schema public]');
  const config = loadConfig({ ...process.env, DATABASE_URL: undefined });
  if (config.database.type !== 'sqlite') throw new Error('migrate-db copies the embedded database (SQLITE_PATH / DATA_DIR)');
  const schema = at('--schema') ?? 'public';
  const done = await migrateDb({ sqlitePath: config.database.path, dataDir: config.dataDir, url, schema, progress: (l) => process.stdout.write(l) });
  console.log(`${done.cases} cases copied, ${done.casesIdentical} with the same head hash and history; ${done.attachmentFiles} attachment files moved into the database.`);
  console.log(`Next: run Docket with DATABASE_URL=${url.replace(/\/\/[^@/]*@/, '//…@')} DATABASE_SCHEMA=${schema}, JWT_SECRET (the value of ${config.dataDir}/jwt-secret keeps sessions) and DOCKET_SIGNING_KEY (the PEM in ${config.dataDir}/signing-key.pem), then npm run docket -- verify --all with the same DATABASE_URL.`);
  if (done.casesIdentical !== done.cases) throw new Error('some cases differ after the copy: do not switch over');
}

async function main() {
  if (process.argv[2] === 'migrate-db') return migrateDbCommand(process.argv.slice(3));
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
