/**
 * Pure specs of enforcement-decision v2 (issue 9 §13): a penalty for a complex case or a serious
 * violation is decided collectively (APL Art. 57 ¶2, COLLECTIVE_DISCUSSION_REQUIRED), refused by
 * the engine's rules and by the machine alike; v1 keeps accepting what it accepted; a running v1
 * case migrates to the same state.
 */
import 'reflect-metadata';
import type { SnapshotFrom } from 'xstate';
import type { WorkflowEvent } from '@app/engine';
import { definitionProblems, describeDefinition, leafPaths, migrateCase, startCase, stepCase, WorkflowRegistry } from '@app/engine';
import { allWorkflows } from '../../index';
import { machineDriver } from '../../common/testing/machine-driver';
import { describeDefinitionContract } from '../../common/testing/definition-contract';
import { restingLeafPaths } from '../../common/same-states-migration';
import { ENFORCEMENT_DECISION_EVENT_TYPES, enforcementDecisionV1, enforcementDecisionV1Machine } from '../v1';
import { ACTORS, AT, createInput, createPayload, ev, profile, UNQUALIFIED, valid } from '../v1/testing/enforcement-decision.fixtures';
import { enforcementDecisionV2 as def } from './enforcement-decision.definition';
import { collectiveDiscussionRequired, enforcementDecisionV2Machine as machine, qualificationRequired } from './enforcement-decision.machine';

type Snap = SnapshotFrom<typeof machine>;
const leaf = (s: { value: unknown }): string => leafPaths(s.value as never).join(' + ');

const withProposal = (proposal: Record<string, unknown>) => () => createInput({ payload: { ...createPayload(), proposal: { ...createPayload().proposal, ...proposal } } });
const COMPLEX = { majorGround: 'COMPLEX_OR_MULTIPLE_RELATIONS' };

/** draft → review → LEGAL: awaiting the decision, in the given machine */
function atDecision(m: typeof machine = machine, proposal: Record<string, unknown> = {}, draft: Record<string, unknown> = {}): Snap {
  const d = machineDriver(m, withProposal(proposal));
  return d.run(
    d.begin(),
    ev('SUBMIT_DRAFT', { ...valid.SUBMIT_DRAFT(), ...draft }),
    ev('SUBMIT_FOR_LEGALITY_REVIEW'),
    ev('ACCEPT_FOR_REVIEW'),
    ev('ISSUE_REVIEW_OPINION'),
  ) as Snap;
}

const decide = (collectiveDiscussion: boolean): WorkflowEvent => ev('RECORD_DECISION', { ...valid.RECORD_DECISION(), collectiveDiscussion });

const outcome = (s: Snap, e: WorkflowEvent, version = def) => {
  const out = stepCase(version, (version === def ? machine : enforcementDecisionV1Machine).getPersistedSnapshot(s as never), e);
  return out.ok ? { ok: true, state: leaf(out) } : { ok: false, code: out.refusal.code, status: out.refusal.status ?? 422, article: out.refusal.article };
};

