import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { resolveJwtSecret } from './jwt-secret';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [DOCKET_CONFIG],
      useFactory: (config: DocketConfig) => ({
        secret: resolveJwtSecret(config),
        signOptions: { expiresIn: config.jwt.ttl as never, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [AuthService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, JwtModule],
})
export class AuthModule {}
