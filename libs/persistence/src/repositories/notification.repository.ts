import { DataSource, EntityManager, In } from 'typeorm';
import { NotificationEntity } from '../entities/notification.entity';
import { WriteSerializer } from './write-serializer';

export interface InboxFilter {
  unreadOnly?: boolean;
  limit?: number;
  offset?: number;
}

/** One delivery's notifications (those not known to exist) and what its transaction also writes. */
interface InsertRequest {
  candidates: NotificationEntity[];
  also?: (m: EntityManager) => Promise<void>;
}

/** At most this many deliveries share one transaction. */
const MAX_GROUP = 100;

/** In-app notifications. Writes are insert-or-ignore on the unique dedupe key. */
export class NotificationRepository {
  private readonly serializer: WriteSerializer | null;
  /** deliveries waiting for the next group commit (see `grouped`) */
  private readonly waiting: Array<{ request: InsertRequest; resolve: (keys: string[]) => void; reject: (e: unknown) => void }> = [];
  private committing = false;

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
    return this.grouped({ candidates: rows.filter((r) => !existing.has(r.dedupeKey)), also });
  }

  /**
   * Group commit: the deliveries that arrive while a transaction of notifications is committing
   * are written together in the next one — on PostgreSQL one INSERT … ON CONFLICT DO NOTHING
   * RETURNING for all their rows, then each delivery's outbox rows — so that a burst of reminders
   * due at the same instant costs one commit per group instead of one per reminder. A lone
   * delivery is written at once. Should a group fail, each of its deliveries is tried again in a
   * transaction of its own, so that one bad delivery fails alone.
   */
  private grouped(request: InsertRequest): Promise<string[]> {
    return new Promise<string[]>((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      if (!this.committing) void this.commitGroups();
    });
  }

  private async commitGroups(): Promise<void> {
    this.committing = true;
    try {
      while (this.waiting.length) {
        const group = this.waiting.splice(0, MAX_GROUP);
        try {
          const results = await this.write((m) => this.insertGroup(m, group.map((g) => g.request)));
          group.forEach((g, i) => g.resolve(results[i]));
        } catch (e) {
          if (group.length === 1) {
            group[0].reject(e);
            continue;
          }
          for (const g of group) {
            try {
              g.resolve((await this.write((m) => this.insertGroup(m, [g.request])))[0]);
            } catch (err) {
              g.reject(err);
            }
          }
        }
      }
    } finally {
      this.committing = false;
    }
  }

  /** Writes a group's rows in the caller's transaction; returns, per request, the dedupe keys it wrote. */
  private async insertGroup(m: EntityManager, requests: InsertRequest[]): Promise<string[][]> {
    const insert = (values: NotificationEntity | NotificationEntity[]) => m.createQueryBuilder().insert().into(NotificationEntity).values(values).orIgnore();
    const fresh: string[][] = requests.map(() => []);
    if (this.serializer) {
      // SQLite: one row at a time, so that the changes count says which ones this call wrote
      for (const [i, r] of requests.entries()) {
        for (const row of r.candidates) {
          const [sql, params] = insert(row).getQueryAndParameters();
          if ((await m.queryRunner!.query(sql, params, true)).affected === 1) fresh[i].push(row.dedupeKey);
        }
      }
    } else {
      // PostgreSQL: a concurrent delivery may have inserted some since; RETURNING names the rows this group wrote
      // the keys are read before the insert: TypeORM would copy the RETURNING rows back onto the
      // entities by position, and with conflicts skipped the positions no longer match
      const keys = requests.map((r) => r.candidates.map((c) => c.dedupeKey));
      const all = requests.flatMap((r) => r.candidates);
      if (all.length) {
        const res = await insert(all).updateEntity(false).returning(['dedupeKey']).execute();
        const written = new Set((res.raw as Array<{ dedupe_key?: string; dedupeKey?: string }>).map((r) => (r.dedupe_key ?? r.dedupeKey)!));
        // a key two requests of the group share was written once: it is the first one's
        for (const [i, ks] of keys.entries()) for (const k of ks) if (written.delete(k)) fresh[i].push(k);
      }
    }
    for (const r of requests) if (r.also) await r.also(m);
    return fresh;
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
