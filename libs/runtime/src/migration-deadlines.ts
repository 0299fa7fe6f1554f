import type { WorkflowDefinition } from '@app/engine';
import type { DeadlineChanges } from '@app/persistence';
import { DeadlinePlanInput, planDeadlines } from './deadline-planner';

/** As for an event, with the version the case moves to (`def` is that version). */
export type MigrationDeadlineInput = Omit<DeadlinePlanInput, 'def'> & { to: WorkflowDefinition };

/**
 * The deadline rows a workflow migration opens and closes. A statutory period does not start
 * again because the software changed: a running row whose key the new version still declares for
 * one of the new active states keeps running (same due date, same reminders). A running row the new
 * version no longer has there is closed as `cancelled`; a declaration of the new version that is
 * active after the migration and has no running row is opened, counted from the migration's day.
 */
export function planMigrationDeadlines(i: MigrationDeadlineInput): DeadlineChanges {
  const activeNow = new Set((i.to.deadlines ?? []).filter((d) => d.states.some((s) => i.nextPaths.includes(s))).map((d) => d.key));
  const changes: DeadlineChanges = { open: [], close: [] };
  for (const row of i.running) {
    if (!activeNow.has(row.key)) changes.close.push({ key: row.key, status: 'cancelled', closedAt: i.at, closedSeq: i.seq });
  }
  const kept = new Set(i.running.filter((r) => activeNow.has(r.key)).map((r) => r.key));
  // every new-version declaration is "entered" unless a kept row already runs it
  changes.open = planDeadlines({ ...i, def: i.to, prevPaths: [], running: [] }).open.filter((row) => !kept.has(row.key));
  return changes;
}
