import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Refused attempts (401 / 403 / 422 / 429). Kept apart from case history, which records accepted events only. */
@Entity({ name: 'security_log' })
export class SecurityLogEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  at: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36, nullable: true })
  userId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  username: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 10 })
  method: string;

  @Column({ type: 'varchar', length: 500 })
  path: string;

  @Column({ type: 'integer' })
  status: number;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ name: 'case_id', type: 'varchar', length: 36, nullable: true })
  caseId: string | null;

  @Column({ type: 'text' })
  detail: string;
}
