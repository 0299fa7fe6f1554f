import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { WriteSerializer } from './write-serializer';

/** The columns every outbox row has (webhook calls, e-mails). */
export interface OutboxRow extends ObjectLiteral {
  id: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  sentAt: string | null;
}

/**
 * An outbox: rows are added in the transaction that decides to send them (`addIn`), then sent by
 * a retried job that records each attempt. A row's id is its idempotency key: adding it again does
 * nothing, and only a pending row changes.
 */
export class OutboxRepository<E extends OutboxRow> {
  private readonly serializer: WriteSerializer | null;

  constructor(
    protected readonly dataSource: DataSource,
    private readonly entity: EntityTarget<E>,
  ) {
    this.serializer = dataSource.options.type === 'postgres' ? null : WriteSerializer.for(dataSource);
  }

  private write<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    const tx = () => this.dataSource.transaction(work);
    return this.serializer ? this.serializer.run(tx) : tx();
  }

  /** Adds the rows inside a transaction the caller holds; rows whose id exists are left as they are. */
  async addIn(m: EntityManager, rows: E | E[]): Promise<void> {
    const list = Array.isArray(rows) ? rows : [rows];
    if (list.length) await m.createQueryBuilder().insert().into(this.entity).values(list).orIgnore().execute();
  }

  findById(id: string): Promise<E | null> {
    return this.dataSource.getRepository(this.entity).findOne({ where: { id } as never });
  }

  /** Records one attempt: sent, or the error (and `failed` once no attempt is left). Only a pending row changes. */
  async recordAttempt(id: string, at: string, outcome: { sent: true } | { sent: false; error: string; final: boolean }): Promise<void> {
    await this.write(async (m) => {
      const qb = m.createQueryBuilder().update(this.entity).where("id = :id AND status = 'pending'", { id });
      const set = outcome.sent
        ? { status: 'sent' as const, sentAt: at, lastAttemptAt: at, lastError: null }
        : { status: outcome.final ? ('failed' as const) : ('pending' as const), lastAttemptAt: at, lastError: outcome.error.slice(0, 2000) };
      await qb.set({ ...set, attempts: () => 'attempts + 1' } as never).execute();
    });
  }

  /** Ids of the rows not sent yet, oldest first (reconciliation queues them again). */
  async pendingIds(limit = 10_000): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(this.entity)
      .find({ select: { id: true } as never, where: { status: 'pending' } as never, order: { createdAt: 'ASC' } as never, take: limit });
    return rows.map((r) => r.id);
  }
}
