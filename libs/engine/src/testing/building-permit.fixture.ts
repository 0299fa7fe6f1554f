import { assign, setup } from 'xstate';
import type { WorkflowDefinition, WorkflowEvent, WorkflowInput } from '../types';

/**
 * A test workflow whose version 2 reshapes version 1 (not a Docket workflow): `submitted` is renamed
 * `lodged`, and `inspection` becomes a compound state (`scheduled` → `done`) with a list of
 * inspections in the context. The migration v1 → v2 maps each running state and extends the context.
 */
export interface PermitContextV1 {
  caseId: string;
  applicant: string;
  site: string;
}

export interface PermitContextV2 extends PermitContextV1 {
  inspections: Array<{ inspector: string; on: string }>;
}

const labels = {
  stages: { intake: { zh: '受理', en: 'Intake' }, inspection: { zh: '现场核查', en: 'Inspection' }, decision: { zh: '决定', en: 'Decision' } },
};

export function buildingPermitV1(): WorkflowDefinition<PermitContextV1> {
  const machine = setup({ types: { context: {} as PermitContextV1, events: {} as WorkflowEvent, input: {} as WorkflowInput } }).createMachine({
    id: 'building-permit',
    context: ({ input }) => ({ caseId: input.caseId, applicant: input.actor.userId, site: input.payload.site }),
    initial: 'submitted',
    states: {
      submitted: { on: { INSPECT: 'inspection' } },
      inspection: { on: { GRANT: 'granted', REFUSE: 'refused' } },
      granted: { type: 'final' },
      refused: { type: 'final' },
    },
  });
  return {
    kind: 'building-permit',
    version: 1,
    label: { zh: '建设许可', en: 'Building permit' },
    machine,
    stages: labels.stages,
    states: {
      submitted: { label: { zh: '已提交', en: 'Submitted' }, stage: 'intake' },
      inspection: { label: { zh: '现场核查', en: 'Inspection' }, stage: 'inspection' },
      granted: { label: { zh: '准予许可', en: 'Granted' }, stage: 'decision' },
      refused: { label: { zh: '不予许可', en: 'Refused' }, stage: 'decision' },
    },
    create: { type: 'APPLY', label: { zh: '提出申请', en: 'Apply' }, roles: ['department-head'] },
    events: {
      INSPECT: { label: { zh: '安排核查', en: 'Inspect' }, roles: ['legal-reviewer'] },
      GRANT: { label: { zh: '准予', en: 'Grant' }, roles: ['town-head'] },
      REFUSE: { label: { zh: '不予', en: 'Refuse' }, roles: ['town-head'] },
    },
    rules: {},
  };
}

export function buildingPermitV2(): WorkflowDefinition<PermitContextV2> {
  const machine = setup({ types: { context: {} as PermitContextV2, events: {} as WorkflowEvent, input: {} as WorkflowInput } }).createMachine({
    id: 'building-permit',
    context: ({ input }) => ({ caseId: input.caseId, applicant: input.actor.userId, site: input.payload.site, inspections: [] }),
    initial: 'lodged',
    states: {
      lodged: { on: { SCHEDULE_INSPECTION: 'inspection' } },
      inspection: {
        initial: 'scheduled',
        states: {
          scheduled: {
            on: {
              RECORD_INSPECTION: {
                target: 'done',
                actions: assign({ inspections: ({ context, event }) => [...context.inspections, { inspector: event.actor.userId, on: event.today }] }),
              },
            },
          },
          done: { on: { GRANT: '#building-permit.granted', REFUSE: '#building-permit.refused' } },
        },
      },
      granted: { type: 'final' },
      refused: { type: 'final' },
    },
  });
  return {
    kind: 'building-permit',
    version: 2,
    label: { zh: '建设许可', en: 'Building permit' },
    machine,
    stages: labels.stages,
    states: {
      lodged: { label: { zh: '已受理', en: 'Lodged' }, stage: 'intake' },
      inspection: { label: { zh: '现场核查', en: 'Inspection' }, stage: 'inspection' },
      'inspection.scheduled': { label: { zh: '待核查', en: 'Inspection scheduled' }, stage: 'inspection' },
      'inspection.done': { label: { zh: '已核查', en: 'Inspected' }, stage: 'inspection' },
      granted: { label: { zh: '准予许可', en: 'Granted' }, stage: 'decision' },
      refused: { label: { zh: '不予许可', en: 'Refused' }, stage: 'decision' },
    },
    create: { type: 'APPLY', label: { zh: '提出申请', en: 'Apply' }, roles: ['department-head'] },
    events: {
      SCHEDULE_INSPECTION: { label: { zh: '安排核查', en: 'Schedule the inspection' }, roles: ['legal-reviewer'] },
      RECORD_INSPECTION: { label: { zh: '记录核查', en: 'Record the inspection' }, roles: ['legal-reviewer'] },
      GRANT: { label: { zh: '准予', en: 'Grant' }, roles: ['town-head'] },
      REFUSE: { label: { zh: '不予', en: 'Refuse' }, roles: ['town-head'] },
    },
    rules: {},
    migrations: [
      {
        from: 1,
        // a case already in inspection under v1 has not had its inspection recorded yet
        states: { submitted: 'lodged', inspection: { inspection: 'scheduled' } },
        context: (c: PermitContextV1): PermitContextV2 => ({ ...c, inspections: [] }),
        reason: { zh: '现场核查须记录核查人和日期', en: 'Inspections are now recorded with inspector and date' },
      },
    ],
  };
}
