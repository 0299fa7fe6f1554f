import type { RedisOptions } from 'bullmq';

/**
 * ioredis options from REDIS_URL (`redis://[user:password@]host[:port][/db]`, `rediss://` for TLS).
 * `maxRetriesPerRequest: null` is what BullMQ requires of worker connections. A producer (the API)
 * does not queue commands while Redis is away: enqueuing fails at once, the event is committed
 * anyway and reconciliation re-creates the jobs.
 */
export function redisConnection(url: string, role: 'producer' | 'worker'): RedisOptions {
  const u = new URL(url);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`REDIS_URL must start with redis:// or rediss://, got ${u.protocol}`);
  const db = u.pathname.replace(/^\//, '');
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
    ...(role === 'producer' ? { enableOfflineQueue: false } : {}),
  };
}

/** REDIS_URL without its password, for the log. */
export function redisForLog(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
