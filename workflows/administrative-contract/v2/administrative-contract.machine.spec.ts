/**
 * Pure specs of administrative-contract v2 (issue 9 §12): an opinion may not contradict its own
 * checklist (OPINION_CONTRADICTS_CHECKLIST), an unqualified counterparty is never found legal
 * (SUBJECT_NOT_QUALIFIED), refused by the engine's rules and by the machine alike; v1 keeps
 * accepting what it accepted, and a running v1 case migrates to the same state.
 */
import 'reflect-metadata';
import type { SnapshotFrom } from 'xstate';
import type { WorkflowEvent } from '@app/engine';
import { definitionProblems, describeDefinition, leafPaths, migrateCase, startCase, stepCase, WorkflowRegistry } from '@app/engine';
import { allWorkflows } from '../../index';
import { machineDriver } from '../../common/testing/machine-driver';
import { describeDefinitionContract } from '../../common/testing/definition-contract';
import { restingLeafPaths } from '../../common/same-states-migration';
import { administrativeContractV1, administrativeContractV1Machine, ADMINISTRATIVE_CONTRACT_EVENT_TYPES, currentDraft } from '../v1';
import { ACTORS, AT, CHECKLIST, createInput, createPayload, ev, HASH, valid } from '../v1/testing/administrative-contract.fixtures';
import { administrativeContractV2 as def } from './administrative-contract.definition';
import { administrativeContractV2Machine as machine, checklistDefects } from './administrative-contract.machine';

type Snap = SnapshotFrom<typeof machine>;
const leaf = (s: { value: unknown }): string => leafPaths(s.value as never).join(' + ');
const v2 = machineDriver(machine, createInput);
const v1 = machineDriver(administrativeContractV1Machine, createInput);

/** due diligence → draft → submitted → accepted: under review, in the given version's machine */
function underReview(d: typeof v2 | typeof v1 = v2): Snap {
  const s = d.run(d.begin(), ev('RECORD_DUE_DILIGENCE'), ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT(false)));
  return d.run(s, ev('SUBMIT_FOR_LEGALITY_REVIEW', valid.SUBMIT_FOR_LEGALITY_REVIEW(currentDraft(s.context)!.documentHash)), ev('ACCEPT_FOR_REVIEW')) as Snap;
}

const opinion = (outcome: string, checklist: Partial<ReturnType<typeof CHECKLIST>>): WorkflowEvent =>
  ev('ISSUE_REVIEW_OPINION', { ...valid.ISSUE_REVIEW_OPINION(outcome), checklist: { ...CHECKLIST(), ...checklist } });

/** the issue's opinion: LEGAL, while the checklist says not qualified, unlawful terms and a guarantee */
const SELF_CONTRADICTING = { subjectQualified: false, termsLawfulAndReasonable: false, organGuarantee: true };
/** the same without the guarantee, which v1 already refused (GUARANTEE_CLAUSE_FORBIDDEN, INV-C3) */
const V1_ACCEPTED = { subjectQualified: false, termsLawfulAndReasonable: false };

const refusalOf = (e: WorkflowEvent, version = def) => {
  const s = underReview(version === def ? v2 : v1);
  const out = stepCase(version, (version === def ? machine : administrativeContractV1Machine).getPersistedSnapshot(s as never), e);
  return out.ok ? { ok: true, state: leaf(out) } : { ok: false, code: out.refusal.code, status: out.refusal.status ?? 422, article: out.refusal.article };
};

