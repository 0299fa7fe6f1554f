import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import { shanghaiDate } from '@app/engine';
import { CheckpointEntity, DATA_SOURCE, DeadlineEntity } from '@app/persistence';
import { CLOCK, Clock, TransitionObserver } from '@app/runtime';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { timingSafeEqual } from 'crypto';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { CHECKPOINTS_QUEUE, DEADLINES_QUEUE, EMAILS_QUEUE, WEBHOOKS_QUEUE } from './queue.constants';

/** A scrape reads the database and Redis; neither may hold it longer than this. */
const SCRAPE_QUERY_TIMEOUT_MS = 2000;
/** The job states a queue's depth is reported in (waiting: BullMQ's wait and prioritized). */
const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** The process's own metrics (CPU, memory, event loop, GC): collected once per process, whatever the number of applications in it. */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** How a scrape's Authorization header stands against METRICS_TOKEN. */
export type MetricsAccess = 'granted' | 'denied' | 'disabled';

/**
 * The Prometheus metrics of one process (API or worker), in one registry per application: HTTP
 * latency by route template, transitions accepted and refused by code (the runtime tells it, as
 * its TransitionObserver), verification failures; and, read at scrape time, open and overdue
 * deadlines, the age of the last checkpoint and, with REDIS_URL, the queues' depths.
 *
 * Counters count this process's work (sum them over the processes); the database gauges read the
 * same rows from every process (take one, e.g. `max`).
 */
