import { guardsFrom, Role, RuleDefinition, StateMeta, WorkflowDefinition, WorkflowEvent, WorkflowInput } from '@app/engine';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { assign, setup } from 'xstate';

/**
 * `bench-approval` v1: five sequential approvals (APPROVE_1 … APPROVE_5), each by one role, each
 * guarded by one trivial rule and appending one record to the context. The Docket side of the
 * comparison with bpmn-engine (see `bpmn.ts`, which runs the same five user tasks). Benchmark only:
 * it is registered in the bench's own registry, never in `workflows/`.
 */
export const APPROVAL_STEPS = 5;

/** The role that sends APPROVE_i (index i - 1). */
export const APPROVAL_ROLES: readonly Role[] = ['department-head', 'legal-reviewer', 'secretary', 'town-head', 'town-head'];

export class CreateBenchApprovalPayload {
  @IsString() @IsNotEmpty() @MaxLength(500)
  title: string;
}

export class ApprovePayload {
  @IsString() @IsNotEmpty() @MaxLength(2000)
  comment: string;
}

export interface ApprovalRecord {
  step: number;
  by: string;
  role: string;
  at: string;
  comment: string;
}

export interface BenchApprovalContext {
  caseId: string;
  title: string;
  createdBy: string;
  approvals: ApprovalRecord[];
}

const steps = Array.from({ length: APPROVAL_STEPS }, (_, i) => i + 1);

/** One trivial rule per step: the approver is not the person who opened the case. */
const rules: Record<string, RuleDefinition<BenchApprovalContext>> = Object.fromEntries(
  steps.map((i) => [
    `approval${i}NotSelf`,
    {
      check: ({ context, event }) => event.actor.userId !== context.createdBy,
      refusal: {
        code: `BENCH.APPROVAL_${i}_SELF`,
        article: 'Bench Art. 1',
        status: 403,
        zh: '不能审批本人提出的事项',
        en: 'You cannot approve your own case',
      },
    } satisfies RuleDefinition<BenchApprovalContext>,
  ]),
);

const appendApproval = (step: number) =>
  assign(({ context, event }: { context: BenchApprovalContext; event: WorkflowEvent }) => ({
    approvals: [
      ...context.approvals,
      { step, by: event.actor.userId, role: event.actor.role, at: event.at, comment: String(event.payload.comment) },
    ],
  }));

const machine = setup({
  types: { context: {} as BenchApprovalContext, events: {} as WorkflowEvent, input: {} as WorkflowInput },
  guards: guardsFrom(rules),
}).createMachine({
  id: 'bench-approval',
  context: ({ input }) => ({
    caseId: input.caseId,
    title: String(input.payload.title),
    createdBy: input.actor.userId,
    approvals: [],
  }),
  initial: 'step1',
  states: {
    ...Object.fromEntries(
      steps.map((i) => [
        `step${i}`,
        {
          on: {
            [`APPROVE_${i}`]: {
              target: i < APPROVAL_STEPS ? `step${i + 1}` : 'approved',
              guard: `approval${i}NotSelf`,
              actions: appendApproval(i),
            },
          },
        },
      ]),
    ),
    approved: { type: 'final' },
  } as any,
});

export const benchApprovalV1: WorkflowDefinition<BenchApprovalContext> = {
  kind: 'bench-approval',
  version: 1,
  label: { zh: '基准测试：五级审批', en: 'Benchmark: five-step approval' },
  machine,
  stages: { approval: { zh: '审批', en: 'Approval' }, closed: { zh: '办结', en: 'Closed' } },
  states: {
    ...Object.fromEntries(
      steps.map((i): [string, StateMeta] => [`step${i}`, { label: { zh: `第${i}级审批`, en: `Approval ${i}` }, stage: 'approval' }]),
    ),
    approved: { label: { zh: '已批准', en: 'Approved' }, stage: 'closed' },
  },
  create: {
    type: 'CREATE',
    label: { zh: '提出', en: 'Open' },
    roles: ['department-head'],
    payload: CreateBenchApprovalPayload,
  },
  events: Object.fromEntries(
    steps.map((i) => [
      `APPROVE_${i}`,
      {
        label: { zh: `第${i}级批准`, en: `Approve (${i})` },
        roles: [APPROVAL_ROLES[i - 1]],
        rules: [`approval${i}NotSelf`],
        payload: ApprovePayload,
      },
    ]),
  ),
  rules,
};

/** The actor who sends APPROVE_i (never the creator, so every rule passes). */
export const approverFor = (step: number) => ({
  userId: `00000000-0000-4000-8000-00000000000${step}`,
  role: APPROVAL_ROLES[step - 1],
  orgUnit: 'bench-office',
});

export const benchCreator = { userId: '00000000-0000-4000-8000-000000000000', role: 'department-head' as Role, orgUnit: 'bench-office' };

/** The payload of APPROVE_i, identical for Docket and bpmn-engine. */
export const approvalComment = (step: number) => ({ comment: `同意（第${step}级）。Approved at step ${step}; no objection.` });
