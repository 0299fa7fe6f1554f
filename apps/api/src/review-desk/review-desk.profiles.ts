import type { ConfigParam, Label, WorkflowDefinition } from '@app/engine';

/**
 * What the legality-review desk (issue 5 §5) needs to know per matter type besides the workflow
 * itself. The desk sends the workflows' own review events — every review workflow uses the same
 * names and the same `legalityReview.*` states — so this is only the minimum review period a
 * work liaison form may request (SPEC §3.4: `minReviewDays` per matter type, configurable).
 */
export const REVIEW_EVENTS = {
  submit: 'SUBMIT_FOR_LEGALITY_REVIEW',
  accept: 'ACCEPT_FOR_REVIEW',
  return: 'RETURN_INCOMPLETE',
  opinion: 'ISSUE_REVIEW_OPINION',
} as const;

export const REVIEW_EVENT_TYPES: string[] = Object.values(REVIEW_EVENTS);

/** The review states shared by the five workflows. */
export const REVIEW_STATES = {
  awaitingSubmission: 'legalityReview.awaitingSubmission',
  submitted: 'legalityReview.submitted',
  underReview: 'legalityReview.underReview',
} as const;

/**
 * The minimum review period per matter type, for the types whose workflow does not compute one
 * itself. Where the workflow declares the `minCompletionDate` fact on its submission (major
 * decisions: R713 Art. 26, 7 working days; normative documents: 国办发〔2018〕115号, 5 working
 * days) the desk uses that very declaration, so the desk and the workflow can never disagree.
 * The figures below are not statutory (SPEC §3.4: township minima UNCONFIRMED) and are engine
 * policy, changed with DOCKET_RULES.
 */
export const DESK_MIN_REVIEW: Record<string, ConfigParam & { article: string }> = {
  'party-normative-document': { key: 'party.preReview.minWorkdays', default: 5, article: 'SPEC §3.4' },
  'administrative-contract': { key: 'contract.legalityReview.minWorkdays', default: 3, article: 'SPEC §3.4' },
  'enforcement-decision': { key: 'enforcement.legalReview.minWorkdays', default: 5, article: 'SPEC §3.4' },
};

/** True when the workflow has a legality-review stage the desk can drive. */
export function isReviewMatter(def: WorkflowDefinition): boolean {
  return Object.values(REVIEW_EVENTS).every((t) => t in def.events) && REVIEW_STATES.submitted in def.states;
}

/** The minimum review period of the matter type: the workflow's own fact declaration, else the desk's. */
export function minReviewPeriod(def: WorkflowDefinition): (ConfigParam & { article: string }) | undefined {
  const fact = def.events[REVIEW_EVENTS.submit]?.facts?.minCompletionDate;
  if (fact && fact.kind === 'workdaysAfter') {
    return { ...fact.days, article: fact.days.article ?? DESK_MIN_REVIEW[def.kind]?.article ?? 'SPEC §3.4' };
  }
  return DESK_MIN_REVIEW[def.kind];
}

/** The deadline declarations of the review (open while the submission waits for its opinion). */
export function reviewDeadlineKeys(def: WorkflowDefinition): string[] {
  return (def.deadlines ?? []).filter((d) => d.states.includes(REVIEW_STATES.submitted)).map((d) => d.key);
}

export const DESK_STATUSES = ['PENDING', 'UNDER_REVIEW', 'RETURNED', 'OPINION_ISSUED', 'ENDED'] as const;
export type DeskStatus = (typeof DESK_STATUSES)[number];

export const DESK_STATUS_LABELS: Record<DeskStatus, Label> = {
  PENDING: { zh: '待受理', en: 'Awaiting acceptance' },
  UNDER_REVIEW: { zh: '审查中', en: 'Under review' },
  RETURNED: { zh: '退回补充', en: 'Returned for supplement' },
  OPINION_ISSUED: { zh: '已出具意见', en: 'Opinion issued' },
  ENDED: { zh: '已终止（未出具意见）', en: 'Ended without an opinion' },
};

export const OUTCOME_LABELS: Record<string, Label> = {
  LEGAL: { zh: '合法', en: 'Lawful' },
  LEGAL_WITH_REVISIONS: { zh: '修改后合法', en: 'Lawful after revisions' },
  ILLEGAL: { zh: '不合法', en: 'Unlawful' },
  EXPLORATORY_RISK_DISCLOSED: { zh: '明示法律风险（探索性改革）', en: 'Legal risk disclosed (exploratory reform)' },
};

/**
 * Where a submission's work liaison form number is: the fact the runtime draws into the
 * SUBMIT_FOR_LEGALITY_REVIEW record (workflows/common/legality-review, `LIAISON_FORM_NUMBER`),
 * e.g. 联系单〔2026〕第12号.
 */
export const LIAISON_FORM_NUMBER_FACT = 'liaisonFormNumber';
