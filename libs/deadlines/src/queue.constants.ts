/** One queue per concern: reminders and escalations of deadlines, and webhook deliveries. */
export const DEADLINES_QUEUE = 'deadlines';
export const WEBHOOKS_QUEUE = 'webhooks';
/** The periodic signed checkpoint (issue 4 §2): run by the worker, shown on the admins' dashboard. */
export const CHECKPOINTS_QUEUE = 'checkpoints';
export const EMAILS_QUEUE = 'emails';

/** Job names, one handler each. */
export const DEADLINE_REMINDER_JOB = 'deadline-reminder';
/** tells the administrators that a deadline waits for a year's holiday data */
export const CALENDAR_MISSING_JOB = 'calendar-missing';
export const WEBHOOK_DELIVERY_JOB = 'webhook-delivery';
export const EMAIL_DELIVERY_JOB = 'email-delivery';

/** A failing reminder is retried 8 times, 5 s doubling (about 21 minutes in all), then kept as failed. */
export const REMINDER_ATTEMPTS = 8;
export const REMINDER_BACKOFF_MS = 5_000;

/** A webhook receiver that is down is retried 10 times, 10 s doubling (about 2.8 hours in all). */
export const WEBHOOK_ATTEMPTS = 10;
export const WEBHOOK_BACKOFF_MS = 10_000;
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** An SMTP server that is down is retried like a webhook receiver: 10 times, 10 s doubling. */
export const EMAIL_ATTEMPTS = 10;
export const EMAIL_BACKOFF_MS = 10_000;
export const EMAIL_TIMEOUT_MS = 10_000;

/** Completed jobs stay 14 days, so that reconciliation re-adding them is a no-op in Redis. */
export const KEEP_COMPLETED_SECONDS = 14 * 24 * 3600;

/** Reconciliation re-creates every open deadline's next jobs from the database this often. */
export const RECONCILE_INTERVAL_MS = 10 * 60_000;

/** The embedded (no-Redis) schedule looks for deliveries that have fallen due this often. */
export const EMBEDDED_TICK_MS = 15_000;

/**
 * A job arriving this much before its time is delivered anyway: the clocks of the API that
 * computed the delay and of the worker may differ a little.
 */
export const EARLY_TOLERANCE_MS = 5 * 60_000;
