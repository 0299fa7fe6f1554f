import { describe, expect, it } from 'vitest';
import { activePaths, edgeKey, leafPaths, pathTaken, type GraphEdge } from './path-taken';

// a slice of the major-decision graph: a review that returns the draft, and the way back
const edges: GraphEdge[] = [
  { from: 'drafting', to: 'legalityReview', event: 'SUBMIT_DRAFT' },
  { from: 'legalityReview.awaitingSubmission', to: 'legalityReview.submitted', event: 'SUBMIT_FOR_LEGALITY_REVIEW' },
  { from: 'legalityReview.submitted', to: 'legalityReview.underReview', event: 'ACCEPT_FOR_REVIEW' },
  { from: 'legalityReview.submitted', to: 'legalityReview.awaitingSubmission', event: 'RETURN_INCOMPLETE' },
  { from: 'legalityReview.underReview', to: 'legalityReview.awaitingSubmission', event: 'RETURN_INCOMPLETE' },
  { from: 'legalityReview.underReview', to: 'legalityReview.revisionsRequired', event: 'ISSUE_REVIEW_OPINION' },
  { from: 'legalityReview.underReview', to: 'drafting', event: 'ISSUE_REVIEW_OPINION' },
  { from: 'legalityReview.underReview', to: 'collectiveDecision', event: 'ISSUE_REVIEW_OPINION' },
  { from: 'legalityReview', to: 'withdrawn', event: 'WITHDRAW' },
  { from: 'legalityReview', to: 'legalityReview', event: 'RECORD_NOTE' },
  { from: 'legalityReview.revisionsRequired', to: 'collectiveDecision', event: 'CONFIRM_REVISIONS' },
  { from: 'collectiveDecision.preparing', to: 'collectiveDecision.scheduled', event: 'SCHEDULE_MEETING' },
  { from: 'collectiveDecision.scheduled', to: 'collectiveDecision.scheduled', event: 'SCHEDULE_MEETING' },
];
const at = (type: string, stateAfter: unknown) => ({ type, stateAfter });
const keys = (taken: Set<number>) => [...taken].map((n) => edgeKey(edges[n])).sort();

describe('state values', () => {
  it('gives leaf paths and every active ancestor, parallel regions included', () => {
    expect(leafPaths('drafting')).toEqual(['drafting']);
    expect(leafPaths({ legalityReview: 'underReview' })).toEqual(['legalityReview.underReview']);
    expect(leafPaths({ work: { a: 'one', b: { deep: 'x' } } })).toEqual(['work.a.one', 'work.b.deep.x']);
    expect([...activePaths({ legalityReview: 'underReview' })]).toEqual(['legalityReview', 'legalityReview.underReview']);
  });
});

describe('pathTaken', () => {
  it('lights the edges the history went along, and leaves the return edge never taken dark', () => {
    const { edges: taken, states } = pathTaken(edges, [
      at('CREATE', 'drafting'),
      at('SUBMIT_DRAFT', { legalityReview: 'awaitingSubmission' }),
      at('SUBMIT_FOR_LEGALITY_REVIEW', { legalityReview: 'submitted' }),
      at('ACCEPT_FOR_REVIEW', { legalityReview: 'underReview' }),
      at('ISSUE_REVIEW_OPINION', { legalityReview: 'revisionsRequired' }),
      at('CONFIRM_REVISIONS', { collectiveDecision: 'preparing' }),
    ]);
    expect(keys(taken)).toEqual(
      [
        'drafting->legalityReview:SUBMIT_DRAFT',
        'legalityReview.awaitingSubmission->legalityReview.submitted:SUBMIT_FOR_LEGALITY_REVIEW',
        'legalityReview.submitted->legalityReview.underReview:ACCEPT_FOR_REVIEW',
        'legalityReview.underReview->legalityReview.revisionsRequired:ISSUE_REVIEW_OPINION',
        'legalityReview.revisionsRequired->collectiveDecision:CONFIRM_REVISIONS',
      ].sort(),
    );
    // visited states are not enough: awaitingSubmission was visited, yet no return edge lights up
    expect(states.has('legalityReview.awaitingSubmission')).toBe(true);
    expect(keys(taken).some((k) => k.includes('RETURN_INCOMPLETE'))).toBe(false);
  });

  it('tells apart two returns to the same state by where they left from', () => {
    const { edges: taken } = pathTaken(edges, [
      at('SUBMIT_FOR_LEGALITY_REVIEW', { legalityReview: 'submitted' }),
      at('RETURN_INCOMPLETE', { legalityReview: 'awaitingSubmission' }),
    ]);
    expect(keys(taken)).toEqual(['legalityReview.submitted->legalityReview.awaitingSubmission:RETURN_INCOMPLETE']);
  });

  it('picks the edge of one event by the state the case reached', () => {
    const { edges: taken } = pathTaken(edges, [at('ACCEPT_FOR_REVIEW', { legalityReview: 'underReview' }), at('ISSUE_REVIEW_OPINION', 'drafting')]);
    expect(keys(taken)).toEqual(['legalityReview.underReview->drafting:ISSUE_REVIEW_OPINION']);
  });

  it('a self-loop counts only from its own state; the first meeting is not a reschedule', () => {
    const first = pathTaken(edges, [at('CONFIRM_REVISIONS', { collectiveDecision: 'preparing' }), at('SCHEDULE_MEETING', { collectiveDecision: 'scheduled' })]);
    expect(keys(first.edges)).toEqual(['collectiveDecision.preparing->collectiveDecision.scheduled:SCHEDULE_MEETING']);
    const again = pathTaken(edges, [at('SCHEDULE_MEETING', { collectiveDecision: 'scheduled' }), at('SCHEDULE_MEETING', { collectiveDecision: 'scheduled' })]);
    expect(keys(again.edges)).toEqual(['collectiveDecision.scheduled->collectiveDecision.scheduled:SCHEDULE_MEETING']);
  });

  it('a state-level self-loop is taken when the case stays, and the most specific edge wins', () => {
    const { edges: taken } = pathTaken(edges, [at('X', { legalityReview: 'underReview' }), at('RECORD_NOTE', { legalityReview: 'underReview' })]);
    expect(keys(taken)).toEqual(['legalityReview->legalityReview:RECORD_NOTE']);
  });

  it('follows automatic edges after the event to where the record ended', () => {
    const auto: GraphEdge[] = [
      { from: 'a', to: 'check', event: 'GO' },
      { from: 'check', to: 'b', event: 'always' },
      { from: 'check', to: 'c', event: 'always' },
    ];
    const { edges: taken } = pathTaken(auto, [at('CREATE', 'a'), at('GO', 'c')]);
    expect([...taken].sort()).toEqual([0, 2]);
  });

  it('takes nothing for an event no edge of the graph explains', () => {
    expect(pathTaken(edges, [at('CREATE', 'drafting'), at('UNKNOWN', 'drafting')]).edges.size).toBe(0);
  });
});
