import { DataSource, EntityManager, In } from 'typeorm';
import { NotificationEntity } from '../entities/notification.entity';
import { WriteSerializer } from './write-serializer';

export interface InboxFilter {
  unreadOnly?: boolean;
  limit?: number;
  offset?: number;
}

/** In-app notifications. Writes are insert-or-ignore on the unique dedupe key. */
export class NotificationRepository {
  private readonly serializer: WriteSerializer | null;

  constructor(private readonly dataSource: DataSource) {
    this.serializer = dataSource.options.type === 'postgres' ? null : WriteSerializer.for(dataSource);
  }

  private write<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    const tx = () => this.dataSource.transaction(work);
    return this.serializer ? this.serializer.run(tx) : tx();
  }

  /**
   * Inserts the notifications whose dedupe key is not stored yet, and runs `also` in the same
   * transaction (e.g. the webhook outbox row). A delivery repeated by the queue, or racing another
   * worker, inserts nothing twice: the unique key decides (ON CONFLICT DO NOTHING on both drivers).
   * Returns the dedupe keys this call found new.
   */
  async insertNew(rows: NotificationEntity[], also?: (m: EntityManager) => Promise<void>): Promise<string[]> {
    if (!rows.length && !also) return [];
    const keys = rows.map((r) => r.dedupeKey);
    // SQLite: skip the rows already there, reading before the transaction (a transaction that
    // reads first and writes later is refused at once, SQLITE_BUSY without a busy wait, while
    // another process writes). PostgreSQL needs no look: RETURNING names the rows written.
    const existing = keys.length && this.serializer
      ? new Set(
          (await this.dataSource.getRepository(NotificationEntity).find({ select: { dedupeKey: true }, where: { dedupeKey: In(keys) } })).map(
            (r) => r.dedupeKey,
          ),
        )
      : new Set<string>();
    const work = async (m: EntityManager) => {
      const candidates = rows.filter((r) => !existing.has(r.dedupeKey));
      let fresh: string[] = [];
      if (candidates.length) {
        const insert = (values: NotificationEntity | NotificationEntity[]) => m.createQueryBuilder().insert().into(NotificationEntity).values(values).orIgnore();
        if (this.serializer) {
          // SQLite: one row at a time, so that the changes count says which ones this call wrote
          for (const row of candidates) {
            const [sql, params] = insert(row).getQueryAndParameters();
            if ((await m.queryRunner!.query(sql, params, true)).affected === 1) fresh.push(row.dedupeKey);
          }
        } else {
          // PostgreSQL: a concurrent delivery may have inserted some since; RETURNING names the rows this one wrote
          const res = await insert(candidates).returning(['dedupeKey']).execute();
          fresh = (res.raw as Array<{ dedupe_key?: string; dedupeKey?: string }>).map((r) => (r.dedupe_key ?? r.dedupeKey)!);
        }
      }
      if (also) await also(m);
      return fresh;
    };
    return this.write(work);
  }

  /** A user's notifications, unread first, newest first within each group. */
  async inbox(userId: string, filter: InboxFilter = {}): Promise<{ items: NotificationEntity[]; total: number; unread: number }> {
    const repo = this.dataSource.getRepository(NotificationEntity);
    const qb = repo.createQueryBuilder('n').where('n.user_id = :userId', { userId });
    if (filter.unreadOnly) qb.andWhere('n.read_at IS NULL');
    qb.orderBy('CASE WHEN n.read_at IS NULL THEN 0 ELSE 1 END', 'ASC')
      .addOrderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'ASC')
      .take(filter.limit ?? 50)
      .skip(filter.offset ?? 0);
    const [items, total] = await qb.getManyAndCount();
    const unread = await repo.createQueryBuilder('n').where('n.user_id = :userId AND n.read_at IS NULL', { userId }).getCount();
    return { items, total, unread };
  }

  /** Marks one of the user's notifications read (the first reading time is kept). Null when it is not theirs. */
  async markRead(id: string, userId: string, at: string): Promise<NotificationEntity | null> {
    await this.write((m) =>
      m.createQueryBuilder().update(NotificationEntity).set({ readAt: at }).where('id = :id AND user_id = :userId AND read_at IS NULL', { id, userId }).execute(),
    );
    return this.dataSource.getRepository(NotificationEntity).findOne({ where: { id, userId } });
  }
}
