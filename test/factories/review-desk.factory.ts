/**
 * Cases of the five matter types driven to the point where they are sent to legality review,
 * from each workflow's own factory steps, for the review-desk tests.
 */
import type { ApiClient } from '../setup/api-client';
import * as contract from './administrative-contract.factory';
import * as enforcement from './enforcement-decision.factory';
import * as decision from './major-decision.factory';
import * as normdoc from './normative-document.factory';
import * as party from './party-normative-document.factory';

interface AnyStep {
  name: string;
  user: string;
  type: string;
  payload: Record<string, unknown>;
  clock?: string;
}

export interface ReviewMatter {
  kind: string;
  id: string;
  /** the workflow's own submission step (clock, materials, requested completion date) */
  submit: AnyStep;
  /** the workflow's own opinion step */
  opinion: AnyStep;
}

const MATTERS: Array<{ kind: string; create: (api: ApiClient) => Promise<string>; steps: () => AnyStep[] }> = [
  { kind: 'major-decision', create: (api) => decision.createMajorDecision(api), steps: () => decision.majorDecisionSteps() },
  { kind: 'normative-document', create: (api) => normdoc.createNormativeDocument(api), steps: () => normdoc.normativeDocumentSteps() },
  { kind: 'party-normative-document', create: (api) => party.createPartyDocument(api), steps: () => party.partyDocumentSteps() },
  { kind: 'administrative-contract', create: (api) => contract.createContract(api), steps: () => contract.contractSteps() },
  { kind: 'enforcement-decision', create: (api) => enforcement.createEnforcementCase(api), steps: () => enforcement.enforcementSteps() },
];

export const REVIEW_MATTER_KINDS = MATTERS.map((m) => m.kind);

/** Creates a case of `kind` and runs its steps up to (not including) its first submission to review. */
export async function reviewMatterAwaitingSubmission(api: ApiClient, kind: string): Promise<ReviewMatter> {
  const m = MATTERS.find((x) => x.kind === kind);
  if (!m) throw new Error(`no review matter factory for ${kind}`);
  const steps = m.steps();
  const id = await m.create(api);
  for (const s of steps) {
    if (s.name === 'submitReview') break;
    if (s.clock) await api.setClock(s.clock);
    await api.ok(s.user, id, s.type, s.payload);
  }
  const submit = steps.find((s) => s.name === 'submitReview');
  const opinion = steps.find((s) => s.name === 'opinion');
  if (!submit || !opinion) throw new Error(`${kind}: the factory has no submitReview / opinion step`);
  return { kind, id, submit, opinion };
}

export const CONTACT = { name: '经济发展办 王某', phone: '0574-63001234' };

/** The liaison form body for the workflow's own submission step. */
export function liaisonForm(m: ReviewMatter, overrides: Record<string, unknown> = {}) {
  return {
    caseId: m.id,
    contact: CONTACT,
    materials: m.submit.payload.materials,
    requestedCompletionDate: m.submit.payload.requestedCompletionDate,
    ...overrides,
  };
}

const COMMON_OPINION_FIELDS = ['outcome', 'reasons', 'legalBasis', 'suggestions', 'documentHash'];

/** The desk's opinion body for the workflow's own opinion step: common fields, advisers, the type's own fields in `details`. */
export function deskOpinion(m: ReviewMatter) {
  const p = m.opinion.payload;
  const body: Record<string, unknown> = {};
  const details: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) {
    if (COMMON_OPINION_FIELDS.includes(k)) body[k] = v;
    else if (k === 'legalAdvisers') body.advisersConsulted = v;
    else details[k] = v;
  }
  return Object.keys(details).length ? { ...body, details } : body;
}
