import type { DeadlineChanges } from '@app/persistence';

/**
 * Told, after a case's transaction has committed, which deadline rows it opened and closed.
 * The deadlines scheduler (BullMQ in the worker, or the in-process schedule on the embedded
 * default) plans reminders from the rows; the database stays the truth, so a lost call is
 * repaired by reconciliation.
 */
export interface DeadlineScheduler {
  deadlinesChanged(caseId: string, changes: DeadlineChanges): Promise<void>;
}

export class NoopDeadlineScheduler implements DeadlineScheduler {
  async deadlinesChanged(): Promise<void> {}
}
