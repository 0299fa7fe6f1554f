import type { DocketConfig } from '@app/config';
import { DynamicModule, Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { NextFunction, Request, Response } from 'express';
import * as fs from 'fs';
import * as path from 'path';

/** The repository (or image) root: the nearest folder above this file with Docket's package.json. */
function rootDir(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'docket') return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

/** Where Vite writes the web console (`npm run build:web`). */
export const CONSOLE_DIR = path.join(rootDir(), 'apps', 'web', 'dist');

export const consoleBuilt = (dir = CONSOLE_DIR) => fs.existsSync(path.join(dir, 'index.html'));

/**
 * The console's pages: every path but the API, its docs, and the HTML reports and dossiers under
 * /api. A route, not serve-static's `exclude`: on an excluded path its error handler turns every
 * error (a malformed JSON body's 400 included) into a 404.
 */
export const CONSOLE_PAGES = /^(?!\/api(?:\/|$)).*$/;

function setHeaders(res: Response, file: string): void {
  // hashed bundles never change; the page itself is always asked for again
  res.setHeader('Cache-Control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
}

/**
 * The web console at `/`: the built files, and index.html for every other non-API path (the
 * console's own routes, e.g. /cases/:id after a reload). Nothing is served when it is not built.
 */
@Module({})
export class ConsoleModule {
  static forRoot(dir = CONSOLE_DIR): DynamicModule {
    if (!consoleBuilt(dir)) return { module: ConsoleModule };
    return {
      module: ConsoleModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath: dir,
          renderPath: CONSOLE_PAGES,
          serveStaticOptions: { index: false, setHeaders: (res: Response, file: string) => setHeaders(res, file) },
        }),
      ],
    };
  }
}

/**
 * Before the console is built, `/` says so in zh-CN and English (503) instead of a bare 404; the
 * API is unaffected.
 */
export function mountConsole(app: NestExpressApplication, _config: DocketConfig, dir = CONSOLE_DIR): void {
  if (consoleBuilt(dir)) return;
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path === '/api' || req.path.startsWith('/api/')) return next();
    res
      .status(503)
      .type('text/html; charset=utf-8')
      .send('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>Docket</title><p>控制台尚未构建：请运行 <code>npm run build:web</code>（<code>npm start</code> 会自动构建）。</p><p lang="en">The web console is not built: run <code>npm run build:web</code> (<code>npm start</code> builds it).</p></html>');
  });
}
