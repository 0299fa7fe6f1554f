import type { DeadlineChanges, DeadlineEntity, DeadlineRepository } from '@app/persistence';

/**
 * The rows an event closed, found again by key and closing time: the changes name the keys only,
 * and the schedulers drop the closed rows' pending deliveries.
 */
export async function closedRows(deadlines: DeadlineRepository, caseId: string, changes: DeadlineChanges): Promise<DeadlineEntity[]> {
  if (!changes.close.length) return [];
  const rows = await deadlines.forCase(caseId);
  return rows.filter((r) => changes.close.some((c) => c.key === r.key && c.closedAt === r.closedAt && c.status === r.status));
}
