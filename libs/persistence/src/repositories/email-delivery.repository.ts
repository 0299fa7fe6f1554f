import { DataSource, EntityManager } from 'typeorm';
import { EmailDeliveryEntity } from '../entities/email-delivery.entity';
import { WriteSerializer } from './write-serializer';

/** The e-mail outbox. Rows are added in the reminder's transaction (`addIn`) and updated per attempt. */
export class EmailDeliveryRepository {
  private readonly serializer: WriteSerializer | null;

  constructor(private readonly dataSource: DataSource) {
    this.serializer = dataSource.options.type === 'postgres' ? null : WriteSerializer.for(dataSource);
  }

  private write<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    const tx = () => this.dataSource.transaction(work);
    return this.serializer ? this.serializer.run(tx) : tx();
  }

  /** Adds the rows inside a transaction the caller holds; rows whose id exists are left as they are. */
  async addIn(m: EntityManager, rows: EmailDeliveryEntity[]): Promise<void> {
    if (rows.length) await m.createQueryBuilder().insert().into(EmailDeliveryEntity).values(rows).orIgnore().execute();
  }

  findById(id: string): Promise<EmailDeliveryEntity | null> {
    return this.dataSource.getRepository(EmailDeliveryEntity).findOne({ where: { id } });
  }

  /** Records one attempt: sent, or the error (and `failed` once no attempt is left). Only a pending row changes. */
  async recordAttempt(id: string, at: string, outcome: { sent: true } | { sent: false; error: string; final: boolean }): Promise<void> {
    await this.write(async (m) => {
      const qb = m.createQueryBuilder().update(EmailDeliveryEntity).where("id = :id AND status = 'pending'", { id });
      const set = outcome.sent
        ? { status: 'sent' as const, sentAt: at, lastAttemptAt: at, lastError: null }
        : { status: outcome.final ? ('failed' as const) : ('pending' as const), lastAttemptAt: at, lastError: outcome.error.slice(0, 2000) };
      await qb.set({ ...set, attempts: () => 'attempts + 1' }).execute();
    });
  }

  /** Ids of the e-mails not sent yet, oldest first (reconciliation queues them again). */
  async pendingIds(limit = 10_000): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(EmailDeliveryEntity)
      .find({ select: { id: true }, where: { status: 'pending' }, order: { createdAt: 'ASC' }, take: limit });
    return rows.map((r) => r.id);
  }
}
