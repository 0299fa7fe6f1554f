export * from './auth.errors';
export * from './auth.guard';
export * from './auth.module';
export * from './auth.service';
export * from './authenticated-user';
export * from './decorators';
export * from './jwt-secret';
export * from './password-hasher';
