import { DataSource, EntityManager } from 'typeorm';
import { CalendarYearEntity } from '../entities/calendar-year.entity';
import { WriteSerializer } from './write-serializer';

/** Holiday arrangements loaded by administrators. */
export class CalendarYearRepository {
  private readonly serializer: WriteSerializer | null;

  constructor(private readonly dataSource: DataSource) {
    this.serializer = dataSource.options.type === 'postgres' ? null : WriteSerializer.for(dataSource);
  }

  private write<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    const tx = () => this.dataSource.transaction(work);
    return this.serializer ? this.serializer.run(tx) : tx();
  }

  all(): Promise<CalendarYearEntity[]> {
    return this.dataSource.getRepository(CalendarYearEntity).find({ order: { year: 'ASC' } });
  }

  /** A cheap fingerprint of the table (count and latest load), so that other processes notice a change. */
  async version(): Promise<string> {
    const [row] = await this.dataSource.query(`SELECT count(*) AS n, max(loaded_at) AS latest FROM calendar_years`);
    return `${Number(row.n)}@${row.latest ?? ''}`;
  }

  /** Adds the year, or replaces its arrangement. */
  async save(row: CalendarYearEntity): Promise<void> {
    await this.write(async (m) => {
      await m.delete(CalendarYearEntity, { year: row.year });
      await m.insert(CalendarYearEntity, row);
    });
  }
}
