/** The queue of the periodic signed checkpoint (issue 4 §2): one job scheduler, one job name. */
export { CHECKPOINTS_QUEUE } from '@app/deadlines';
export const CHECKPOINT_JOB = 'checkpoint';
/** The id of the BullMQ job scheduler: one per queue prefix, whatever the number of workers. */
export const CHECKPOINT_SCHEDULER_ID = 'periodic-checkpoint';
/** A failed checkpoint is retried 5 times, 10 s doubling; the next period's job tries again anyway. */
export const CHECKPOINT_ATTEMPTS = 5;
export const CHECKPOINT_BACKOFF_MS = 10_000;
/** The scheduler is upserted again this often, so that a Redis flush or restart loses at most this long. */
export const CHECKPOINT_RESCHEDULE_MS = 10 * 60_000;
