import { stateHash } from './hash-chain';
import { resolvePersisted, toPlainJson } from './resolve-snapshot';
import { leafPaths, statePaths } from './state-paths';
import type { Actor, MigrationPayload, PersistedSnapshot, Refusal, StepOutcome, WorkflowDefinition, WorkflowMigration } from './types';

const refuse = (refusal: Refusal): StepOutcome => ({ ok: false, refusal });

/** The migration `to` declares from `from`'s version, if any. Pure. */
export function migrationBetween(from: WorkflowDefinition, to: WorkflowDefinition): WorkflowMigration | undefined {
  if (from.kind !== to.kind || to.version === from.version) return undefined;
  return to.migrations?.find((m) => m.from === from.version);
}

/**
 * Moves a case from `from` to `to` (issue 4 §5): the active leaf state is mapped with the
 * migration's `states` table, the context carried over by its `context` function, and the new
 * snapshot resolved in `to`'s machine. Refuses (409) when `to` declares no migration from `from`,
 * when the case has finished, when its state is not in the table (or is parallel), and (422) when
 * the mapped snapshot does not fit the new machine. Only administrators migrate.
 *
 * Returns the step like `stepCase` (no effects), and the payload the MIGRATE_WORKFLOW record
 * carries. This is a pure function; the arguments are not modified.
 */
export function migrateCase(
  from: WorkflowDefinition,
  to: WorkflowDefinition,
  persisted: unknown,
  actor: Pick<Actor, 'role'>,
): StepOutcome & { payload?: MigrationPayload } {
  const base = { details: { kind: to.kind, fromVersion: from.version, toVersion: to.version } };
  if (actor?.role !== 'admin') {
    return refuse({ code: 'ROLE_NOT_ALLOWED', status: 403, zh: '只有系统管理员可以迁移流程版本', en: 'Only an administrator may migrate a case to another workflow version', ...base });
  }
  const migration = migrationBetween(from, to);
  if (!migration) {
    return refuse({
      code: 'MIGRATION_NOT_DEFINED',
      status: 409,
      zh: `流程“${to.label.zh}”未定义从第 ${from.version} 版到第 ${to.version} 版的迁移`,
      en: `${to.kind} v${to.version} defines no migration from v${from.version}`,
      ...base,
    });
  }
  const old = resolvePersisted(from.machine, persisted);
  const leaves = leafPaths(old.value);
  if (old.status !== 'active') {
    return refuse({ code: 'CASE_FINISHED', status: 409, zh: '已办结的案件不能迁移流程版本', en: 'A finished case cannot be migrated', ...base });
  }
  const target = leaves.length === 1 ? migration.states[leaves[0]] : undefined;
  if (target === undefined) {
    return refuse({
      code: 'MIGRATION_STATE_UNMAPPED',
      status: 409,
      zh: `当前环节（${leaves.join('、')}）不在迁移对照表中，不能迁移`,
      en: `The current state (${leaves.join(', ')}) has no place in v${to.version}: the migration does not map it`,
      details: { ...base.details, state: leaves },
    });
  }
  let snapshot: PersistedSnapshot;
  try {
    const context = migration.context ? migration.context(toPlainJson(old.context)) : toPlainJson(old.context);
    const next = to.machine.resolveState({ value: toPlainJson(target), context } as never);
    snapshot = toPlainJson(to.machine.getPersistedSnapshot(next) as unknown as PersistedSnapshot);
  } catch (e) {
    return refuse({ code: 'MIGRATION_FAILED', status: 422, zh: '迁移后的状态不符合新版本流程', en: `The migrated state does not fit v${to.version}: ${(e as Error).message}`, ...base });
  }
  if (snapshot.status !== 'active') {
    return refuse({ code: 'MIGRATION_FAILED', status: 422, zh: '迁移后的状态不符合新版本流程', en: `The migrated snapshot is ${snapshot.status}`, ...base });
  }
  return {
    ok: true,
    snapshot,
    value: snapshot.value,
    paths: statePaths(snapshot.value),
    status: 'active',
    context: snapshot.context,
    effects: [],
    stateHash: stateHash(snapshot),
    payload: { fromVersion: from.version, toVersion: to.version, fromState: leaves[0], toState: toPlainJson(target) },
  };
}