describe('an opinion that contradicts its checklist (policy C9)', () => {
  it('refuses the issue’s LEGAL opinion with OPINION_CONTRADICTS_CHECKLIST (422), citing 浙政办发〔2013〕37号; v1 accepted it but for the guarantee', () => {
    expect(refusalOf(opinion('LEGAL', SELF_CONTRADICTING))).toEqual({ ok: false, code: 'OPINION_CONTRADICTS_CHECKLIST', status: 422, article: '浙政办发〔2013〕37号' });
    expect(refusalOf(opinion('LEGAL', V1_ACCEPTED))).toMatchObject({ ok: false, code: 'OPINION_CONTRADICTS_CHECKLIST' });
    expect(refusalOf(opinion('LEGAL', V1_ACCEPTED), administrativeContractV1)).toEqual({ ok: true, state: 'signing' });
    expect(refusalOf(opinion('LEGAL', SELF_CONTRADICTING), administrativeContractV1)).toMatchObject({ ok: false, code: 'GUARANTEE_CLAUSE_FORBIDDEN' });
    const r = def.rules.opinionConsistentWithChecklist.refusal;
    expect(r.zh).toContain('《浙江省人民政府办公厅关于加强行政机关合同管理工作的通知》（浙政办发〔2013〕37号）');
    expect(r.zh).toMatch(/主体不适格.*条款不合法.*担保/);
  });

  it.each([
    ['the counterparty not qualified', { subjectQualified: false }],
    ['unlawful terms', { termsLawfulAndReasonable: false }],
    ['a promise beyond authority', { exceedsAuthority: true }],
    ['a guarantee and a promise beyond authority', { organGuarantee: true, exceedsAuthority: true }],
  ])('refuses LEGAL with %s', (_, checklist) => {
    expect(refusalOf(opinion('LEGAL', checklist))).toMatchObject({ ok: false, code: 'OPINION_CONTRADICTS_CHECKLIST' });
  });

  it('a guarantee alone keeps INV-C3’s own refusal, as in v1', () => {
    expect(refusalOf(opinion('LEGAL', { organGuarantee: true }))).toMatchObject({ ok: false, code: 'GUARANTEE_CLAUSE_FORBIDDEN' });
    expect(refusalOf(opinion('LEGAL', { organGuarantee: true }), administrativeContractV1)).toMatchObject({ ok: false, code: 'GUARANTEE_CLAUSE_FORBIDDEN' });
  });

  it('the machine alone refuses it too (its guards are the rules)', () => {
    const s = underReview();
    expect(s.can(opinion('LEGAL', SELF_CONTRADICTING) as never)).toBe(false);
    expect(s.can(opinion('LEGAL', {}) as never)).toBe(true);
    expect(underReview(v1).can(opinion('LEGAL', V1_ACCEPTED) as never)).toBe(true);
  });

  it('accepts LEGAL with a clean checklist, and with only quality findings (text standard, dispute clause: policy C11)', () => {
    expect(refusalOf(opinion('LEGAL', {}))).toEqual({ ok: true, state: 'signing' });
    expect(refusalOf(opinion('LEGAL', { textStandard: false, disputeClauseSound: false }))).toEqual({ ok: true, state: 'signing' });
  });

  it('lists the defects a checklist answers', () => {
    expect(checklistDefects(CHECKLIST())).toEqual([]);
    expect(checklistDefects({ ...CHECKLIST(true), ...SELF_CONTRADICTING, exceedsAuthority: true })).toEqual(['subjectQualified', 'termsLawfulAndReasonable', 'organGuarantee', 'exceedsAuthority']);
    expect(checklistDefects(undefined)).toEqual([]);
  });
});

describe('an unqualified counterparty (policy C10)', () => {
  it('is refused SUBJECT_NOT_QUALIFIED where the opinion claims legality after revisions', () => {
    expect(refusalOf(opinion('LEGAL_WITH_REVISIONS', { subjectQualified: false }))).toEqual({ ok: false, code: 'SUBJECT_NOT_QUALIFIED', status: 422, article: '浙政办发〔2013〕37号' });
    expect(refusalOf(opinion('LEGAL_WITH_REVISIONS', { subjectQualified: false }), administrativeContractV1)).toEqual({ ok: true, state: 'legalityReview.revisionsRequired' });
  });

  it('an ILLEGAL opinion may say anything of the checklist: back to drafting', () => {
    expect(refusalOf(opinion('ILLEGAL', { ...SELF_CONTRADICTING, exceedsAuthority: true }))).toEqual({ ok: true, state: 'drafting' });
  });

  it('unlawful terms, a guarantee or a promise beyond authority may be revised away (LEGAL_WITH_REVISIONS)', () => {
    expect(refusalOf(opinion('LEGAL_WITH_REVISIONS', { termsLawfulAndReasonable: false, organGuarantee: true, exceedsAuthority: true }))).toEqual({
      ok: true,
      state: 'legalityReview.revisionsRequired',
    });
  });
});

