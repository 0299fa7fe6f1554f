/** Payload of a reminder or escalation job: one planned delivery of one deadline row. */
export interface DeadlineReminderJob {
  deadlineId: string;
  /** before-3 | due | escalation-N */
  reminderKey: string;
  /** the due date the job was planned from; a row whose due date has changed makes the job stale */
  dueDate: string;
  /** the instant it is due (ISO 8601) */
  at: string;
}

/**
 * The deterministic job id: adding the same delivery twice (reconciliation, retries of the
 * producer) is a no-op. BullMQ refuses ':' in custom ids, hence '__'.
 */
export const reminderJobId = (j: Pick<DeadlineReminderJob, 'deadlineId' | 'reminderKey'>) => `${j.deadlineId}__${j.reminderKey}`;

/** Checks a job payload read back from the queue (it may come from an older version). */
export function isDeadlineReminderJob(x: unknown): x is DeadlineReminderJob {
  const j = x as DeadlineReminderJob;
  return (
    !!j &&
    typeof j.deadlineId === 'string' &&
    typeof j.reminderKey === 'string' &&
    typeof j.dueDate === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(j.dueDate) &&
    typeof j.at === 'string' &&
    !Number.isNaN(Date.parse(j.at))
  );
}
