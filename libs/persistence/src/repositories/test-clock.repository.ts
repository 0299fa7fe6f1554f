import { DataSource } from 'typeorm';
import { WriteSerializer } from './write-serializer';

/**
 * The shared test clock (DOCKET_TEST_CLOCK=1 only): one row holding how far the clock is moved
 * from the machine's, so that the API and the worker read the same time. Its table is created
 * when a process with the flag first uses it; a database never run with the flag has none.
 */
export class TestClockRepository {
  private readonly serializer: WriteSerializer | null;
  private ready?: Promise<void>;

  constructor(private readonly dataSource: DataSource) {
    this.serializer = dataSource.options.type === 'postgres' ? null : WriteSerializer.for(dataSource);
  }

  private ensureTable(): Promise<void> {
    // looked for first: a process starting while another holds the database's write lock only reads
    this.ready ??= this.dataSource
      .query(`SELECT 1 FROM test_clock WHERE id = 1`)
      .catch(() => this.dataSource.query(`CREATE TABLE IF NOT EXISTS test_clock (id integer PRIMARY KEY, offset_ms bigint NOT NULL, moved_at varchar(40) NOT NULL)`))
      .then(() => undefined)
      .catch((e) => {
        this.ready = undefined;
        throw e;
      });
    return this.ready;
  }

  /** The stored offset (ms, clock minus machine time), or null when the clock was never moved. */
  async offset(): Promise<number | null> {
    await this.ensureTable();
    const [row] = await this.dataSource.query(`SELECT offset_ms FROM test_clock WHERE id = 1`);
    return row ? Number(row.offset_ms) : null;
  }

  async save(offsetMs: number, movedAt: string): Promise<void> {
    await this.ensureTable();
    const pg = this.dataSource.options.type === 'postgres';
    const sql = pg
      ? `INSERT INTO test_clock (id, offset_ms, moved_at) VALUES (1, $1, $2) ON CONFLICT (id) DO UPDATE SET offset_ms = EXCLUDED.offset_ms, moved_at = EXCLUDED.moved_at`
      : `INSERT INTO test_clock (id, offset_ms, moved_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET offset_ms = excluded.offset_ms, moved_at = excluded.moved_at`;
    const run = () => this.dataSource.query(sql, [Math.round(offsetMs), movedAt]);
    await (this.serializer ? this.serializer.run(run) : run());
  }
}
