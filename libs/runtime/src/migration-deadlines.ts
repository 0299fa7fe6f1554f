import type { BusinessCalendar } from '@app/calendar';
import type { WorkflowDefinition } from '@app/engine';
import type { DeadlineChanges, DeadlineEntity } from '@app/persistence';
import { planDeadlines } from './deadline-planner';

export interface MigrationDeadlineInput {
  from: WorkflowDefinition;
  to: WorkflowDefinition;
  caseId: string;
  prevPaths: string[];
  nextPaths: string[];
  context: unknown;
  seq: number;
  eventType: string;
  at: string;
  today: string;
  orgUnits: string;
  running: DeadlineEntity[];
  calendar: BusinessCalendar;
  params: Record<string, number>;
}

/**
 * The deadline rows a workflow migration opens and closes. A statutory period does not start
 * again because the software changed: a running row whose key the new version still declares for
 * one of the new active states keeps running (same due date, same reminders). A running row the new
 * version no longer has there is closed as `cancelled`; a declaration of the new version that is
 * active after the migration and has no running row is opened, counted from the migration's day.
 */
export function planMigrationDeadlines(i: MigrationDeadlineInput): DeadlineChanges {
  const activeNow = new Set(
    (i.to.deadlines ?? []).filter((d) => d.states.some((s) => i.nextPaths.includes(s))).map((d) => d.key),
  );
  const changes: DeadlineChanges = { open: [], close: [] };
  for (const row of i.running) {
    if (!activeNow.has(row.key)) changes.close.push({ key: row.key, status: 'cancelled', closedAt: i.at, closedSeq: i.seq });
  }
  const kept = i.running.filter((r) => activeNow.has(r.key));
  // every new-version declaration is "entered" unless a kept row already runs it
  const opened = planDeadlines({ ...i, def: i.to, prevPaths: [], running: [] });
  changes.open = opened.open.filter((row) => !kept.some((k) => k.key === row.key));
  return changes;
}
