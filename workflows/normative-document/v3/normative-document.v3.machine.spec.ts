/**
 * normative-document v3 (issue 13): the close seals the docket, the summary is computed from it and
 * refused while a comment is unanswered (OBE Art. 62); v2 unchanged; running cases migrate.
 */
import 'reflect-metadata';
import type { PersistedSnapshot, WorkflowEvent } from '@app/engine';
import { definitionProblems, migrateCase, startCase, stepCase, WorkflowRegistry } from '@app/engine';
import { allWorkflows } from '../../index';
import { createInput, ev, valid } from '../v1/testing/normative-document.fixtures';
import { normativeDocumentV2 } from '../v2/normative-document.v2.definition';
import { normativeDocumentV3 } from './normative-document.v3.definition';
import type { NormativeDocumentV3Context } from './normative-document.v3.machine';

const ROOT = 'b'.repeat(64);
const seal = (round = 1) => ({ commentSeal: { round, count: 2, root: ROOT, scheme: 'RFC6962-SHA256/docket-comment-v1' } });
const summary = (undisposed: number) => ({
  participationSummary: { round: 1, received: 2, late: 0, hidden: 0, bySource: { PORTAL: 2 }, bySubmitterType: { ENTERPRISE: 2 }, hiddenByReason: {}, byDisposition: { PARTIALLY_ADOPTED: 2 - undisposed }, groups: 0, undisposed },
});
const { received: _r, adopted: _a, ...TEXT } = valid.SUBMIT_PARTICIPATION_SUMMARY();

type Def = typeof normativeDocumentV3;
function step(def: Def, s: PersistedSnapshot, e: WorkflowEvent): PersistedSnapshot {
  const out = stepCase(def, s, e);
  if (!out.ok) throw new Error(`${e.type} refused: ${out.refusal.code}`);
  return out.snapshot;
}
function open(def: Def = normativeDocumentV3, marketRelated = false): PersistedSnapshot {
  const out = startCase(def, createInput());
  if (!out.ok) throw new Error(out.refusal.code);
  const s = step(def, out.snapshot, ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT(marketRelated)));
  return step(def, s, ev('PUBLISH_FOR_COMMENT'));
}
const ctx = (s: PersistedSnapshot) => s.context as NormativeDocumentV3Context;

describe('normative-document v3', () => {
  it('is a valid definition, the latest of its kind; v2 unchanged', () => {
    expect(definitionProblems(normativeDocumentV3)).toEqual([]);
    const registry = new WorkflowRegistry(allWorkflows);
    expect(registry.get('normative-document', 2)).toBe(normativeDocumentV2);
    expect(registry.latest('normative-document')).toBe(normativeDocumentV3);
    expect(normativeDocumentV3.events.SUBMIT_PARTICIPATION_SUMMARY.rules).toEqual(['marketEntitiesHeard', 'adoptionFeedbackPublished', 'commentsDisposed']);
    expect(normativeDocumentV2.events.SUBMIT_PARTICIPATION_SUMMARY.facts).toBeUndefined();
  });

  it('the close records the seal; without it the close is refused (COMMENT_SEAL_MISSING)', () => {
    const s = open();
    expect(stepCase(normativeDocumentV3, s, ev('CLOSE_COMMENT_PERIOD'))).toMatchObject({ ok: false, refusal: { code: 'COMMENT_SEAL_MISSING', article: 'OBE Art. 62' } });
    const closed = step(normativeDocumentV3, s, ev('CLOSE_COMMENT_PERIOD', {}, { facts: seal() }));
    expect(ctx(closed).consultations[0].closed).toMatchObject({ closedOn: '2024-04-09', seal: { count: 2, root: ROOT } });
  });

  it('the summary is refused while a comment is unanswered (COMMENTS_UNDISPOSED, OBE Art. 62), then recorded as computed', () => {
    const s = step(normativeDocumentV3, open(), ev('CLOSE_COMMENT_PERIOD', {}, { facts: seal() }));
    expect(stepCase(normativeDocumentV3, s, ev('SUBMIT_PARTICIPATION_SUMMARY', TEXT, { facts: summary(1) }))).toMatchObject({
      ok: false,
      refusal: { code: 'COMMENTS_UNDISPOSED', article: 'OBE Art. 62' },
    });
    const done = step(normativeDocumentV3, s, ev('SUBMIT_PARTICIPATION_SUMMARY', TEXT, { facts: summary(0) }));
    expect(done.value).toEqual({ legalityReview: 'awaitingSubmission' });
    expect(ctx(done).consultations[0].summary).toMatchObject({ received: 2, adopted: 0, partiallyAdopted: 2, computed: true, marketEntitiesHeard: ['慈溪市家电行业协会'] });
  });

  it('a market-related document goes on to the fair competition review, as in v2', () => {
    const s = step(normativeDocumentV3, open(normativeDocumentV3, true), ev('CLOSE_COMMENT_PERIOD', {}, { facts: seal() }));
    expect(step(normativeDocumentV3, s, ev('SUBMIT_PARTICIPATION_SUMMARY', TEXT, { facts: summary(0) })).value).toBe('fairCompetitionReview');
  });

  it('migrates a running v2 case to the same state', () => {
    const v2 = open(normativeDocumentV2 as unknown as Def);
    const out = migrateCase(normativeDocumentV2, normativeDocumentV3, v2, { role: 'admin' });
    if (!out.ok) throw new Error(out.refusal.code);
    expect(out.snapshot.value).toEqual(v2.value);
    expect(ctx(step(normativeDocumentV3, out.snapshot, ev('CLOSE_COMMENT_PERIOD', {}, { facts: seal() }))).consultations[0].closed?.seal?.root).toBe(ROOT);
  });
});
