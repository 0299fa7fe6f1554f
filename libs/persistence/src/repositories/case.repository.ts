import type { Actor, CaseScope, HistoryRecord } from '@app/engine';
import { DataSource, EntityManager } from 'typeorm';
import { CaseHistoryEntity } from '../entities/case-history.entity';
import { CaseEntity } from '../entities/case.entity';
import { DeadlineEntity, DeadlineStatus } from '../entities/deadline.entity';
import { attachmentRefsOf } from './attachment-refs';
import { whereInCaseScope } from './case-scope';
import { drawSequence, registerSequenceNumbers, SequenceDraw, SequenceNumberRow } from './sequence-counters';
import { WriteSerializer } from './write-serializer';

export interface CaseListFilter {
  kind?: string;
  statePath?: string;
  /** any of these state paths or a state under one of them (a stage's states) */
  statePathsAny?: string[];
  /** cases this org unit owns (one of `org_units`) */
  orgUnit?: string;
  /** created at or after this instant (ISO 8601 UTC) */
  createdFrom?: string;
  /** created before this instant (ISO 8601 UTC) */
  createdBefore?: string;
  /** true: cases with an open statutory time limit past due on `today`; false: cases without one */
  overdue?: { is: boolean; today: string };
  /** Visibility (`caseScopeOf` in the engine): unset = every case. */
  scope?: CaseScope;
  status?: string;
  /** only cases this user created */
  createdBy?: string;
  /** only cases in whose history this user recorded an event */
  actedBy?: string;
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

const CASE_COLUMNS =
  'id, kind, workflow_version, title, org_unit, org_units, state_path, state_value, status, snapshot, revision, head_hash, visible_to_reviewers, created_by, created_at, updated_at';

function caseFromRow(r: Record<string, unknown>): CaseEntity {
  return Object.assign(new CaseEntity(), {
    id: r.id as string,
    kind: r.kind as string,
    workflowVersion: Number(r.workflow_version),
    title: r.title as string,
    orgUnit: r.org_unit as string,
    orgUnits: r.org_units as string,
    statePath: r.state_path as string,
    stateValue: r.state_value as string,
    status: r.status as string,
    snapshot: r.snapshot as string,
    revision: Number(r.revision),
    headHash: r.head_hash as string,
    // SQLite stores booleans as 0 / 1
    visibleToReviewers: r.visible_to_reviewers === true || r.visible_to_reviewers === 1,
    createdBy: r.created_by as string,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
  });
}

/** Columns set by the compare-and-swap, in parameter order (then revision, id, expected revision). */
const CAS_SET_COLUMNS = [
  'state_path',
  'state_value',
  'status',
  'snapshot',
  'head_hash',
  'visible_to_reviewers',
  'org_units',
  'updated_at',
  'workflow_version',
  'revision',
];

const HISTORY_FIELDS = {
  case_id: 'caseId',
  seq: 'seq',
  type: 'type',
  payload: 'payload',
  actor_user_id: 'actorUserId',
  actor_role: 'actorRole',
  actor_org_unit: 'actorOrgUnit',
  at: 'at',
  facts: 'facts',
  workflow_kind: 'workflowKind',
  workflow_version: 'workflowVersion',
  state_after: 'stateAfter',
  state_hash: 'stateHash',
  prev_hash: 'prevHash',
  hash: 'hash',
} as const satisfies Record<string, keyof CaseHistoryEntity>;
const HISTORY_COLUMNS = Object.keys(HISTORY_FIELDS) as Array<keyof typeof HISTORY_FIELDS>;

/**
 * Cases and their history. Every write is one transaction holding the case row change and the
 * history append, so a case never moves without its record, and a refused or conflicting
 * request writes nothing.
 */
export class CaseRepository {
  private readonly serializer: WriteSerializer | null;

  private readonly pg: boolean;

  constructor(private readonly dataSource: DataSource) {
    this.pg = dataSource.options.type === 'postgres';
    this.serializer = this.pg ? null : WriteSerializer.for(dataSource);
  }