describe('migration from v1', () => {
  it('maps every state a v1 case can rest in to the same state of v2', () => {
    const m = def.migrations![0];
    expect(m.from).toBe(1);
    expect(Object.keys(m.states).sort()).toEqual(restingLeafPaths(administrativeContractV1Machine).sort());
    expect(Object.keys(m.states)).toEqual(expect.arrayContaining(['dueDiligence', 'legalityReview.underReview', 'collectiveDecision.scheduled', 'performance']));
    expect(Object.keys(m.states)).not.toContain('closed');
    expect(m.states['legalityReview.underReview']).toEqual({ legalityReview: 'underReview' });
    expect(m.reason.zh).toContain('审查要点');
  });

  it('moves a v1 case under review to v2, where the contradicting opinion is then refused', () => {
    const old = administrativeContractV1Machine.getPersistedSnapshot(underReview(v1) as never);
    const out = migrateCase(administrativeContractV1, def, old, { role: 'admin' });
    expect(out).toMatchObject({ ok: true, value: { legalityReview: 'underReview' }, payload: { fromVersion: 1, toVersion: 2 } });
    if (!out.ok) return;
    expect(out.context).toEqual(JSON.parse(JSON.stringify((old as unknown as { context: unknown }).context)));
    expect(stepCase(def, out.snapshot, opinion('LEGAL', SELF_CONTRADICTING))).toMatchObject({ ok: false, refusal: { code: 'OPINION_CONTRADICTS_CHECKLIST' } });
    expect(stepCase(def, out.snapshot, opinion('LEGAL', {}))).toMatchObject({ ok: true, value: 'signing' });
  });
});

describe('definition', () => {
  describeDefinitionContract(def, {
    engine: { definitionProblems, WorkflowRegistry },
    workflows: allWorkflows,
    registeredAs: ['administrative-contract', 2],
    eventTypes: ADMINISTRATIVE_CONTRACT_EVENT_TYPES,
    precondition: { context: () => underReview().context, actor: ACTORS.secretary, at: AT, junk: { payload: { signedOn: '1999-01-01', signedDocumentHash: 'x' }, facts: { a: 1 } } },
    fixtures: { valid, createPayload },
  });

  it('is the latest version; v1 stays registered', () => {
    const registry = new WorkflowRegistry(allWorkflows);
    expect(registry.latest('administrative-contract')).toBe(def);
    expect(registry.get('administrative-contract', 1)).toBe(administrativeContractV1);
  });

  it('keeps v1’s states, events, deadlines and payloads; only the opinion’s rules change', () => {
    expect(def.states).toBe(administrativeContractV1.states);
    expect(def.deadlines).toBe(administrativeContractV1.deadlines);
    for (const [type, meta] of Object.entries(def.events)) {
      expect({ type, payload: meta.payload, roles: meta.roles }).toEqual({ type, payload: administrativeContractV1.events[type].payload, roles: administrativeContractV1.events[type].roles });
      if (type !== 'ISSUE_REVIEW_OPINION') expect({ type, rules: meta.rules }).toEqual({ type, rules: administrativeContractV1.events[type].rules });
    }
    expect(def.events.ISSUE_REVIEW_OPINION.rules).toEqual(['separationOfDuties', 'opinionConsistentWithChecklist', 'subjectQualifiedForLegality', 'guaranteeNotApproved']);
  });

  it('starts through the engine and describes itself with the new rules', () => {
    expect(startCase(def, createInput())).toMatchObject({ ok: true, paths: ['dueDiligence'] });
    const codes = describeDefinition(def).events.find((e) => e.type === 'ISSUE_REVIEW_OPINION')!.rules.map((r) => r.code);
    expect(codes).toEqual(['SEPARATION_OF_DUTIES', 'OPINION_CONTRADICTS_CHECKLIST', 'SUBJECT_NOT_QUALIFIED', 'GUARANTEE_CLAUSE_FORBIDDEN']);
  });
});

// the drafts used above are the fixtures' (a change of hash would make the submission refuse)
it('uses the v1 fixtures’ draft hash', () => expect(valid.SUBMIT_DRAFT(false).documentHash).toBe(HASH.draft1));
