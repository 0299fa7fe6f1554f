import { ConfigError, loadConfig } from './config.schema';

describe('queue and webhook configuration', () => {
  it('defaults: queue prefix docket, 30 s job locks, 20 jobs at once, no webhook', () => {
    const c = loadConfig({});
    expect(c.queue).toEqual({ prefix: 'docket', lockMs: 30000, concurrency: 20 });
    expect(c.webhook).toBeUndefined();
  });

  it('reads QUEUE_PREFIX, QUEUE_LOCK_MS, QUEUE_CONCURRENCY, WEBHOOK_URL and WEBHOOK_SECRET', () => {
    const c = loadConfig({ QUEUE_PREFIX: 'town-a', QUEUE_LOCK_MS: '5000', QUEUE_CONCURRENCY: '4', WEBHOOK_URL: 'https://hooks.example.org/docket', WEBHOOK_SECRET: 'sixteen-chars-ok' });
    expect(c.queue).toEqual({ prefix: 'town-a', lockMs: 5000, concurrency: 4 });
    expect(c.webhook).toEqual({ url: 'https://hooks.example.org/docket', secret: 'sixteen-chars-ok' });
  });

  it.each([
    [{ QUEUE_PREFIX: 'a:b' }, 'QUEUE_PREFIX'],
    [{ QUEUE_LOCK_MS: '10' }, 'QUEUE_LOCK_MS'],
    [{ QUEUE_CONCURRENCY: '0' }, 'QUEUE_CONCURRENCY'],
    [{ QUEUE_CONCURRENCY: 'many' }, 'QUEUE_CONCURRENCY'],
    [{ WEBHOOK_URL: 'ftp://x', WEBHOOK_SECRET: 'sixteen-chars-ok' }, 'WEBHOOK_URL'],
    [{ WEBHOOK_URL: 'https://x.example' }, 'WEBHOOK_SECRET: required'],
    [{ WEBHOOK_URL: 'https://x.example', WEBHOOK_SECRET: 'short' }, 'WEBHOOK_SECRET'],
  ])('refuses %p', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
