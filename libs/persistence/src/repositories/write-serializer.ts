/**
 * Runs write transactions one at a time. Needed on SQLite: TypeORM's better-sqlite3 driver
 * shares one connection (one query runner) across the process, so two overlapping
 * `transaction()` calls would interleave on it. SQLite has a single writer anyway, so
 * serialising costs nothing. PostgreSQL does not use it (its pool gives each transaction its
 * own connection, and the compare-and-swap decides between concurrent writers).
 */
export class WriteSerializer {
  private static readonly byDataSource = new WeakMap<object, WriteSerializer>();

  /**
   * The one serializer of a data source: every repository writing through the same SQLite
   * connection must queue on the same chain (a write issued while another transaction is open
   * on that connection would silently join it, and be rolled back with it).
   */
  static for(dataSource: object): WriteSerializer {
    let s = WriteSerializer.byDataSource.get(dataSource);
    if (!s) WriteSerializer.byDataSource.set(dataSource, (s = new WriteSerializer()));
    return s;
  }

  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    // keep the chain alive whatever the outcome of this unit of work
    this.tail = next.catch(() => undefined);
    return next;
  }
}