  private write<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    const tx = () => this.dataSource.transaction(work);
    return this.serializer ? this.serializer.run(tx) : tx();
  }

  /** `?` on SQLite, `$n` on PostgreSQL */
  private p(n: number): string {
    return this.pg ? `$${n}` : '?';
  }

  // The load and the compare-and-swap are the hot path of every event: plain SQL, prepared and
  // cached by the driver, without the query builder (about 0.3–0.5 ms per event, see BENCHMARKS.md).
  async findById(id: string): Promise<CaseEntity | null> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${CASE_COLUMNS} FROM cases WHERE id = ${this.p(1)}`,
      [id],
    );
    return rows.length ? caseFromRow(rows[0]) : null;
  }

  /** The case holding a unique key (`<kind>:<key>`), if any. */
  async findByUniqueKey(uniqueKey: string): Promise<CaseEntity | null> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${CASE_COLUMNS} FROM cases WHERE unique_key = ${this.p(1)}`,
      [uniqueKey],
    );
    return rows.length ? caseFromRow(rows[0]) : null;
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
      const h = toHistoryRow(record);
      await m.insert(CaseHistoryEntity, h);
      await this.writeAttachmentRefs(m, h);
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
    await this.write((m) => this.advanceIn(m, caseId, expectedRevision, patch, record, deadlines));
  }

  /**
   * An event that uses numbers drawn from central counters (e.g. a unified number): in ONE
   * transaction, checks the revision (locking the case row on PostgreSQL), draws each counter,
   * lets `build` step the case with the values, then does the compare-and-swap, the history
   * append, the deadline changes and writes the numbers to the register. Whatever fails —
   * `build` refusing the event, a lost compare-and-swap — rolls the draws back with the event, so
   * a number is never skipped; the counter row lock (PostgreSQL) or the serialized writer (SQLite)
   * makes concurrent draws queue, so a number is never given twice.
   */
  async advanceDrawing(
    caseId: string,
    expectedRevision: number,
    draws: SequenceDraw[],
    at: string,
    build: (values: number[]) => { patch: CasePatch; record: HistoryRecord; deadlines: DeadlineChanges; numbers: SequenceNumberRow[] },
  ): Promise<void> {
    await this.write(async (m) => {
      const runner = m.queryRunner!;
      // fail fast (and on PostgreSQL take the case row first, then counters: one lock order)
      const rows: Array<{ revision: number | string }> = await runner.query(
        `SELECT revision FROM cases WHERE id = ${this.p(1)}${this.pg ? ' FOR UPDATE' : ''}`,
        [caseId],
      );
      if (rows.length !== 1 || Number(rows[0].revision) !== expectedRevision) throw new RevisionConflictError(caseId, expectedRevision);
      const values: number[] = [];
      for (const d of draws) values.push(await drawSequence(runner, this.pg, d, at));
      const built = build(values);
      await this.advanceIn(m, caseId, expectedRevision, built.patch, built.record, built.deadlines);
      await registerSequenceNumbers(runner, this.pg, built.numbers, caseId, built.record.seq, at);
    });
  }

  /** The compare-and-swap, history append and deadline changes, on the caller's transaction. */
  private async advanceIn(
    m: EntityManager,
    caseId: string,
    expectedRevision: number,
    patch: CasePatch,
    record: HistoryRecord,
    deadlines: DeadlineChanges,
  ): Promise<void> {
    const h = toHistoryRow(record);
    const caseParams = [
      patch.statePath,
      patch.stateValue,
      patch.status,
      patch.snapshot,
      patch.headHash,
      this.pg ? patch.visibleToReviewers : patch.visibleToReviewers ? 1 : 0,
      patch.orgUnits,
      patch.updatedAt,
      patch.workflowVersion,
      expectedRevision + 1,
      caseId,
      expectedRevision,
    ];
    const historyParams = HISTORY_COLUMNS.map((c) => h[HISTORY_FIELDS[c]]);
    const set = CAS_SET_COLUMNS.map((c, i) => `${c} = ${this.p(i + 1)}`).join(', ');
    const where = `id = ${this.p(11)} AND revision = ${this.p(12)}`;
    const runner = m.queryRunner!;
    if (this.pg) {
      // one round trip: the history row is inserted only if the compare-and-swap matched
      const values = HISTORY_COLUMNS.map((_, i) => `$${i + 13}`).join(', ');
      const res = await runner.query(
        `WITH cas AS (UPDATE cases SET ${set} WHERE ${where} RETURNING id)
         INSERT INTO case_history (${HISTORY_COLUMNS.join(', ')}) SELECT ${values} FROM cas`,
        [...caseParams, ...historyParams],
        true,
      );
      if (res.affected !== 1) throw new RevisionConflictError(caseId, expectedRevision);
    } else {
      const res = await runner.query(`UPDATE cases SET ${set} WHERE ${where}`, caseParams, true);
      if (res.affected !== 1) throw new RevisionConflictError(caseId, expectedRevision);
      await runner.query(
        `INSERT INTO case_history (${HISTORY_COLUMNS.join(', ')}) VALUES (${HISTORY_COLUMNS.map(() => '?').join(', ')})`,
        historyParams,
      );
    }
    await this.writeAttachmentRefs(m, h);
    await applyDeadlineChanges(m, caseId, deadlines);
  }

  /** The attachments the record's payload names, so that their download finds the case by key. */
  private async writeAttachmentRefs(m: EntityManager, h: CaseHistoryEntity): Promise<void> {
    const refs = attachmentRefsOf(h.payload);
    if (!refs.length) return;
    const values = refs.map((_, i) => `(${this.p(3 * i + 1)}, ${this.p(3 * i + 2)}, ${this.p(3 * i + 3)})`).join(', ');
    await m.queryRunner!.query(
      `INSERT INTO case_attachment_refs (sha256, case_id, seq) VALUES ${values} ON CONFLICT DO NOTHING`,
      refs.flatMap((sha256) => [sha256, h.caseId, h.seq]),
    );
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
    if (filter.statePathsAny) {
      if (!filter.statePathsAny.length) qb.andWhere('1 = 0');
      else {
        const ors = filter.statePathsAny.map((_, i) => `c.state_path = :sa${i} OR c.state_path LIKE :sap${i}`).join(' OR ');
        const params = Object.fromEntries(filter.statePathsAny.flatMap((p, i) => [[`sa${i}`, p], [`sap${i}`, `${p}.%`]]));
        qb.andWhere(`(${ors})`, params);
      }
    }
    if (filter.orgUnit) qb.andWhere('c.org_units LIKE :orgUnitLike', { orgUnitLike: `%|${filter.orgUnit}|%` });
    if (filter.createdFrom) qb.andWhere('c.created_at >= :createdFrom', { createdFrom: filter.createdFrom });
    if (filter.createdBefore) qb.andWhere('c.created_at < :createdBefore', { createdBefore: filter.createdBefore });
    if (filter.overdue) {
      const late =
        "SELECT 1 FROM deadlines d WHERE d.case_id = c.id AND d.status = 'open' AND d.type = 'due' AND d.due_date IS NOT NULL AND d.due_date < :overdueToday";
      qb.andWhere(`${filter.overdue.is ? '' : 'NOT '}EXISTS (${late})`, { overdueToday: filter.overdue.today });
    }
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.createdBy) qb.andWhere('c.created_by = :createdBy', { createdBy: filter.createdBy });
    if (filter.actedBy) {
      qb.andWhere('EXISTS (SELECT 1 FROM case_history h WHERE h.case_id = c.id AND h.actor_user_id = :actedBy)', { actedBy: filter.actedBy });
    }
    whereInCaseScope(qb, filter.scope, 'c');
    qb.orderBy('c.updated_at', 'DESC').addOrderBy('c.id', 'ASC');
    qb.take(filter.limit ?? 50).skip(filter.offset ?? 0);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }
}
