/**
 * Docket's workflow engine. Pure: it imports only `xstate`, `canonicalize` and node's `crypto`
 * (hashing), reads no clock, performs no I/O and returns effects instead of performing them.
 */
export * from './types';
export * from './engine.errors';
export { WorkflowRegistry, definitionProblems } from './workflow-registry';
export { statePaths, leafPaths, stateMetaOf, shanghaiDate } from './state-paths';
export { startCase, stepCase, allowedEvents } from './step';
export { effectsOf } from './effects';
export type { ExecutableActionLike } from './effects';
export { guardsFrom } from './guards-from';
export type { RuleGuard } from './guards-from';
export { failingRules, rulePasses } from './rule-evaluation';
export { FactUnavailableError, guardUnavailableFacts, unavailableFactRefusal } from './unavailable-facts';
export {
  unknownEventRefusal,
  roleNotAllowedRefusal,
  eventNotAllowedInStateRefusal,
  transitionFailedRefusal,
} from './refusals';
export { resolvePersisted, toPlainJson } from './resolve-snapshot';
export { acceptsEvent } from './machine-nodes';
export { GENESIS_HASH, canonicalJson, sha256Hex, stateHash, hashRecord, buildRecord, verifyChain } from './hash-chain';
export { replay, replaySteps } from './replay';
export { migrateCase, migrationBetween } from './migrate';
export type { ReplayedStep } from './replay';
export { toMermaid, toGraph, describeDefinition } from './mermaid';
export { SEE_ALL_CASES_ROLES, caseOwnedBy, roleSeesCase, caseScopeOf, inCaseScope, canViewCase, CASE_VIEWING_ROLES, seesNoCases } from './case-visibility';
export type { CaseVisibilityFacts, CaseViewer, CaseScope } from './case-visibility';
export { articleZh, articleZhOrUndefined, citesArticle, shortArticleRefsIn, chineseNumeral } from './articles';
