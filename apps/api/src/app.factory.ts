import { DocketConfig } from '@app/config';
import { docketLogging, nestLogLevels, ServiceMetrics } from '@app/deadlines';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import * as path from 'path';
import type { DestinationStream } from 'pino';
import { ApiModule } from './api.module';
import { DOSSIER_CSS } from './audit/dossier-html.renderer';
import { PAPER_CSS } from './papers/papers.renderer';
import { bodyGuard } from './common/body-guard.middleware';
import { jsonBody } from './common/json-body.middleware';
import { mountConsole } from './console/console';
import { docketValidationPipe } from './common/validation.pipe';
import { noStore, securityHeaders } from './common/security-headers';
import { mountQueueDashboard } from './queue-dashboard/queue-dashboard.module';
import { ANNUAL_REPORT_CSS } from './reports/annual-report.html';

/**
 * swagger-ui's page as SwaggerModule.setup serves it (same template, no custom options), to hash its
 * inline styles into the policy. The builder is not in the package's exports map: loaded by path.
 */
function swaggerUiHtml(): string {
  const dir = path.join(path.dirname(require.resolve('@nestjs/swagger')), 'swagger-ui');
  return (require(dir) as { buildSwaggerHTML: (baseUrl: string, options: object) => string }).buildSwaggerHTML('./', {});
}

/** Builds the API application (used by main.ts and by the end-to-end tests); `logDestination` replaces stdout. */
export async function createApp(config: DocketConfig, options: { logDestination?: DestinationStream } = {}): Promise<NestExpressApplication> {
  const logging = docketLogging(config, options.logDestination);
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), { logger: nestLogLevels(config), bufferLogs: true, bodyParser: false });
  // Nest's own lines and every Logger of the code go through pino (LOG_LEVEL, LOG_FORMAT)
  app.useLogger(logging.nestLogger);
  app.flushLogs();
  app.disable('x-powered-by');
  // first: every request is timed, and gets its id (X-Request-Id) and its log line, whatever answers it
  app.use(app.get(ServiceMetrics).httpMiddleware());
  app.use(logging.http);
  // the API docs page is swagger-ui's own HTML: its inline styles are hashed as the setup below serves them
  app.use(securityHeaders({ styles: [DOSSIER_CSS, ANNUAL_REPORT_CSS, PAPER_CSS], pages: [swaggerUiHtml()] }));
  app.use('/api/v1', noStore);
  // 2 MB: room for a long proposal; larger bodies answer 413, never a crash; undecodable ones 400.
  // the public portal takes short comments only: 16 KB (a 2,000-character comment is at most 6 KB of UTF-8)
  app.use('/api/v1/public', jsonBody({ limit: '16kb' }));
  app.use(jsonBody({ limit: '2mb' }));
  app.use(bodyGuard);
  // after the body is read (its stream events would leave the request's context)
  app.use(logging.bind);
  mountQueueDashboard(app, config);
  // X-Forwarded-For is believed only from the proxies TRUST_PROXY names (default: none)
  app.set('trust proxy', config.trustProxy);
  app.setGlobalPrefix('api/v1');
  app.useGlobalPipes(docketValidationPipe());
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
