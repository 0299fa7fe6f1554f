/**
 * Every workflow definition Docket ships, for the engine's registry. Definitions are pure data
 * plus pure machines; old versions stay here so recorded cases can always be replayed.
 */
import type { WorkflowDefinition } from '@app/engine';
import { majorDecisionV1 } from './major-decision/v1';

export * as majorDecision from './major-decision/v1';
export { majorDecisionV1, majorDecisionV1Machine } from './major-decision/v1';

export const allWorkflows: WorkflowDefinition[] = [majorDecisionV1];
