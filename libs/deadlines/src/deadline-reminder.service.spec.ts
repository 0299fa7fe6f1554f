import { BusinessCalendar } from '@app/calendar';
import type { DocketConfig } from '@app/config';
import { WorkflowRegistry } from '@app/engine';
import { CaseEntity, DeadlineEntity, NotificationEntity, UserEntity } from '@app/persistence';
import type { CaseRepository, DeadlineRepository, NotificationRepository, UserRepository, WebhookDeliveryRepository } from '@app/persistence';
import type { Clock } from '@app/runtime';
import { allWorkflows } from '@app/workflows';
import type { CalendarYearsService } from './calendar-years.service';
import { DeadlineReminderService, DeliveryNotYetDueError } from './deadline-reminder.service';

/** A strict mock: any method without an implementation fails the test when called. */
function strictMock<T extends object>(impl: Partial<Record<keyof T, unknown>> = {}): T {
  return new Proxy(impl as T, {
    get(target, prop) {
      if (prop in target) return (target as Record<string | symbol, unknown>)[prop];
      if (prop === 'then') return undefined;
      return () => {
        throw new Error(`unexpected call of ${String(prop)}`);
      };
    },
  });
}

const calendar = BusinessCalendar.fromChineseDays();
const registry = new WorkflowRegistry(allWorkflows);

const deadline = (patch: Partial<DeadlineEntity> = {}): DeadlineEntity =>
  Object.assign(new DeadlineEntity(), {
    id: 'd1',
    caseId: 'c1',
    key: 'legalityReviewOpinion',
    workflowKind: 'major-decision',
    workflowVersion: 1,
    labelZh: '出具合法性审查意见',
    labelEn: 'Legality review opinion',
    article: 'R713 Art. 26',
    type: 'due',
    unit: 'workdays',
    length: 15,
    startsOn: '2020-09-29',
    dueDate: '2020-10-16',
    status: 'open',
    responsible: '["legal-reviewer"]',
    supervisor: '["town-head"]',
    reminders: '[3,0]',
    escalate: true,
    orgUnits: '|jjfzb|',
    openedAt: '2020-09-29T02:00:00.000Z',
    openedSeq: 9,
    closedAt: null,
    closedSeq: null,
    ...patch,
  });

const theCase = (statePath = 'legalityReview.submitted') =>
  Object.assign(new CaseEntity(), {
    id: 'c1',
    title: '垃圾分类实施方案',
    statePath,
    stateValue: JSON.stringify({ [statePath.split('.')[0]]: statePath.split('.')[1] }),
    // what the visibility rule reads: a case sent to legality review, of 经济发展办
    orgUnits: '|jjfzb|',
    visibleToReviewers: true,
  });

const users = [
  Object.assign(new UserEntity(), { id: 'u-rev', username: 'legal-reviewer', displayName: '司法所审查员', roles: '["legal-reviewer"]', orgUnit: 'sfs', active: true }),
  Object.assign(new UserEntity(), { id: 'u-head', username: 'town-head', displayName: '镇长', roles: '["town-head"]', orgUnit: 'dzb', active: true }),
];

const job = (reminderKey = 'before-3', patch: object = {}) => ({
  deadlineId: 'd1',
  reminderKey,
  dueDate: '2020-10-16',
  at: '2020-10-13T01:00:00.000Z',
  ...patch,
});

function setup(opts: { row?: DeadlineEntity | null; found?: CaseEntity | null; webhook?: boolean } = {}) {
  const inserted: NotificationEntity[][] = [];
  const outboxed: unknown[] = [];
  const sut = new DeadlineReminderService(
    strictMock<DeadlineRepository>({ findById: async () => (opts.row === undefined ? deadline() : opts.row) }),
    strictMock<CaseRepository>({ findById: async () => (opts.found === undefined ? theCase() : opts.found) }),
    strictMock<UserRepository>({
      listUsers: async () => users,
      listOrgUnits: async () => [
        { id: 'sfs', nameZh: '司法所', nameEn: 'Judicial Office' },
        { id: 'dzb', nameZh: '党政办', nameEn: 'Party and Government Office' },
      ],
    }),
    strictMock<NotificationRepository>({
      insertNew: async (rows: NotificationEntity[], also?: (m: unknown) => Promise<void>) => {
        inserted.push(rows);
        if (also) await also({});
        return rows.map((r) => r.dedupeKey);
      },
    }),
    registry,
    calendar,
    strictMock<Clock>({ now: () => new Date('2020-10-13T01:00:00.000Z') }),
    strictMock<WebhookDeliveryRepository>({ addIn: async (_m: unknown, row: unknown) => void outboxed.push(row) }),
    { webhook: opts.webhook ? { url: 'http://127.0.0.1:1/x', secret: 'sixteen-chars-ok' } : undefined } as DocketConfig,
    strictMock<CalendarYearsService>({ refresh: async () => false }),
  );
  return { sut, inserted, outboxed };
}

