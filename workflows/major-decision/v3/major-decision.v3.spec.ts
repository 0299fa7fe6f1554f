/**
 * major-decision v3 (issue 13): the close seals the docket, the summary is computed from it and
 * refused while a comment is unanswered; v1 and v2 unchanged; running cases migrate.
 */
import 'reflect-metadata';
import type { PersistedSnapshot, WorkflowEvent } from '@app/engine';
import { allowedEvents, definitionProblems, migrateCase, startCase, stepCase, WorkflowRegistry } from '@app/engine';
import { allWorkflows } from '../../index';
import { majorDecisionV1 } from '../v1/major-decision.definition';
import { createInput, ev, only } from '../v1/testing/major-decision.fixtures';
import { majorDecisionV2 } from '../v2/major-decision.v2.definition';
import { majorDecisionV3 } from './major-decision.v3.definition';
import type { MajorDecisionV3Context } from './major-decision.v3.machine';

const ROOT = 'a'.repeat(64);
const seal = (round = 1, count = 3) => ({ commentSeal: { round, count, root: ROOT, scheme: 'RFC6962-SHA256/docket-comment-v1' } });
const summary = (undisposed: number, round = 1) => ({
  participationSummary: {
    round,
    received: 3,
    late: 1,
    hidden: 1,
    bySource: { PORTAL: 2, LETTER: 1 },
    bySubmitterType: { INDIVIDUAL: 3 },
    hiddenByReason: { ADVERTISING: 1 },
    byDisposition: undisposed ? { ADOPTED: 1 } : { ADOPTED: 1, NOT_ADOPTED: 1 },
    groups: 0,
    undisposed,
  },
});
const TEXT = { summary: '共收到意见3条，采纳1条，未采纳的已说明理由。' };

type Def = typeof majorDecisionV3;
function begin(def: Def = majorDecisionV3): PersistedSnapshot {
  const out = startCase(def, createInput());
  if (!out.ok) throw new Error(out.refusal.code);
  return out.snapshot;
}
function step(def: Def, s: PersistedSnapshot, e: WorkflowEvent): PersistedSnapshot {
  const out = stepCase(def, s, e);
  if (!out.ok) throw new Error(`${e.type} refused: ${out.refusal.code}`);
  return out.snapshot;
}
const JJFZB = { undertakingUnit: { id: 'jjfzb', nameZh: '经济发展办', nameEn: 'Economic Development Office' } };
/** a v3 case whose comment period is open (public participation only) */
function open(def: Def = majorDecisionV3): PersistedSnapshot {
  let s = begin(def);
  s = step(def, s, ev('DECIDE_TO_START', { ...(ev('DECIDE_TO_START').payload as object), procedures: only('publicParticipation') }, { facts: JJFZB }));
  s = step(def, s, ev('SUBMIT_DRAFT'));
  return step(def, s, ev('PUBLISH_FOR_COMMENT'));
}
const ctx = (s: PersistedSnapshot) => s.context as MajorDecisionV3Context;

