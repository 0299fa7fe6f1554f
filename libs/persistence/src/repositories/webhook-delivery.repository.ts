import { DataSource, EntityManager } from 'typeorm';
import { WebhookDeliveryEntity } from '../entities/webhook-delivery.entity';
import { WriteSerializer } from './write-serializer';

/** The webhook outbox. Rows are added in the reminder's transaction (`addIn`) and updated per attempt. */
export class WebhookDeliveryRepository {
  private readonly serializer: WriteSerializer | null;

  constructor(private readonly dataSource: DataSource) {
    this.serializer = dataSource.options.type === 'postgres' ? null : WriteSerializer.for(dataSource);
  }

  private write<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    const tx = () => this.dataSource.transaction(work);
    return this.serializer ? this.serializer.run(tx) : tx();
  }

  /** Adds the row inside a transaction the caller holds, unless a row with its id exists. */
  async addIn(m: EntityManager, row: WebhookDeliveryEntity): Promise<void> {
    await m.createQueryBuilder().insert().into(WebhookDeliveryEntity).values(row).orIgnore().execute();
  }

  findById(id: string): Promise<WebhookDeliveryEntity | null> {
    return this.dataSource.getRepository(WebhookDeliveryEntity).findOne({ where: { id } });
  }

  /** Records one attempt: sent, or the error (and `failed` once no attempt is left). */
  async recordAttempt(id: string, at: string, outcome: { sent: true } | { sent: false; error: string; final: boolean }): Promise<void> {
    await this.write(async (m) => {
      const qb = m.createQueryBuilder().update(WebhookDeliveryEntity).where("id = :id AND status = 'pending'", { id });
      const set = outcome.sent
        ? { status: 'sent' as const, sentAt: at, lastAttemptAt: at, lastError: null }
        : { status: outcome.final ? ('failed' as const) : ('pending' as const), lastAttemptAt: at, lastError: outcome.error.slice(0, 2000) };
      await qb.set({ ...set, attempts: () => 'attempts + 1' }).execute();
    });
  }

  /** Ids of the calls not made yet, oldest first (reconciliation queues them again). */
  async pendingIds(limit = 10_000): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(WebhookDeliveryEntity)
      .find({ select: { id: true }, where: { status: 'pending' }, order: { createdAt: 'ASC' }, take: limit });
    return rows.map((r) => r.id);
  }
}
