export * from './config.schema';
export * from './config.di-tokens';
export * from './config.module';