describe('collective discussion of heavier penalties (policy E7, APL Art. 57 ¶2)', () => {
  it('refuses a complex penalty decided without collective discussion, citing the article; v1 accepted it', () => {
    expect(outcome(atDecision(machine, COMPLEX), decide(false))).toEqual({ ok: false, code: 'COLLECTIVE_DISCUSSION_REQUIRED', status: 422, article: 'APL Art. 57 ¶2' });
    expect(outcome(atDecision(enforcementDecisionV1Machine, COMPLEX), decide(false), enforcementDecisionV1)).toEqual({ ok: true, state: 'decided' });
    expect(outcome(atDecision(machine, COMPLEX), decide(true))).toEqual({ ok: true, state: 'decided' });
    expect(def.rules.collectiveDiscussionHeld.refusal.zh).toContain('《中华人民共和国行政处罚法》第五十七条第二款');
  });

  it('refuses a penalty for a serious violation (the draft’s finding) decided without it', () => {
    const s = atDecision(machine, {}, { seriousViolation: true });
    expect((s.context.drafts[0] as { seriousViolation?: boolean }).seriousViolation).toBe(true);
    expect(outcome(s, decide(false))).toMatchObject({ ok: false, code: 'COLLECTIVE_DISCUSSION_REQUIRED' });
    expect(outcome(s, decide(true))).toEqual({ ok: true, state: 'decided' });
  });

  it('the machine alone refuses it too', () => {
    expect(atDecision(machine, COMPLEX).can(decide(false) as never)).toBe(false);
    expect(atDecision(machine, COMPLEX).can(decide(true) as never)).toBe(true);
    expect(atDecision(enforcementDecisionV1Machine, COMPLEX).can(decide(false) as never)).toBe(true);
  });

  it('leaves alone what the article does not cover: a penalty neither complex nor serious, and other decision types', () => {
    const plain = atDecision(machine);
    expect((plain.context.drafts[0] as { seriousViolation?: boolean }).seriousViolation).toBe(false);
    expect(outcome(plain, decide(false))).toEqual({ ok: true, state: 'decided' });
    for (const decisionType of ['LICENSING', 'COMPULSORY_MEASURE', 'OTHER']) {
      expect(outcome(atDecision(machine, { ...COMPLEX, decisionType }, { seriousViolation: true }), decide(false))).toEqual({ ok: true, state: 'decided' });
    }
  });

  it('reads the current round’s draft: a serious first draft does not bind a second that is not', () => {
    const d = machineDriver(machine, withProposal({}));
    const s = d.run(
      atDecision(machine, {}, { seriousViolation: true }),
      ev('RETURN_FOR_REVISION'),
      ev('SUBMIT_DRAFT', { ...valid.SUBMIT_DRAFT('b'.repeat(64)) }),
      ev('SUBMIT_FOR_LEGALITY_REVIEW', valid.SUBMIT_FOR_LEGALITY_REVIEW('b'.repeat(64))),
      ev('ACCEPT_FOR_REVIEW'),
      ev('ISSUE_REVIEW_OPINION'),
    ) as Snap;
    expect(collectiveDiscussionRequired(s.context)).toBe(false);
    expect(outcome(s, ev('RECORD_DECISION', { ...valid.RECORD_DECISION('b'.repeat(64)), collectiveDiscussion: false }))).toEqual({ ok: true, state: 'decided' });
  });
});

describe('the reviewer’s qualification for the configured decision types (policy E9, APL Art. 58 ¶2)', () => {
  /** draft → review accepted: under review, in the given machine, for a case of `decisionType` */
  function underReview(m: typeof machine, decisionType: string): Snap {
    const d = machineDriver(m, withProposal({ decisionType }));
    return d.run(d.begin(), ev('SUBMIT_DRAFT'), ev('SUBMIT_FOR_LEGALITY_REVIEW'), ev('ACCEPT_FOR_REVIEW')) as Snap;
  }
  const opinionBy = (reviewer: object, types?: string[]) =>
    ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION(), { facts: { reviewer, ...(types ? { qualificationDecisionTypes: types } : {}) } });
  const byDefault = ['PENALTY'];

  it('by default requires it for a penalty only (行政处罚决定)', () => {
    expect(outcome(underReview(machine, 'PENALTY'), opinionBy(UNQUALIFIED, byDefault))).toEqual({ ok: false, code: 'REVIEWER_QUALIFICATION_REQUIRED', status: 422, article: 'APL Art. 58' });
    for (const type of ['LICENSING', 'COMPULSORY_MEASURE', 'OTHER']) {
      expect({ type, ...outcome(underReview(machine, type), opinionBy(UNQUALIFIED, byDefault)) }).toEqual({ type, ok: true, state: 'decision' });
    }
    // v1 required it for every type
    expect(outcome(underReview(enforcementDecisionV1Machine, 'LICENSING'), opinionBy(UNQUALIFIED), enforcementDecisionV1)).toMatchObject({ ok: false, code: 'REVIEWER_QUALIFICATION_REQUIRED' });
  });

  it('follows the configured types, and a qualified reviewer passes whatever they are', () => {
    const wider = ['PENALTY', 'COMPULSORY_MEASURE'];
    expect(outcome(underReview(machine, 'COMPULSORY_MEASURE'), opinionBy(UNQUALIFIED, wider))).toMatchObject({ ok: false, code: 'REVIEWER_QUALIFICATION_REQUIRED' });
    expect(outcome(underReview(machine, 'LICENSING'), opinionBy(UNQUALIFIED, wider))).toEqual({ ok: true, state: 'decision' });
    expect(outcome(underReview(machine, 'PENALTY'), opinionBy(profile(), wider))).toEqual({ ok: true, state: 'decision' });
    expect(underReview(machine, 'LICENSING').can(opinionBy(UNQUALIFIED, byDefault) as never)).toBe(true);
    expect(underReview(machine, 'PENALTY').can(opinionBy(UNQUALIFIED, byDefault) as never)).toBe(false);
  });

  it('without the fact, requires it as v1 did', () => {
    expect(qualificationRequired(underReview(machine, 'LICENSING').context, { facts: {} })).toBe(true);
    expect(outcome(underReview(machine, 'LICENSING'), opinionBy(UNQUALIFIED))).toMatchObject({ ok: false, code: 'REVIEWER_QUALIFICATION_REQUIRED' });
  });

  it('declares the configuration as a text fact listing the decision types, default PENALTY', () => {
    expect(def.events.ISSUE_REVIEW_OPINION.facts).toEqual({
      reviewer: { kind: 'actor' },
      qualificationDecisionTypes: {
        kind: 'text',
        text: { key: 'enforcement.reviewerQualification.decisionTypes', default: 'PENALTY', article: 'APL Art. 58 ¶2' },
        listOf: ['PENALTY', 'LICENSING', 'COMPULSORY_MEASURE', 'OTHER'],
      },
    });
    expect(enforcementDecisionV1.events.ISSUE_REVIEW_OPINION.facts).toEqual({ reviewer: { kind: 'actor' } });
  });
});

