import { and, assign, cancel, emit, raise, setup } from 'xstate';
import { guardsFrom } from '../guards-from';
import type { RuleDefinition, WorkflowDefinition, WorkflowEvent, WorkflowInput } from '../types';

/**
 * A small leave-request approval used by the engine specs (not a Docket workflow):
 * draft → review (pending → escalated after a delay) → approved | rejected.
 * Version 2 raises the leave quota from 10 to 15 days; the states are the same, so a case can move
 * from v1 to v2 mid-history.
 */
export interface LeaveContext {
  caseId: string;
  requester: string;
  days: number;
  reason: string;
  createdOn: string;
  comments: string[];
  reminders: number;
  approvedBy?: string;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export function leaveRules(maxDays: number) {
  // `satisfies` (not a `Record` annotation) keeps the rule names literal, so xstate checks guard names
  return {
    daysPositive: {
      check: ({ event }) => Number.isInteger(event.payload.days) && event.payload.days > 0,
      refusal: { code: 'LEAVE.DAYS_INVALID', article: 'Leave Rules Art. 3', zh: '请假天数必须为正整数', en: 'Leave days must be a positive whole number' },
    },
    // throws on a payload without `reason`: the engine must count that as failing, not crash
    reasonGiven: {
      check: ({ event }) => event.payload.reason.trim().length > 0,
      refusal: { code: 'LEAVE.REASON_MISSING', article: 'Leave Rules Art. 4', zh: '请填写请假事由', en: 'Give the reason for the leave' },
    },
    withinQuota: {
      precondition: true,
      check: ({ context }) => context.days <= maxDays,
      refusal: {
        code: 'LEAVE.OVER_QUOTA',
        article: 'Leave Rules Art. 7',
        zh: `请假天数超过${maxDays}天，需先修改`,
        en: `More than ${maxDays} days of leave: amend the request first`,
      },
    },
    notOwnRequest: {
      check: ({ context, event }) => event.actor.userId !== context.requester,
      refusal: { code: 'LEAVE.SELF_APPROVAL', article: 'Leave Rules Art. 9', status: 403, zh: '不能审批本人的请假', en: 'You cannot approve your own leave' },
    },
    escalationNote: {
      appliesIn: ['review.escalated'],
      check: ({ event }) => typeof event.payload.note === 'string' && event.payload.note.length > 0,
      refusal: { code: 'LEAVE.NOTE_REQUIRED', article: 'Leave Rules Art. 11', zh: '逾期审批须说明理由', en: 'A late approval needs a note' },
    },
  } satisfies Record<string, RuleDefinition<LeaveContext>>;
}

export function leaveMachine(rules: ReturnType<typeof leaveRules>) {
  return setup({
    types: { context: {} as LeaveContext, events: {} as WorkflowEvent, input: {} as WorkflowInput },
    guards: {
      ...guardsFrom(rules),
      // deliberately without a named rule: the engine can only say "not now" (409)
      hasComment: ({ event }) => typeof event.payload?.comment === 'string' && event.payload.comment.length > 0,
    },
    actions: {
      notifyReviewer: (_, _params: { caseId: string; days: number }) => {
        throw new Error('the engine must never execute actions');
      },
    },
    delays: { reminderDelay: 3 * DAY_MS, escalationDelay: 5 * DAY_MS },
  }).createMachine({
    id: 'leave-request',
    context: ({ input }) => ({
      caseId: input.caseId,
      requester: input.actor.userId,
      days: input.payload.days,
      reason: input.payload.reason,
      createdOn: input.today,
      comments: [],
      reminders: 0,
    }),
    initial: 'draft',
    states: {
      draft: {
        on: {
          SUBMIT: { target: 'review', guard: 'withinQuota' },
          AMEND: {
            guard: and(['daysPositive', 'reasonGiven']),
            actions: assign({ days: ({ event }) => event.payload.days, reason: ({ event }) => event.payload.reason }),
          },
        },
      },
      review: {
        initial: 'pending',
        entry: [
          { type: 'notifyReviewer', params: ({ context }) => ({ caseId: context.caseId, days: context.days }) },
          raise({ type: 'REMIND' } as WorkflowEvent, { id: 'remind', delay: 'reminderDelay' }),
        ],
        exit: cancel('remind'),
        on: {
          REJECT: { target: 'rejected', guard: 'hasComment' },
          WITHDRAW: 'draft',
          // a payload the assign cannot read makes the machine throw: TRANSITION_FAILED
          COMMENT: { actions: assign({ comments: ({ context, event }) => [...context.comments, event.payload.text.trim()] }) },
          REMIND: { actions: assign({ reminders: ({ context }) => context.reminders + 1 }) },
        },
        states: {
          pending: {
            after: { escalationDelay: 'escalated' },
            on: {
              APPROVE: {
                target: '#leave-request.approved',
                guard: and(['withinQuota', 'notOwnRequest']),
                actions: assign({ approvedBy: ({ event }) => event.actor.userId }),
              },
            },
          },
          escalated: {
            entry: emit(({ context }) => ({ type: 'leave.escalated', caseId: context.caseId })),
            on: {
              APPROVE: {
                target: '#leave-request.approved',
                guard: and(['withinQuota', 'notOwnRequest', 'escalationNote']),
                actions: assign({ approvedBy: ({ event }) => event.actor.userId }),
              },
            },
          },
        },
      },
      approved: { type: 'final' },
      rejected: { type: 'final' },
    },
  });
}

export function leaveRequest(version: 1 | 2 = 1): WorkflowDefinition<LeaveContext> {
  const maxDays = version === 1 ? 10 : 15;
  const rules = leaveRules(maxDays);
  return {
    kind: 'leave-request',
    version,
    label: { zh: version === 1 ? '请假申请' : '请假申请（新版）', en: 'Leave request' },
    machine: leaveMachine(rules),
    stages: { application: { zh: '申请', en: 'Application' }, review: { zh: '审批', en: 'Review' }, closed: { zh: '办结', en: 'Closed' } },
    states: {
      draft: { label: { zh: '草稿', en: 'Draft' }, stage: 'application' },
      review: { label: { zh: '审批中', en: 'Under review' }, stage: 'review' },
      'review.pending': { label: { zh: '待审批', en: 'Pending' }, stage: 'review' },
      'review.escalated': { label: { zh: '逾期待审批', en: 'Escalated' }, stage: 'review' },
      approved: { label: { zh: '已批准', en: 'Approved' }, stage: 'closed' },
      rejected: { label: { zh: '已驳回', en: 'Rejected' }, stage: 'closed' },
    },
    create: { type: 'CREATE', label: { zh: '提出申请', en: 'Apply' }, roles: ['department-head'], rules: ['daysPositive', 'reasonGiven'] },
    events: {
      SUBMIT: { label: { zh: '提交审批', en: 'Submit' }, roles: ['department-head'], rules: ['withinQuota'] },
      AMEND: { label: { zh: '修改申请', en: 'Amend' }, roles: ['department-head'], rules: ['daysPositive', 'reasonGiven'] },
      APPROVE: { label: { zh: '批准', en: 'Approve' }, roles: ['legal-reviewer', 'town-head'], rules: ['withinQuota', 'notOwnRequest', 'escalationNote'] },
      REJECT: { label: { zh: '驳回', en: 'Reject' }, roles: ['legal-reviewer'] },
      COMMENT: { label: { zh: '填写意见', en: 'Comment' }, roles: ['legal-reviewer'] },
      WITHDRAW: { label: { zh: '撤回', en: 'Withdraw' }, roles: ['department-head'] },
    },
    rules,
    // v2 only raised the quota: every running state keeps its place
    ...(version === 2
      ? {
          migrations: [
            {
              from: 1,
              states: { draft: 'draft', 'review.pending': { review: 'pending' }, 'review.escalated': { review: 'escalated' } },
              reason: { zh: '请假额度调整为15天', en: 'Leave quota raised to 15 days' },
            },
          ],
        }
      : {}),
  };
}