describe('major-decision v3', () => {
  it('is a valid definition registered beside v1 and v2, the latest of its kind', () => {
    expect(definitionProblems(majorDecisionV3)).toEqual([]);
    const registry = new WorkflowRegistry(allWorkflows);
    expect(registry.get('major-decision', 2)).toBe(majorDecisionV2);
    expect(registry.latest('major-decision')).toBe(majorDecisionV3);
    expect(majorDecisionV3.events.CLOSE_COMMENT_PERIOD.facts).toEqual({ commentSeal: { kind: 'commentDocket', what: 'seal' } });
    expect(majorDecisionV3.events.SUBMIT_PARTICIPATION_SUMMARY.facts).toEqual({ participationSummary: { kind: 'commentDocket', what: 'summary' } });
    expect(majorDecisionV3.events.SUBMIT_PARTICIPATION_SUMMARY.rules).toEqual(['hearingRecorded', 'commentsDisposed']);
    // v1 and v2 are what they were
    expect(majorDecisionV2.events.CLOSE_COMMENT_PERIOD.facts).toBeUndefined();
    expect(majorDecisionV2.events.SUBMIT_PARTICIPATION_SUMMARY.rules).toEqual(['hearingRecorded', 'adoptedWithinReceived']);
  });

  it('the close records the seal of the round; without the seal it is refused', () => {
    const s = open();
    const refused = stepCase(majorDecisionV3, s, ev('CLOSE_COMMENT_PERIOD'));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.refusal).toMatchObject({ code: 'COMMENT_SEAL_MISSING', article: 'R713 Art. 17' });
    // a seal of another round is no seal of this one
    expect(stepCase(majorDecisionV3, s, ev('CLOSE_COMMENT_PERIOD', {}, { facts: seal(2) })).ok).toBe(false);
    const closed = step(majorDecisionV3, s, ev('CLOSE_COMMENT_PERIOD', {}, { facts: seal() }));
    expect(closed.value).toEqual({ publicParticipation: 'commentClosed' });
    expect(ctx(closed).participation[0].closed).toMatchObject({ closedOn: '2024-04-09', seal: { round: 1, count: 3, root: ROOT } });
  });

  it('the summary is refused while a comment is unanswered (COMMENTS_UNDISPOSED, R713 Art. 17), then recorded as computed', () => {
    const s = step(majorDecisionV3, open(), ev('CLOSE_COMMENT_PERIOD', {}, { facts: seal() }));
    for (const facts of [summary(1), {}, summary(0, 2)]) {
      const out = stepCase(majorDecisionV3, s, ev('SUBMIT_PARTICIPATION_SUMMARY', TEXT, { facts }));
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.refusal).toMatchObject({ code: 'COMMENTS_UNDISPOSED', article: 'R713 Art. 17', status: 422 });
    }
    const done = step(majorDecisionV3, s, ev('SUBMIT_PARTICIPATION_SUMMARY', TEXT, { facts: summary(0) }));
    expect(done.value).toEqual({ legalityReview: 'awaitingSubmission' });
    expect(ctx(done).participation[0].summary).toMatchObject({
      received: 3,
      adopted: 1,
      notAdopted: 1,
      hidden: 1,
      late: 1,
      bySource: { PORTAL: 2, LETTER: 1 },
      summary: TEXT.summary,
      computed: true,
    });
  });

  it('the summary route follows the procedures as in v1 (expert review next when required)', () => {
    let s = begin();
    s = step(majorDecisionV3, s, ev('DECIDE_TO_START', { ...(ev('DECIDE_TO_START').payload as object), procedures: only('publicParticipation', 'expertReview') }, { facts: JJFZB }));
    s = step(majorDecisionV3, s, ev('SUBMIT_DRAFT'));
    s = step(majorDecisionV3, s, ev('PUBLISH_FOR_COMMENT'));
    s = step(majorDecisionV3, s, ev('CLOSE_COMMENT_PERIOD', {}, { facts: seal() }));
    expect(step(majorDecisionV3, s, ev('SUBMIT_PARTICIPATION_SUMMARY', TEXT, { facts: summary(0) })).value).toBe('expertReview');
  });

  it('shows the unanswered comments as the reason only when the event is sent (not a precondition)', () => {
    const s = step(majorDecisionV3, open(), ev('CLOSE_COMMENT_PERIOD', {}, { facts: seal() }));
    const offered = allowedEvents(majorDecisionV3, s, ['department-head']).find((e) => e.type === 'SUBMIT_PARTICIPATION_SUMMARY');
    expect(offered).toBeDefined();
  });

  it('v2 is unchanged: typed-in counts, no seal', () => {
    const s = step(majorDecisionV2, open(majorDecisionV2 as unknown as Def), ev('CLOSE_COMMENT_PERIOD'));
    expect(ctx(s).participation[0].closed).not.toHaveProperty('seal');
    const done = step(majorDecisionV2, s, ev('SUBMIT_PARTICIPATION_SUMMARY'));
    expect(ctx(done).participation[0].summary).toMatchObject({ received: 12, adopted: 5 });
  });

  it('migrates running v1 and v2 cases to the same state; a case migrated while open is sealed at its close', () => {
    const v2 = open(majorDecisionV2 as unknown as Def);
    const out = migrateCase(majorDecisionV2, majorDecisionV3, v2, { role: 'admin' });
    if (!out.ok) throw new Error(out.refusal.code);
    expect(out.snapshot.value).toEqual(v2.value);
    const closed = step(majorDecisionV3, out.snapshot, ev('CLOSE_COMMENT_PERIOD', {}, { facts: seal() }));
    expect(ctx(closed).participation[0].closed?.seal).toMatchObject({ count: 3 });

    const v1 = open(majorDecisionV1 as unknown as Def);
    const fromV1 = migrateCase(majorDecisionV1, majorDecisionV3, v1, { role: 'admin' });
    if (!fromV1.ok) throw new Error(fromV1.refusal.code);
    expect(fromV1.snapshot.value).toEqual(v1.value);
    expect(ctx(fromV1.snapshot).start).toMatchObject({ undertakingUnitId: '经济发展办' });
  });
});