describe('migration from v1', () => {
  it('maps every state a v1 case can rest in to the same state; v1 drafts are not serious', () => {
    const m = def.migrations![0];
    expect(Object.keys(m.states).sort()).toEqual(restingLeafPaths(enforcementDecisionV1Machine).sort());
    expect(Object.keys(m.states)).toEqual(expect.arrayContaining(['investigation', 'legalityReview.underReview', 'decision']));
    const old = enforcementDecisionV1Machine.getPersistedSnapshot(atDecision(enforcementDecisionV1Machine, COMPLEX) as never);
    const out = migrateCase(enforcementDecisionV1, def, old, { role: 'admin' });
    expect(out).toMatchObject({ ok: true, value: 'decision', payload: { fromVersion: 1, toVersion: 2 } });
    if (!out.ok) return;
    expect(out.context.drafts.map((d: { seriousViolation: boolean }) => d.seriousViolation)).toEqual([false]);
    expect(stepCase(def, out.snapshot, decide(false))).toMatchObject({ ok: false, refusal: { code: 'COLLECTIVE_DISCUSSION_REQUIRED' } });
  });
});

describe('definition', () => {
  describeDefinitionContract(def, {
    engine: { definitionProblems, WorkflowRegistry },
    workflows: allWorkflows,
    registeredAs: ['enforcement-decision', 2],
    eventTypes: ENFORCEMENT_DECISION_EVENT_TYPES,
    precondition: { context: () => atDecision().context, actor: ACTORS.secretary, at: AT, junk: { payload: { decidedOn: '1999-01-01', decisionHash: 'x' }, facts: { a: 1 } } },
    fixtures: { valid, createPayload, samples: () => [['SUBMIT_DRAFT', { ...valid.SUBMIT_DRAFT(), seriousViolation: true }]] },
  });

  it('stays registered beside v1, below the latest version (v3)', () => {
    const registry = new WorkflowRegistry(allWorkflows);
    expect(registry.get('enforcement-decision', 2)).toBe(def);
    expect(registry.latest('enforcement-decision').version).toBe(3);
    expect(registry.get('enforcement-decision', 1)).toBe(enforcementDecisionV1);
  });

  it('starts through the engine and describes the new rule', () => {
    expect(startCase(def, createInput())).toMatchObject({ ok: true, paths: ['investigation'] });
    const rules = describeDefinition(def).events.find((e) => e.type === 'RECORD_DECISION')!.rules;
    expect(rules.map((r) => r.code)).toContain('COLLECTIVE_DISCUSSION_REQUIRED');
  });
});
