/**
 * major-decision v2 (issue 9 §7): the start decision records the undertaking unit the runtime
 * resolved — id (the case's unit) and name (display); v1 is unchanged and its cases migrate.
 */
import 'reflect-metadata';
import type { PersistedSnapshot, WorkflowEvent } from '@app/engine';
import { definitionProblems, migrateCase, startCase, stepCase, WorkflowRegistry } from '@app/engine';
import { allWorkflows } from '../../index';
import { majorDecisionV1 } from '../v1/major-decision.definition';
import { type MajorDecisionContext, unitsBarredFromPostEvaluation } from '../v1/major-decision.machine';
import { createInput, ev } from '../v1/testing/major-decision.fixtures';
import { majorDecisionV2 } from './major-decision.v2.definition';
import type { MajorDecisionV2Context } from './major-decision.v2.machine';

/** DECIDE_TO_START's valid payload naming `unit` */
const startPayload = (unit: string) => ({ ...(ev('DECIDE_TO_START').payload as object), undertakingUnit: unit });
const JJFZB = { id: 'jjfzb', nameZh: '经济发展办', nameEn: 'Economic Development Office' };

function begin(def = majorDecisionV2): PersistedSnapshot {
  const out = startCase(def, createInput());
  if (!out.ok) throw new Error(out.refusal.code);
  return out.snapshot;
}
function step(def: typeof majorDecisionV2, s: PersistedSnapshot, e: WorkflowEvent): PersistedSnapshot {
  const out = stepCase(def, s, e);
  if (!out.ok) throw new Error(`${e.type} refused: ${out.refusal.code}`);
  return out.snapshot;
}

describe('major-decision v2', () => {
  it('is a valid definition registered beside v1 (v3 is the latest since issue 13)', () => {
    expect(definitionProblems(majorDecisionV2)).toEqual([]);
    const registry = new WorkflowRegistry(allWorkflows);
    expect(registry.get('major-decision', 1)).toBe(majorDecisionV1);
    expect(registry.get('major-decision', 2)).toBe(majorDecisionV2);
    expect(registry.latest('major-decision').version).toBe(3);
    expect(majorDecisionV2.events.DECIDE_TO_START.facts).toEqual({ undertakingUnit: { kind: 'orgUnit', from: { payload: 'undertakingUnit' } } });
    // v1 declares no unit fact: its events are what they were
    expect(majorDecisionV1.events.DECIDE_TO_START.facts).toBeUndefined();
  });

  it('records the resolved unit: its id as the case unit, its name for display', () => {
    const s = step(majorDecisionV2, begin(), ev('DECIDE_TO_START', startPayload('jjfzb'), { facts: { undertakingUnit: JJFZB } }));
    const ctx = s.context as MajorDecisionV2Context;
    expect(ctx.start).toMatchObject({ undertakingUnitId: 'jjfzb', undertakingUnit: '经济发展办' });
    expect(majorDecisionV2.orgUnits!(ctx)).toEqual(['jjfzb']);
    // an evaluator typed as the unit's name or its id is the undertaking unit (R713 Art. 36)
    expect(unitsBarredFromPostEvaluation(ctx as unknown as MajorDecisionContext)).toEqual(expect.arrayContaining(['jjfzb', '经济发展办']));
  });

  it('v1 is unchanged: the typed text is the case unit', () => {
    const s = step(majorDecisionV1, begin(majorDecisionV1), ev('DECIDE_TO_START', startPayload('经济发展办')));
    const ctx = s.context as MajorDecisionContext;
    expect(ctx.start).not.toHaveProperty('undertakingUnitId');
    expect(majorDecisionV1.orgUnits!(ctx)).toEqual(['经济发展办']);
  });

  it('migrates a started v1 case: same state, the unit v1 gave it kept as its id', () => {
    const v1 = step(majorDecisionV1, begin(majorDecisionV1), ev('DECIDE_TO_START', startPayload('jjfzb')));
    const out = migrateCase(majorDecisionV1, majorDecisionV2, v1, { role: 'admin' });
    if (!out.ok) throw new Error(out.refusal.code);
    expect(out.snapshot.value).toEqual(v1.value);
    const ctx = out.snapshot.context as MajorDecisionV2Context;
    expect(ctx.start).toMatchObject({ undertakingUnitId: 'jjfzb', undertakingUnit: 'jjfzb' });
    expect(majorDecisionV2.orgUnits!(ctx)).toEqual(['jjfzb']);
    // and the migrated case goes on under v2
    expect(() => step(majorDecisionV2, out.snapshot, ev('SUBMIT_DRAFT'))).not.toThrow();
  });

  it('maps every leaf state of v1 to the same state', () => {
    const states = majorDecisionV2.migrations![0].states;
    expect(Object.keys(states).length).toBeGreaterThan(10);
    expect(states['drafting']).toBe('drafting');
    expect(states['legalityReview.submitted']).toEqual({ legalityReview: 'submitted' });
  });
});