@Injectable()
export class ServiceMetrics implements TransitionObserver {
  readonly registry = new Registry();
  private readonly http: Histogram<'method' | 'route' | 'status'>;
  private readonly transitionsAccepted: Counter<'kind' | 'event'>;
  private readonly transitionsRefused: Counter<'kind' | 'event' | 'code'>;
  private readonly verifications: Counter<'status'>;
  private readonly verifyFailures: Counter;
  private readonly queues: Array<{ name: string; queue: Queue }>;

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
    @Optional() @InjectQueue(DEADLINES_QUEUE) deadlines?: Queue,
    @Optional() @InjectQueue(WEBHOOKS_QUEUE) webhooks?: Queue,
    @Optional() @InjectQueue(EMAILS_QUEUE) emails?: Queue,
    @Optional() @InjectQueue(CHECKPOINTS_QUEUE) checkpoints?: Queue,
  ) {
    processMetrics();
    const registers = [this.registry];
    this.queues = [
      { name: DEADLINES_QUEUE, queue: deadlines },
      { name: WEBHOOKS_QUEUE, queue: webhooks },
      { name: EMAILS_QUEUE, queue: emails },
      { name: CHECKPOINTS_QUEUE, queue: checkpoints },
    ].filter((q): q is { name: string; queue: Queue } => !!q.queue);
    this.http = new Histogram({
      name: 'docket_http_request_duration_seconds',
      help: 'HTTP requests by route template (unmatched: no route), method and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.transitionsAccepted = new Counter({
      name: 'docket_transitions_accepted_total',
      help: 'Transitions committed by this process (case created, event, workflow migration) by workflow kind and event',
      labelNames: ['kind', 'event'],
      registers,
    });
    this.transitionsRefused = new Counter({
      name: 'docket_transitions_refused_total',
      help: 'Transitions refused by this process, by workflow kind, event and refusal code',
      labelNames: ['kind', 'event', 'code'],
      registers,
    });
    this.verifications = new Counter({
      name: 'docket_case_verifications_total',
      help: 'Case verifications (verify, replay, dossier) run by this process, by verdict',
      labelNames: ['status'],
      registers,
    });
    this.verifyFailures = new Counter({ name: 'docket_verify_failures_total', help: 'Case verifications whose verdict was FAIL', registers });
    const metrics = this;
    new Gauge({
      name: 'docket_deadlines_open',
      help: 'Open deadlines by workflow kind and type (due, minimum), read from the database at scrape time',
      labelNames: ['kind', 'type'],
      registers,
      async collect() {
        this.reset();
        for (const r of await metrics.openDeadlines()) this.set({ kind: r.kind, type: r.type }, r.open);
      },
    });
    new Gauge({
      name: 'docket_deadlines_overdue',
      help: 'Open due deadlines past their last day (Asia/Shanghai) by workflow kind, read from the database at scrape time',
      labelNames: ['kind'],
      registers,
      async collect() {
        this.reset();
        for (const r of await metrics.openDeadlines()) if (r.type === 'due') this.set({ kind: r.kind }, r.overdue);
      },
    });
    new Gauge({
      name: 'docket_checkpoint_age_seconds',
      help: 'Seconds since the last signed checkpoint (absent while there is none)',
      registers,
      async collect() {
        const at = await metrics.lastCheckpointAt();
        if (at === null) this.remove();
        else this.set(Math.max(0, (metrics.clock.now().getTime() - Date.parse(at)) / 1000));
      },
    });
    if (this.queues.length) {
      new Gauge({
        name: 'docket_queue_jobs',
        help: 'BullMQ jobs by queue and state (absent without REDIS_URL, and while Redis does not answer)',
        labelNames: ['queue', 'state'],
        registers,
        async collect() {
          this.reset();
          for (const { name, counts } of await metrics.queueDepths()) {
            for (const state of QUEUE_STATES) this.set({ queue: name, state }, counts[state] ?? 0);
          }
        },
      });
    }
  }

  // ---- what the process tells it ----

  accepted(t: { kind: string; event: string }): void {
    this.transitionsAccepted.inc({ kind: t.kind, event: t.event });
  }

  refused(t: { kind: string; event: string; code: string }): void {
    this.transitionsRefused.inc({ kind: t.kind, event: t.event, code: t.code });
  }

  /** A verdict of the case verifier (PASS, WARN, FAIL). */
  verified(status: string): void {
    this.verifications.inc({ status });
    if (status === 'FAIL') this.verifyFailures.inc();
  }

  /** Express middleware timing every request; the route is the matched template (`/api/v1/cases/:id`), never the URL. */
  httpMiddleware() {
    return (req: Request, res: Response, next: NextFunction) => {
      const end = this.http.startTimer();
      res.once('finish', () => {
        const template = req.route?.path;
        const route = template === undefined ? 'unmatched' : `${req.baseUrl ?? ''}${String(template)}`;
        end({ method: req.method, route, status: String(res.statusCode) });
      });
      next();
    };
  }

  // ---- the scrape ----

  /** Whether an `Authorization` header may read the metrics: `disabled` without METRICS_TOKEN. */
  access(authorization: string | undefined): MetricsAccess {
    const token = this.config.metricsToken;
    if (!token) return 'disabled';
    const m = /^Bearer (\S+)$/.exec(authorization ?? '');
    if (!m) return 'denied';
    const given = Buffer.from(m[1]);
    const wanted = Buffer.from(token);
    return given.length === wanted.length && timingSafeEqual(given, wanted) ? 'granted' : 'denied';
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The Prometheus text: the process's own metrics, then Docket's. */
  async render(): Promise<string> {
    this.scrape = undefined;
    const [own, docket] = await Promise.all([processMetrics().metrics(), this.registry.metrics()]);
    return `${own}\n${docket}`;
  }

  /** One read of the deadlines per scrape, shared by the two gauges that show it. */
  private scrape?: Promise<Array<{ kind: string; type: string; open: number; overdue: number }>>;

  private openDeadlines() {
    this.scrape ??= this.readDeadlines();
    return this.scrape;
  }

  private async readDeadlines(): Promise<Array<{ kind: string; type: string; open: number; overdue: number }>> {
    const today = shanghaiDate(this.clock.now().toISOString());
    try {
      const rows = await within(
        this.ds
          .getRepository(DeadlineEntity)
          .createQueryBuilder('d')
          .select('d.workflowKind', 'kind')
          .addSelect('d.type', 'type')
          .addSelect('COUNT(*)', 'open')
          .addSelect('SUM(CASE WHEN d.dueDate < :today THEN 1 ELSE 0 END)', 'overdue')
          .where('d.status = :open', { open: 'open', today })
          .groupBy('d.workflowKind')
          .addGroupBy('d.type')
          .getRawMany<{ kind: string; type: string; open: string | number; overdue: string | number | null }>(),
        SCRAPE_QUERY_TIMEOUT_MS,
      );
      return rows.map((r) => ({ kind: r.kind, type: r.type, open: Number(r.open), overdue: Number(r.overdue ?? 0) }));
    } catch {
      // the database away: the gauges are absent from this scrape (the health endpoint says why)
      return [];
    }
  }

  private async lastCheckpointAt(): Promise<string | null> {
    try {
      const [last] = await within(this.ds.getRepository(CheckpointEntity).find({ select: { seq: true, createdAt: true }, order: { seq: 'DESC' }, take: 1 }), SCRAPE_QUERY_TIMEOUT_MS);
      return last?.createdAt ?? null;
    } catch {
      return null;
    }
  }

  private async queueDepths(): Promise<Array<{ name: string; counts: Record<string, number> }>> {
    const out: Array<{ name: string; counts: Record<string, number> }> = [];
    for (const { name, queue } of this.queues) {
      try {
        const client = await within(queue.getBackend().client, SCRAPE_QUERY_TIMEOUT_MS);
        if (client.status !== 'ready') continue;
        const c = await within(queue.getJobCounts('wait', 'prioritized', 'active', 'delayed', 'failed'), SCRAPE_QUERY_TIMEOUT_MS);
        out.push({ name, counts: { waiting: (c.wait ?? 0) + (c.prioritized ?? 0), active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0 } });
      } catch {
        // Redis away: this queue is absent from the scrape
      }
    }
    return out;
  }
}
