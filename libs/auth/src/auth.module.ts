import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import { Global, Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
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
        // a secret KeyObject: given a string, jsonwebtoken first tries it as a public key (which
        // throws) on every verify — about 45 times the cost of the HMAC itself
        secret: createSecretKey(Buffer.from(resolveJwtSecret(config), 'utf8')),
        signOptions: { expiresIn: config.jwt.ttl as never, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [AuthService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, JwtModule],
})
export class AuthModule {}
