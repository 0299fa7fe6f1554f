import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthController } from './auth.controller';

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [DOCKET_CONFIG],
      useFactory: (config: DocketConfig) => [{ ttl: 60_000, limit: config.loginRateLimit }],
    }),
  ],
  controllers: [AuthController],
})
export class AuthHttpModule {}
