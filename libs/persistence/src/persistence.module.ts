import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source.options';
import { CASE_REPOSITORY, CHECKPOINT_REPOSITORY, DATA_SOURCE, DEADLINE_REPOSITORY, USER_REPOSITORY } from './persistence.di-tokens';
import { CaseRepository } from './repositories/case.repository';
import { CheckpointRepository } from './repositories/checkpoint.repository';
import { DeadlineRepository } from './repositories/deadline.repository';
import { UserRepository } from './repositories/user.repository';

/**
 * Opens the configured database, runs pending migrations, and provides the repositories.
 */
@Global()
@Module({
  providers: [
    {
      provide: DATA_SOURCE,
      inject: [DOCKET_CONFIG],
      useFactory: async (config: DocketConfig) => {
        const ds = new DataSource(dataSourceOptions(config));
        await ds.initialize();
        new Logger('Persistence').log(
          config.database.type === 'sqlite'
            ? `database: embedded SQLite at ${config.database.path}`
            : `database: PostgreSQL (schema ${config.database.schema})`,
        );
        return ds;
      },
    },
    { provide: CASE_REPOSITORY, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new CaseRepository(ds) },
    { provide: USER_REPOSITORY, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new UserRepository(ds) },
    { provide: CHECKPOINT_REPOSITORY, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new CheckpointRepository(ds) },
    { provide: DEADLINE_REPOSITORY, inject: [DATA_SOURCE], useFactory: (ds: DataSource) => new DeadlineRepository(ds) },
  ],
  exports: [DATA_SOURCE, CASE_REPOSITORY, USER_REPOSITORY, CHECKPOINT_REPOSITORY, DEADLINE_REPOSITORY],
})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}
