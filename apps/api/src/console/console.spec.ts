import express from 'express';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import request from 'supertest';
import { ConsoleModule, consoleBuilt, mountConsole } from './console';

describe('the web console before it is built', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-console-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('serves nothing from the folder, and / says in zh-CN and English how to build it, leaving /api alone', async () => {
    expect(consoleBuilt(dir)).toBe(false);
    expect(ConsoleModule.forRoot(dir).imports ?? []).toEqual([]);
    const app = express();
    mountConsole(app as never, {} as never, dir);
    app.use((_req, res) => res.status(404).json({ code: 'NOT_FOUND' }));
    const page = await request(app).get('/cases/x').expect(503);
    expect(page.text).toContain('控制台尚未构建');
    expect(page.text).toContain('npm run build:web');
    expect((await request(app).get('/api/v1/cases').expect(404)).body).toEqual({ code: 'NOT_FOUND' });
  });

  it('is served once index.html is there', () => {
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
    expect(consoleBuilt(dir)).toBe(true);
    expect(ConsoleModule.forRoot(dir).imports).toHaveLength(1);
  });
});
