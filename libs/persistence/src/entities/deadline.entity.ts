import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type DeadlineStatus = 'open' | 'met' | 'missed' | 'calendar-missing' | 'cancelled' | 'restarted';

/**
 * One statutory deadline of one case: the database holds the truth, queues only deliver it.
 * Written in the same transaction as the state change that opens or closes it.
 */
@Entity({ name: 'deadlines' })
@Index(['status', 'dueDate'])
export class DeadlineEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index()
  @Column({ name: 'case_id', type: 'varchar', length: 36 })
  caseId: string;

  /** the declaration's key in the workflow, e.g. legalityReviewOpinion */
  @Column({ type: 'varchar', length: 64 })
  key: string;

  @Column({ name: 'workflow_kind', type: 'varchar', length: 64 })
  workflowKind: string;

  @Column({ name: 'workflow_version', type: 'integer' })
  workflowVersion: number;

  @Column({ name: 'label_zh', type: 'varchar', length: 200 })
  labelZh: string;

  @Column({ name: 'label_en', type: 'varchar', length: 200 })
  labelEn: string;

  @Column({ type: 'varchar', length: 100 })
  article: string;

  /** due | minimum */
  @Column({ type: 'varchar', length: 16 })
  type: string;

  /** calendarDays | workdays */
  @Column({ type: 'varchar', length: 16 })
  unit: string;

  @Column({ type: 'integer' })
  length: number;

  /** the day the period starts from (the day the state was entered, Asia/Shanghai) */
  @Column({ name: 'starts_on', type: 'varchar', length: 10 })
  startsOn: string;

  /** YYYY-MM-DD, the last day (runs to 24:00 Asia/Shanghai); null while the calendar year is missing */
  @Column({ name: 'due_date', type: 'varchar', length: 10, nullable: true })
  dueDate: string | null;

  @Column({ type: 'varchar', length: 20 })
  status: DeadlineStatus;

  /** JSON arrays of roles */
  @Column({ type: 'varchar', length: 300 })
  responsible: string;

  @Column({ type: 'varchar', length: 300 })
  supervisor: string;

  /** JSON array of working days before the due date */
  @Column({ type: 'varchar', length: 100 })
  reminders: string;

  @Column({ type: 'boolean' })
  escalate: boolean;

  /** owners of the case, as in cases.org_units */
  @Column({ name: 'org_units', type: 'varchar', length: 1000 })
  orgUnits: string;

  @Column({ name: 'opened_at', type: 'varchar', length: 32 })
  openedAt: string;

  @Column({ name: 'opened_seq', type: 'integer' })
  openedSeq: number;

  @Column({ name: 'closed_at', type: 'varchar', length: 32, nullable: true })
  closedAt: string | null;

  @Column({ name: 'closed_seq', type: 'integer', nullable: true })
  closedSeq: number | null;
}
