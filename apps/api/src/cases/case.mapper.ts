import { Actor, allowedEvents, Role, stateMetaOf, statePaths, WorkflowDefinition } from '@app/engine';
import type { CaseEntity } from '@app/persistence';

/** What a client sees of a case: allow-listed fields, labels in zh-CN and English. */
export function toCaseSummary(row: CaseEntity, def: WorkflowDefinition) {
  const value = JSON.parse(row.stateValue);
  const meta = stateMetaOf(def, value);
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: def.label,
    workflowVersion: row.workflowVersion,
    title: row.title,
    orgUnit: row.orgUnit,
    orgUnits: row.orgUnits.split('|').filter(Boolean),
    state: {
      value,
      path: row.statePath,
      paths: statePaths(value),
      label: meta?.label,
      stage: meta?.stage,
      stageLabel: meta ? def.stages[meta.stage] : undefined,
    },
    status: row.status,
    revision: row.revision,
    headHash: row.headHash,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** `probe`: who asks and when, so that blockers that depend on the date or the actor are right. */
export function toCaseDetail(row: CaseEntity, def: WorkflowDefinition, roles: Role[], probe: { actor?: Actor; at?: string } = {}) {
  const snapshot = JSON.parse(row.snapshot) as { context?: unknown };
  return {
    ...toCaseSummary(row, def),
    allowedEvents: roles.length ? allowedEvents(def, snapshot, roles, probe) : [],
    /** the case file: every stage's record as the workflow keeps it */
    records: snapshot.context ?? null,
  };
}
