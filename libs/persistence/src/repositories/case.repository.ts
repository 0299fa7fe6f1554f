import type { Actor, HistoryRecord } from '@app/engine';
import { DataSource, EntityManager } from 'typeorm';
import { CaseHistoryEntity } from '../entities/case-history.entity';
import { CaseEntity } from '../entities/case.entity';
import { DeadlineEntity, DeadlineStatus } from '../entities/deadline.entity';
import { WriteSerializer } from './write-serializer';

export interface CaseListFilter {
  kind?: string;
  statePath?: string;
  /**
   * Visibility: unset = every case; otherwise cases owned by `orgUnit` OR (when `reviewer`)
   * cases sent to legality review.
   */
  scope?: { orgUnit?: string; reviewer: boolean };
  status?: string;
  limit?: number;
  offset?: number;
}

/** The columns of a case row that change with each accepted event. */
export type CasePatch = Pick<
  CaseEntity,
  'statePath' | 'stateValue' | 'status' | 'snapshot' | 'headHash' | 'visibleToReviewers' | 'orgUnits' | 'updatedAt' | 'workflowVersion'
>;

/** Deadline rows opened and closed by one accepted event, written in its transaction. */
export interface DeadlineChanges {
  open: DeadlineEntity[];
  /** closes the case's open (or calendar-missing) rows with these keys */
  close: Array<{ key: string; status: DeadlineStatus; closedAt: string; closedSeq: number }>;
}

const NO_DEADLINE_CHANGES: DeadlineChanges = { open: [], close: [] };

async function applyDeadlineChanges(m: EntityManager, caseId: string, changes: DeadlineChanges): Promise<void> {
  for (const c of changes.close) {
    await m
      .createQueryBuilder()
      .update(DeadlineEntity)
      .set({ status: c.status, closedAt: c.closedAt, closedSeq: c.closedSeq })
      .where("case_id = :caseId AND key = :key AND status IN ('open', 'calendar-missing')", { caseId, key: c.key })
      .execute();
  }
  if (changes.open.length) await m.insert(DeadlineEntity, changes.open);
}

export class RevisionConflictError extends Error {
  readonly code = 'REVISION_CONFLICT';
  constructor(readonly caseId: string, readonly expected: number) {
    super(`case ${caseId} is no longer at revision ${expected}`);
  }
}

/**
 * Parses a JSON column. Text that is no longer JSON (tampering, corruption) is returned as the
 * raw string, so verification reports a hash mismatch at that record instead of failing.
 */
export function parseStoredJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Maps history rows to engine records and back. JSON columns are text: parsed exactly as written. */
export function toRecord(row: CaseHistoryEntity): HistoryRecord {
  return {
    caseId: row.caseId,
    seq: Number(row.seq),
    type: row.type,
    payload: parseStoredJson(row.payload),
    actor: { userId: row.actorUserId, role: row.actorRole as Actor['role'], orgUnit: row.actorOrgUnit },
    at: row.at,
    facts: parseStoredJson(row.facts) as Record<string, unknown>,
    workflow: { kind: row.workflowKind, version: Number(row.workflowVersion) },
    stateAfter: parseStoredJson(row.stateAfter),
    stateHash: row.stateHash,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

export function toHistoryRow(r: HistoryRecord): CaseHistoryEntity {
  const row = new CaseHistoryEntity();
  row.caseId = r.caseId;
  row.seq = r.seq;
  row.type = r.type;
  row.payload = JSON.stringify(r.payload ?? null);
  row.actorUserId = r.actor.userId;
  row.actorRole = r.actor.role;
  row.actorOrgUnit = r.actor.orgUnit;
  row.at = r.at;
  row.facts = JSON.stringify(r.facts ?? {});
  row.workflowKind = r.workflow.kind;
  row.workflowVersion = r.workflow.version;
  row.stateAfter = JSON.stringify(r.stateAfter);
  row.stateHash = r.stateHash;
  row.prevHash = r.prevHash;
  row.hash = r.hash;
  return row;
}

/**
 * Cases and their history. Every write is one transaction holding the case row change and the
 * history append, so a case never moves without its record, and a refused or conflicting
 * request writes nothing.
 */
export class CaseRepository {
  private readonly serializer: WriteSerializer | null;

  constructor(private readonly dataSource: DataSource) {
    this.serializer = dataSource.options.type === 'postgres' ? null : new WriteSerializer();
  }

  private write<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    const tx = () => this.dataSource.transaction(work);
    return this.serializer ? this.serializer.run(tx) : tx();
  }

  findById(id: string): Promise<CaseEntity | null> {
    return this.dataSource.getRepository(CaseEntity).findOne({ where: { id } });
  }

  async history(caseId: string): Promise<HistoryRecord[]> {
    const rows = await this.dataSource
      .getRepository(CaseHistoryEntity)
      .find({ where: { caseId }, order: { seq: 'ASC' } });
    return rows.map(toRecord);
  }

  async lastRecord(caseId: string): Promise<HistoryRecord | null> {
    const row = await this.dataSource
      .getRepository(CaseHistoryEntity)
      .findOne({ where: { caseId }, order: { seq: 'DESC' } });
    return row ? toRecord(row) : null;
  }

  /** Inserts a new case, its first history record and the deadlines of its first state. */
  async create(row: CaseEntity, record: HistoryRecord, deadlines: DeadlineChanges = NO_DEADLINE_CHANGES): Promise<void> {
    await this.write(async (m) => {
      await m.insert(CaseEntity, row);
      await m.insert(CaseHistoryEntity, toHistoryRow(record));
      await applyDeadlineChanges(m, row.id, deadlines);
    });
  }

  /**
   * Compare-and-swap: moves the case from `expectedRevision` to `expectedRevision + 1` and
   * appends `record`, in one transaction. Throws RevisionConflictError when another event won.
   */
  async advance(
    caseId: string,
    expectedRevision: number,
    patch: CasePatch,
    record: HistoryRecord,
    deadlines: DeadlineChanges = NO_DEADLINE_CHANGES,
  ): Promise<void> {
    await this.write(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(CaseEntity)
        .set({ ...patch, revision: expectedRevision + 1 })
        .where('id = :id AND revision = :rev', { id: caseId, rev: expectedRevision })
        .execute();
      if (res.affected !== 1) throw new RevisionConflictError(caseId, expectedRevision);
      await m.insert(CaseHistoryEntity, toHistoryRow(record));
      await applyDeadlineChanges(m, caseId, deadlines);
    });
  }

  async list(filter: CaseListFilter): Promise<{ items: CaseEntity[]; total: number }> {
    const qb = this.dataSource.getRepository(CaseEntity).createQueryBuilder('c');
    if (filter.kind) qb.andWhere('c.kind = :kind', { kind: filter.kind });
    if (filter.statePath) {
      qb.andWhere('(c.state_path = :sp OR c.state_path LIKE :spPrefix)', {
        sp: filter.statePath,
        spPrefix: `${filter.statePath}.%`,
      });
    }
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.scope) {
      const ors: string[] = [];
      if (filter.scope.orgUnit) ors.push('c.org_units LIKE :ou');
      if (filter.scope.reviewer) ors.push('c.visible_to_reviewers = :v');
      qb.andWhere(ors.length ? `(${ors.join(' OR ')})` : '1 = 0', { ou: `%|${filter.scope.orgUnit}|%`, v: true });
    }
    qb.orderBy('c.updated_at', 'DESC').addOrderBy('c.id', 'ASC');
    qb.take(filter.limit ?? 50).skip(filter.offset ?? 0);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }
}