describe('DeadlineReminderService.handle', () => {
  it('delivers the reminder to the responsible role (the rest of the plan is queued already)', async () => {
    const { sut, inserted, outboxed } = setup();
    const out = await sut.handle(job());
    expect(out).toMatchObject({ outcome: 'delivered', recipients: ['u-rev'], fresh: ['d1:before-3:u-rev'] });
    expect(out.next).toEqual([]);
    expect(inserted[0][0]).toMatchObject({ userId: 'u-rev', caseId: 'c1', deadlineId: 'd1', kind: 'reminder', createdAt: '2020-10-13T01:00:00.000Z' });
    expect(inserted[0][0].bodyZh).toContain('当前环节：已送审（待签收）');
    expect(outboxed).toEqual([]);
  });

  it('sends escalations to the responsible reviewer and the supervisor, and plans the next one', async () => {
    const { sut, inserted } = setup();
    const out = await sut.handle(job('escalation-1', { at: '2020-10-19T01:00:00.000Z' }), new Date('2020-10-19T01:00:00.000Z'));
    expect(out).toMatchObject({ outcome: 'delivered' });
    expect(out.outcome === 'delivered' && [...out.recipients].sort()).toEqual(['u-head', 'u-rev']);
    expect(out.next.map((j) => j.reminderKey)).toEqual(['escalation-2']);
    expect(inserted[0][0].titleZh).toBe('【逾期督办】出具合法性审查意见已逾期1个工作日');
    // the people who must act, by name and unit, never by id or username
    expect(inserted[0][0].bodyZh).toContain('司法所审查员（司法所）');
    expect(inserted[0][0].bodyZh).not.toMatch(/u-rev|legal-reviewer/);
  });

  it('tells only those who see the case (issue 9 §6): no reviewer for a case the rule keeps from reviewers', async () => {
    const { sut } = setup({ found: Object.assign(theCase(), { visibleToReviewers: false }) });
    const out = await sut.handle(job('escalation-1', { at: '2020-10-19T01:00:00.000Z' }), new Date('2020-10-19T01:00:00.000Z'));
    expect(out.outcome === 'delivered' && out.recipients).toEqual(['u-head']);
  });

  it('records the webhook call in the same transaction as the notifications', async () => {
    const { sut, outboxed } = setup({ webhook: true });
    const out = await sut.handle(job());
    expect(out).toMatchObject({ outcome: 'delivered', webhookId: 'd1__before-3' });
    expect(outboxed).toEqual([expect.objectContaining({ id: 'd1__before-3', event: 'deadline.reminder', status: 'pending', attempts: 0 })]);
  });

  it.each([
    { why: 'a malformed payload', row: undefined, found: undefined, payload: { deadlineId: 'd1' }, reason: 'malformed job payload' },
    { why: 'no such deadline', row: null, found: undefined, payload: job(), reason: 'the deadline does not exist' },
    { why: 'a met deadline', row: deadline({ status: 'met' }), found: undefined, payload: job(), reason: 'the deadline is met' },
    { why: 'a moved due date', row: deadline({ dueDate: '2020-10-20' }), found: undefined, payload: job(), reason: 'the due date moved from 2020-10-16 to 2020-10-20' },
    { why: 'a state left', row: undefined, found: theCase('legalityReview.opinionIssued'), payload: job(), reason: 'the case left legalityReview.submitted, legalityReview.underReview' },
    { why: 'a key not in the plan', row: undefined, found: undefined, payload: job('before-9'), reason: 'before-9 is not in the deadline\'s plan' },
  ])('is a no-op for a stale job: $why', async ({ row, found, payload, reason }) => {
    const { sut, inserted } = setup({ row, found });
    expect(await sut.handle(payload)).toEqual({ outcome: 'stale', reason, next: [] });
    expect(inserted).toEqual([]);
  });

  it('skips a delivery superseded by a later one already due, handing over to it', async () => {
    const { sut, inserted } = setup();
    const out = await sut.handle(job(), new Date('2020-10-16T02:00:00.000Z'));
    expect(out.outcome).toBe('superseded');
    expect(out.next.map((j) => j.reminderKey)).toEqual(['due', 'escalation-1']);
    expect(inserted).toEqual([]);
  });

  it('refuses a job far ahead of its time, so that the queue retries it later', async () => {
    const { sut } = setup();
    await expect(sut.handle(job('due', { at: '2020-10-16T01:00:00.000Z' }))).rejects.toBeInstanceOf(DeliveryNotYetDueError);
  });
});
