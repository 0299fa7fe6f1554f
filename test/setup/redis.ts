import Redis from 'ioredis';

/** Where the queue tests find Redis. They never skip: a missing Redis is a failure with instructions. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

export const START_REDIS_HINT =
  'start it with: redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log   (or set TEST_REDIS_URL)';

/** Fails, saying how to start Redis, when it does not answer. */
export async function requireRedis(): Promise<void> {
  const client = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: 3000, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    throw new Error(`Redis is not reachable at ${TEST_REDIS_URL} (${(e as Error).message}); the queue tests need it. ${START_REDIS_HINT}`);
  } finally {
    client.disconnect();
  }
}

/**
 * Deletes every key under a queue prefix: what a FLUSHALL or a restart of Redis (which keeps
 * nothing on disk here) does to Docket's queues, without touching other test files' prefixes.
 */
export async function dropPrefix(prefix: string): Promise<number> {
  const client = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    let dropped = 0;
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) dropped += await client.del(...keys);
    } while (cursor !== '0');
    return dropped;
  } finally {
    client.disconnect();
  }
}
