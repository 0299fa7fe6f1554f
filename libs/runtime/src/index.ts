export * from './clock';
export * from './effect-sink.port';
export * from './facts.resolver';
export * from './payload.validator';
export * from './runtime.di-tokens';
export * from './runtime.errors';
export * from './runtime.module';
export * from './workflow-runtime.service';
