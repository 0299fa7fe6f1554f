/** Timing helpers: wall-clock rates and per-operation latency percentiles. */
export interface Measurement {
  /** operations measured (warm-up excluded) */
  count: number;
  /** wall-clock time of the measured loop, ms */
  totalMs: number;
  /** operations per second over the measured loop */
  perSecond: number;
  /** per-operation latency, ms */
  p50: number;
  p99: number;
  /** CPU time of this Node process (user + system) per operation, ms */
  cpuMs: number;
}

export const now = (): number => performance.now();

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function summarize(latencies: number[], totalMs: number, cpuTotalMs = NaN): Measurement {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    count: latencies.length,
    totalMs,
    perSecond: latencies.length / (totalMs / 1000),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    cpuMs: cpuTotalMs / latencies.length,
  };
}

/** Records per-operation latencies of a sequential loop and the loop's total wall time. */
export class Recorder {
  private readonly latencies: number[] = [];
  private startedAt = 0;
  private elapsed = 0;
  private cpuAt: NodeJS.CpuUsage | null = null;
  private cpu = 0;
  private readonly marks: Array<{ count: number; elapsed: number }> = [];

  /** Starts (or resumes) the wall clock; no-op when it runs. */
  start(): void {
    if (this.startedAt) return;
    this.startedAt = now();
    this.cpuAt = process.cpuUsage();
  }

  /** Pauses the wall clock (work between operations that is not measured, e.g. creating cases). */
  pause(): void {
    if (!this.startedAt) return;
    this.elapsed += now() - this.startedAt;
    this.startedAt = 0;
    const d = process.cpuUsage(this.cpuAt ?? undefined);
    this.cpu += (d.user + d.system) / 1000;
    this.cpuAt = null;
  }

  async time<T>(op: () => Promise<T> | T): Promise<T> {
    const t0 = now();
    const result = await op();
    this.latencies.push(now() - t0);
    return result;
  }

  /** Ends a round: `roundRates()` gives the rate of each round. */
  mark(): void {
    this.pause();
    this.marks.push({ count: this.latencies.length, elapsed: this.elapsed });
  }

  /** Operations per second in each marked round. */
  roundRates(): number[] {
    return this.marks.map((m, i) => {
      const prev = i ? this.marks[i - 1] : { count: 0, elapsed: 0 };
      return (m.count - prev.count) / ((m.elapsed - prev.elapsed) / 1000);
    });
  }

  result(): Measurement {
    this.pause();
    return summarize(this.latencies, this.elapsed, this.cpu);
  }
}

export const fmtRate = (n: number): string =>
  !Number.isFinite(n) ? 'n/a' : n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1);
export const fmtMs = (n: number): string => (!Number.isFinite(n) ? 'n/a' : n >= 10 ? n.toFixed(1) : n >= 1 ? n.toFixed(2) : n.toFixed(3));
export const fmtRatio = (n: number): string => (!Number.isFinite(n) ? 'n/a' : n >= 10 ? `${n.toFixed(1)}×` : `${n.toFixed(2)}×`);

/** Calls `fn` `n` times after `n / 10` warm-up calls; per-call latency and rate. */
export function measureCalls(fn: () => unknown, n: number): Measurement {
  for (let i = 0; i < Math.ceil(n / 10); i++) fn();
  const lat: number[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = now();
  for (let i = 0; i < n; i++) {
    const a = now();
    fn();
    lat.push(now() - a);
  }
  const total = now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return summarize(lat, total, (cpu.user + cpu.system) / 1000);
}
