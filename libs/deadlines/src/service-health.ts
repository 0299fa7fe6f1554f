import { DATA_SOURCE } from '@app/persistence';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { CHECKPOINTS_QUEUE, DEADLINES_QUEUE, EMAILS_QUEUE, WEBHOOKS_QUEUE } from './queue.constants';

export type DependencyStatus = 'up' | 'down' | 'not-configured';

export interface HealthReport {
  /** ok: every dependency up; degraded: Redis down (cases are safe, reminders wait); down: the database is down */
  status: 'ok' | 'degraded' | 'down';
  /** false once a shutdown has begun, or while the database is down: a load balancer stops sending requests */
  ready: boolean;
  draining: boolean;
  database: { status: DependencyStatus; type: string; error?: string };
  redis: { status: DependencyStatus; error?: string };
  /** the same in @nestjs/terminus' form (`info` up, `error` down, `details` all) */
  info: Record<string, { status: DependencyStatus }>;
  error: Record<string, { status: DependencyStatus; message?: string }>;
  details: Record<string, { status: DependencyStatus }>;
}

const PROBE_TIMEOUT_MS = 3000;

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The process's health: the database and Redis probed apart (Redis down is degraded, not down:
 * every case is in the database and the reminders reconcile from it), and the readiness that turns
 * false first when the process is asked to stop.
 */
@Injectable()
export class ServiceHealth {
  private drainingSince: Date | null = null;
  private readonly logger = new Logger('Redis');
  private outage = false;

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Optional() @InjectQueue(DEADLINES_QUEUE) private readonly queue?: Queue,
    @Optional() @InjectQueue(WEBHOOKS_QUEUE) webhooks?: Queue,
    @Optional() @InjectQueue(EMAILS_QUEUE) emails?: Queue,
    @Optional() @InjectQueue(CHECKPOINTS_QUEUE) checkpoints?: Queue,
  ) {
    // a queue without an error listener prints every reconnect failure's stack: one line per outage instead
    for (const q of [queue, webhooks, emails, checkpoints]) {
      q?.on('error', (e: Error) => {
        if (this.outage) return;
        this.outage = true;
        this.logger.error(`Redis unreachable (${e.message}); cases go on, reminders wait and are reconciled from the database`);
      });
    }
  }

  /** Readiness turns false from now on (SIGTERM); liveness stays. */
  beginDraining(): void {
    this.drainingSince ??= new Date();
  }

  get draining(): boolean {
    return this.drainingSince !== null;
  }

  async report(): Promise<HealthReport> {
    const [database, redis] = await Promise.all([this.database(), this.redis()]);
    const status = database.status !== 'up' ? 'down' : redis.status === 'down' ? 'degraded' : 'ok';
    const parts = { database, redis };
    const info: HealthReport['info'] = {};
    const error: HealthReport['error'] = {};
    const details: HealthReport['details'] = {};
    for (const [name, p] of Object.entries(parts)) {
      details[name] = { status: p.status };
      if (p.status === 'down') error[name] = { status: p.status, message: p.error };
      else info[name] = { status: p.status };
    }
    return { status, ready: !this.draining && database.status === 'up', draining: this.draining, database, redis, info, error, details };
  }

  private async database(): Promise<HealthReport['database']> {
    const type = this.ds.options.type;
    try {
      await within(this.ds.query('SELECT 1'), PROBE_TIMEOUT_MS, 'the database');
      return { status: 'up', type };
    } catch (e) {
      return { status: 'down', type, error: (e as Error).message };
    }
  }

  private async redis(): Promise<HealthReport['redis']> {
    if (!this.queue) return { status: 'not-configured' };
    try {
      const client = await within(this.queue.getBackend().client, PROBE_TIMEOUT_MS, 'Redis');
      // a disconnected client queues commands until it reconnects: ask only a connected one
      if (client.status !== 'ready') return { status: 'down', error: `Redis connection ${client.status}` };
      // one round trip (the client abstraction has no PING)
      await within(client.get('health-probe'), PROBE_TIMEOUT_MS, 'Redis');
      if (this.outage) this.logger.log('Redis reachable again');
      this.outage = false;
      return { status: 'up' };
    } catch (e) {
      return { status: 'down', error: (e as Error).message };
    }
  }
}
