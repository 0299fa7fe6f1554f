import type { DocketConfig } from '@app/config';
import * as fs from 'fs';
import * as path from 'path';
import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * TypeORM options for the configured database. `synchronize` is never used: the schema comes
 * from the migrations, which run at boot.
 *
 * SQLite runs on better-sqlite3 (WAL, synchronous=FULL: every committed event is durable).
 */
export function dataSourceOptions(config: Pick<DocketConfig, 'database' | 'dbLogging'>): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    synchronize: false,
    logging: config.dbLogging,
  } as const;
  if (config.database.type === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: config.database.url,
      schema: config.database.schema,
      // raw SQL (migrations, triggers) resolves unqualified names in the configured schema too
      extra: { max: 10, options: `-c search_path=${config.database.schema}` },
    };
  }
  const file = config.database.path;
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: file,
    enableWAL: true,
    prepareDatabase: (db: { pragma: (s: string) => unknown }) => {
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  };
}
