import { loadConfig } from '@app/config';
import { Writable } from 'stream';
import { docketLogging, logFormat, nestLogLevels, redactUrl } from './logging';

describe('logging', () => {
  it('is human-readable on the embedded default in a terminal, JSON otherwise; LOG_FORMAT decides when set', () => {
    const embedded = loadConfig({});
    const pg = loadConfig({ DATABASE_URL: 'postgres://x@h/db', JWT_SECRET: 'x'.repeat(32) });
    expect(logFormat(embedded, true)).toBe('pretty');
    expect(logFormat(embedded, false)).toBe('json');
    expect(logFormat(pg, true)).toBe('json');
    expect(logFormat(loadConfig({ LOG_FORMAT: 'json' }), true)).toBe('json');
    expect(logFormat(loadConfig({ LOG_FORMAT: 'pretty', DATABASE_URL: 'postgres://x@h/db', JWT_SECRET: 'x'.repeat(32) }), false)).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });

  it('writes pretty lines a person reads, and JSON lines, both without secrets', () => {
    for (const format of ['pretty', 'json'] as const) {
      const out: string[] = [];
      const sink = new Writable({ write: (chunk, _enc, done) => void (out.push(String(chunk)), done()) });
      const { logger } = docketLogging(loadConfig({ LOG_FORMAT: format }), sink);
      logger.info({ password: 'pw-secret-1', user: { newPassword: 'pw-secret-2' }, headers: { authorization: 'Bearer tok-3' } }, 'user %s saved', 'dept-head');
      const text = out.join('');
      expect(text).toContain('user dept-head saved');
      expect(text).not.toMatch(/pw-secret|tok-3/);
      if (format === 'json') expect(JSON.parse(text)).toMatchObject({ msg: 'user dept-head saved', password: '[Redacted]' });
      else expect(() => JSON.parse(text)).toThrow();
    }
  });

  it('replaces secret query values in a logged URL', () => {
    expect(redactUrl('/api/v1/x?token=abc&status=open&apiKey=k')).toBe('/api/v1/x?token=[Redacted]&status=open&apiKey=[Redacted]');
    expect(redactUrl('/api/v1/x')).toBe('/api/v1/x');
  });

  it("maps LOG_LEVEL to Nest's levels", () => {
    expect(nestLogLevels(loadConfig({}))).toEqual(['fatal', 'error', 'warn', 'log']);
    expect(nestLogLevels(loadConfig({ LOG_LEVEL: 'silent' }))).toEqual([]);
  });
});
