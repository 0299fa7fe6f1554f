import { DynamicModule, Global, Module } from '@nestjs/common';
import { DOCKET_CONFIG } from './config.di-tokens';
import { DocketConfig, loadConfig } from './config.schema';

/** Provides the validated DocketConfig. `forRoot()` reads process.env (the only place that does). */
@Global()
@Module({})
export class DocketConfigModule {
  static forRoot(config?: DocketConfig): DynamicModule {
    return {
      module: DocketConfigModule,
      providers: [{ provide: DOCKET_CONFIG, useValue: config ?? loadConfig(process.env) }],
      exports: [DOCKET_CONFIG],
    };
  }
}
