import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An in-app message to one user. `dedupeKey` is unique (deadline × reminder × recipient), so a job
 * delivered twice writes one notification.
 */
@Entity({ name: 'notifications' })
@Index(['userId', 'readAt'])
export class NotificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 300, unique: true })
  dedupeKey: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'case_id', type: 'varchar', length: 36, nullable: true })
  caseId: string | null;

  @Column({ name: 'deadline_id', type: 'varchar', length: 36, nullable: true })
  deadlineId: string | null;

  /** reminder | due | overdue | period-ended | escalation | calendar-missing | … */
  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ name: 'title_zh', type: 'varchar', length: 300 })
  titleZh: string;

  @Column({ name: 'title_en', type: 'varchar', length: 300 })
  titleEn: string;

  @Column({ name: 'body_zh', type: 'text' })
  bodyZh: string;

  @Column({ name: 'body_en', type: 'text' })
  bodyEn: string;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;

  @Column({ name: 'read_at', type: 'varchar', length: 32, nullable: true })
  readAt: string | null;
}
