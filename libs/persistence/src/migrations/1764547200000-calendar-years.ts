import { MigrationInterface, QueryRunner } from 'typeorm';

/** Holiday arrangements loaded as data by administrators (years the bundled data lacks, or ad-hoc changes). */
export class CalendarYears1764547200000 implements MigrationInterface {
  name = 'CalendarYears1764547200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE calendar_years (
      year integer PRIMARY KEY,
      holidays text NOT NULL,
      workdays text NOT NULL,
      source varchar(500) NOT NULL,
      loaded_at varchar(32) NOT NULL,
      loaded_by varchar(36) NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_years`);
  }
}
