import type { Queue } from 'bullmq';

/** Waits until no job of the queue is waiting or running (delayed jobs may remain). */
export async function waitIdle(queue: Queue, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietPolls = 0;
  for (;;) {
    const counts = await queue.getJobCounts('wait', 'active', 'prioritized');
    const busy = Object.values(counts).reduce((a, b) => a + b, 0);
    quietPolls = busy ? 0 : quietPolls + 1;
    if (quietPolls >= 2) return;
    if (Date.now() > deadline) throw new Error(`queue ${queue.name} still busy after ${timeoutMs} ms: ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Polls until `check` is true. */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
