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
}

export const now = (): number => performance.now();

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function summarize(latencies: number[], totalMs: number): Measurement {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    count: latencies.length,
    totalMs,
    perSecond: latencies.length / (totalMs / 1000),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
}

/** Records per-operation latencies of a sequential loop and the loop's total wall time. */
export class Recorder {
  private readonly latencies: number[] = [];
  private startedAt = 0;
  private elapsed = 0;

  /** Starts (or resumes) the wall clock; no-op when it runs. */
  start(): void {
    if (!this.startedAt) this.startedAt = now();
  }

  /** Pauses the wall clock (work between operations that is not measured, e.g. creating cases). */
  pause(): void {
    if (!this.startedAt) return;
    this.elapsed += now() - this.startedAt;
    this.startedAt = 0;
  }

  async time<T>(op: () => Promise<T> | T): Promise<T> {
    const t0 = now();
    const result = await op();
    this.latencies.push(now() - t0);
    return result;
  }

  result(): Measurement {
    this.pause();
    return summarize(this.latencies, this.elapsed);
  }
}

export const fmtRate = (n: number): string =>
  !Number.isFinite(n) ? 'n/a' : n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1);
export const fmtMs = (n: number): string => (!Number.isFinite(n) ? 'n/a' : n >= 10 ? n.toFixed(1) : n >= 1 ? n.toFixed(2) : n.toFixed(3));
export const fmtRatio = (n: number): string => (!Number.isFinite(n) ? 'n/a' : n >= 10 ? `${n.toFixed(1)}×` : `${n.toFixed(2)}×`);
