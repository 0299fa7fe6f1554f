import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One year's holiday arrangement loaded by an administrator (the State Council General Office's
 * notice), added to the bundled holiday data at boot. Dates are JSON arrays of `YYYY-MM-DD`.
 */
@Entity({ name: 'calendar_years' })
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ type: 'text' })
  holidays: string;

  @Column({ type: 'text' })
  workdays: string;

  /** the notice's URL (provenance) */
  @Column({ type: 'varchar', length: 500 })
  source: string;

  @Column({ name: 'loaded_at', type: 'varchar', length: 32 })
  loadedAt: string;

  @Column({ name: 'loaded_by', type: 'varchar', length: 36 })
  loadedBy: string;
}
