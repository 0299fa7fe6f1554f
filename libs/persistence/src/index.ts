export * from './entities';
export * from './migrations';
export * from './data-source.options';
export * from './persistence.di-tokens';
export * from './persistence.module';
export * from './repositories/case.repository';
export * from './repositories/user.repository';
export * from './repositories/write-serializer';
