import { DocketConfig } from '@app/config';
import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import { ApiModule } from './api.module';
import { bodyGuard } from './common/body-guard.middleware';
import { mountConsole } from './console/console';
import { docketValidationPipe } from './common/validation.pipe';
import { mountQueueDashboard } from './queue-dashboard/queue-dashboard.module';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** Builds the API application (used by main.ts and by the end-to-end tests). */
export async function createApp(config: DocketConfig): Promise<NestExpressApplication> {
  const logger = config.logLevel === 'silent' ? false : LEVELS.slice(0, LEVELS.indexOf(config.logLevel as LogLevel) + 1);
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), { logger, bodyParser: false });
  // 2 MB: room for a long proposal; larger bodies answer 413, never a crash.
  app.use(json({ limit: '2mb', strict: true }));
  app.use(bodyGuard);
  mountQueueDashboard(app, config);
  app.set('trust proxy', 'loopback');
  app.setGlobalPrefix('api/v1');
  app.useGlobalPipes(docketValidationPipe());
  app.enableShutdownHooks();
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app));
  mountConsole(app, config);
  return app;
}

/** The OpenAPI document of the API (served at /api/docs; `npm run api:types` types the console's client from it). */
export function openApiDocument(app: NestExpressApplication): OpenAPIObject {
  const doc = new DocumentBuilder()
    .setTitle('Docket API')
    .setDescription('合法性审查与重大行政决策流程引擎 · Legality review and major administrative decisions')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, doc);
}
