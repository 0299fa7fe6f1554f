/**
 * Every workflow definition Docket ships, for the engine's registry. Definitions are pure data
 * plus pure machines; old versions stay here so recorded cases can always be replayed.
 */
import type { WorkflowDefinition } from '@app/engine';
import { majorDecisionV1 } from './major-decision/v1';
import { majorDecisionV2 } from './major-decision/v2';
import { majorDecisionV3 } from './major-decision/v3';
import { normativeDocumentV1 } from './normative-document/v1';
import { normativeDocumentV2 } from './normative-document/v2';
import { normativeDocumentV3 } from './normative-document/v3';
import { partyNormativeDocumentV1 } from './party-normative-document/v1';
import { administrativeContractV1 } from './administrative-contract/v1';
import { administrativeContractV2 } from './administrative-contract/v2';
import { enforcementDecisionV1 } from './enforcement-decision/v1';
import { enforcementDecisionV2 } from './enforcement-decision/v2';
import { enforcementDecisionV3 } from './enforcement-decision/v3';
import { decisionCatalogV1 } from './decision-catalog/v1';
import { decisionCatalogV2 } from './decision-catalog/v2';

export * as majorDecision from './major-decision/v1';
export { majorDecisionV1, majorDecisionV1Machine } from './major-decision/v1';
export { majorDecisionV2, majorDecisionV2Machine } from './major-decision/v2';
export { majorDecisionV3, majorDecisionV3Machine } from './major-decision/v3';
export { normativeDocumentV3, normativeDocumentV3Machine } from './normative-document/v3';
export * from './common/comment-docket';
export * as decisionCatalog from './decision-catalog/v1';
export * as normativeDocument from './normative-document/v1';
export { ENDED_STATES, inForceOn, standingOfCase, standingOfRecords, type DocumentStanding } from './common/in-force';

export const allWorkflows: WorkflowDefinition[] = [
  majorDecisionV1,
  majorDecisionV2,
  majorDecisionV3,
  normativeDocumentV1,
  normativeDocumentV2,
  normativeDocumentV3,
  partyNormativeDocumentV1,
  administrativeContractV1,
  administrativeContractV2,
  enforcementDecisionV1,
  enforcementDecisionV2,
  enforcementDecisionV3,
  decisionCatalogV1,
  decisionCatalogV2,
];

// the payload classes' field docs (titles, descriptions, examples, enum labels) for the generated payload schemas
export { DATE_ONLY, INSTANT, SHA256_HEX } from './common/payload-validators';
export { COMMON_FIELD_DOCS, ENUM_LABELS, enumLabelOf, fieldDocIndex, fieldDocOf } from './common/field-docs';
export type { FieldDoc, FieldDocs, FieldDocTable } from './common/field-docs';
import { fieldDocIndex } from './common/field-docs';
import { legalityReviewFieldDocs } from './common/legality-review/legality-review.labels';
import { collectiveDecisionFieldDocs } from './common/collective-decision/collective-decision.labels';
import { publicCommentFieldDocs } from './common/public-comment.labels';
import { majorDecisionFieldDocs } from './major-decision/v1/major-decision.labels';
import { normativeDocumentFieldDocs } from './normative-document/v1/normative-document.labels';
import { majorDecisionV3FieldDocs } from './major-decision/v3/major-decision.v3.labels';
import { normativeDocumentV3FieldDocs } from './normative-document/v3/normative-document.v3.labels';
import { partyNormativeDocumentFieldDocs } from './party-normative-document/v1/party-normative-document.labels';
import { administrativeContractFieldDocs } from './administrative-contract/v1/administrative-contract.labels';
import { enforcementDecisionFieldDocs } from './enforcement-decision/v1/enforcement-decision.labels';
import { enforcementDecisionV3FieldDocs } from './enforcement-decision/v3/enforcement-decision.labels';
import { decisionCatalogFieldDocs } from './decision-catalog/v1/decision-catalog.labels';
/** Every payload class's field docs, for the generated payload schemas (GET /workflows/:kind/:version). */
export const payloadFieldDocs = fieldDocIndex(
  legalityReviewFieldDocs,
  collectiveDecisionFieldDocs,
  publicCommentFieldDocs,
  majorDecisionFieldDocs,
  normativeDocumentFieldDocs,
  majorDecisionV3FieldDocs,
  normativeDocumentV3FieldDocs,
  partyNormativeDocumentFieldDocs,
  administrativeContractFieldDocs,
  enforcementDecisionFieldDocs,
  enforcementDecisionV3FieldDocs,
  decisionCatalogFieldDocs,
);
