import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import { Logger, Module } from '@nestjs/common';
import { CheckpointWriter } from './checkpoint-writer.service';
import { SIGNING_KEY } from './runtime.di-tokens';
import { resolveSigningKey } from './signing-key';

/**
 * The checkpoint writer and its signing key, for whichever process makes checkpoints (the API;
 * the worker's periodic job). Needs PersistenceModule and RuntimeModule (CLOCK).
 */
@Module({
  providers: [
    {
      provide: SIGNING_KEY,
      inject: [DOCKET_CONFIG],
      useFactory: (config: DocketConfig) => {
        const key = resolveSigningKey(config);
        if (!key) new Logger('Checkpoints').warn('no DOCKET_SIGNING_KEY: checkpoints are disabled until one is configured (npm run docket -- keygen)');
        return key;
      },
    },
    CheckpointWriter,
  ],
  exports: [SIGNING_KEY, CheckpointWriter],
})
export class CheckpointModule {}
