import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Type } from '@nestjs/common';
import type { WorkerOptions } from 'bullmq';

/**
 * @nestjs/bullmq takes a worker's options (lock duration, concurrency) from the @Processor
 * decorator only, but the lock duration is configuration (QUEUE_LOCK_MS). Each worker module gets
 * a subclass carrying its own options, so two workers in one process (tests) do not share them.
 */
export function configuredProcessor<T extends Type<WorkerHost>>(base: T, queue: string, options: Omit<WorkerOptions, 'connection'>): T {
  const configured = class extends (base as new (...args: any[]) => object) {};
  Object.defineProperty(configured, 'name', { value: base.name });
  Processor(queue, options)(configured);
  return configured as unknown as T;
}
