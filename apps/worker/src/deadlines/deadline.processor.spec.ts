import type { BullmqDeadlineScheduler, DeadlineReminderService } from '@app/deadlines';
import { CALENDAR_MISSING_JOB, DEADLINE_REMINDER_JOB } from '@app/deadlines';
import { Job, UnrecoverableError } from 'bullmq';
import { DeadlineProcessor } from './deadline.processor';

/** A strict mock: any method without an implementation fails the test when called. */
function strictMock<T extends object>(impl: Partial<Record<keyof T, unknown>>): T {
  return new Proxy(impl as T, {
    get: (target, prop) =>
      prop in target
        ? (target as Record<string | symbol, unknown>)[prop]
        : () => {
            throw new Error(`unexpected call of ${String(prop)}`);
          },
  });
}

const job = (name: string, data: unknown, attemptsStarted = 1) => ({ id: 'j1', name, data, attemptsStarted }) as unknown as Job;

describe('DeadlineProcessor', () => {
  const next = [{ deadlineId: 'd1', reminderKey: 'escalation-2', dueDate: '2020-10-16', at: '2020-10-20T01:00:00.000Z' }];

  it('delivers through the shared logic, then queues the next escalation and the webhook call', async () => {
    const enqueued: unknown[] = [];
    const sut = new DeadlineProcessor(
      strictMock<DeadlineReminderService>({ handle: async () => ({ outcome: 'delivered', recipients: ['u1'], fresh: ['k'], next, webhookId: 'd1__escalation-1' }) }),
      strictMock<BullmqDeadlineScheduler>({
        enqueue: async (jobs: unknown) => void enqueued.push(jobs),
        enqueueWebhook: async (id: string) => void enqueued.push(id),
      }),
    );
    expect(await sut.process(job(DEADLINE_REMINDER_JOB, next[0]))).toEqual({ outcome: 'delivered', recipients: 1, fresh: 1, next: ['escalation-2'] });
    expect(enqueued).toEqual([next, 'd1__escalation-1']);
  });

  it('queues the e-mails of a delivery, each as its own job', async () => {
    const enqueued: unknown[] = [];
    const sut = new DeadlineProcessor(
      strictMock<DeadlineReminderService>({ handle: async () => ({ outcome: 'delivered', recipients: ['u1', 'u2'], fresh: ['k'], next: [], emailIds: ['d1__before-3__u1'] }) }),
      strictMock<BullmqDeadlineScheduler>({
        enqueue: async (jobs: unknown[]) => void enqueued.push(...jobs),
        enqueueEmails: async (ids: string[]) => void enqueued.push(ids),
      }),
    );
    expect(await sut.process(job(DEADLINE_REMINDER_JOB, next[0]))).toEqual({ outcome: 'delivered', recipients: 2, fresh: 1, next: [] });
    expect(enqueued).toEqual([['d1__before-3__u1']]);
  });

  it('reports the machine event a missed deadline sent', async () => {
    const sut = new DeadlineProcessor(
      strictMock<DeadlineReminderService>({ handle: async () => ({ outcome: 'event', event: 'MARK_OVERDUE', seq: 7, next: [] }) }),
      strictMock<BullmqDeadlineScheduler>({ enqueue: async () => undefined }),
    );
    expect(await sut.process(job(DEADLINE_REMINDER_JOB, { ...next[0], reminderKey: 'missed' }))).toEqual({ outcome: 'event', event: 'MARK_OVERDUE', next: [] });
  });

  it('queues nothing new for a stale job', async () => {
    const enqueued: unknown[] = [];
    const sut = new DeadlineProcessor(
      strictMock<DeadlineReminderService>({ handle: async () => ({ outcome: 'stale', reason: 'the deadline is met', next: [] }) }),
      strictMock<BullmqDeadlineScheduler>({ enqueue: async (jobs: unknown[]) => void enqueued.push(...jobs) }),
    );
    expect(await sut.process(job(DEADLINE_REMINDER_JOB, next[0]))).toEqual({ outcome: 'stale', next: [] });
    expect(enqueued).toEqual([]);
  });

  it('tells the admins about a calendar-missing deadline', async () => {
    const sut = new DeadlineProcessor(
      strictMock<DeadlineReminderService>({ notifyCalendarMissing: async (id: string) => ({ outcome: 'notified', recipients: [id], fresh: [] }) }),
      strictMock<BullmqDeadlineScheduler>({}),
    );
    expect(await sut.process(job(CALENDAR_MISSING_JOB, { deadlineId: 'd9' }))).toEqual({ outcome: 'notified', recipients: 1, fresh: 0, next: [] });
  });

  it('fails a job it has no handler for without retrying it', async () => {
    const sut = new DeadlineProcessor(strictMock<DeadlineReminderService>({}), strictMock<BullmqDeadlineScheduler>({}));
    await expect(sut.process(job('something-else', {}))).rejects.toBeInstanceOf(UnrecoverableError);
  });
});
