import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type EmailDeliveryStatus = 'pending' | 'sent' | 'failed';

/**
 * One reminder e-mail to send (an outbox row, one per reminder per recipient): written in the
 * transaction that writes the reminder's notifications, so that a delivery repeated by the queue
 * adds no second e-mail, and an e-mail lost with Redis is found again here.
 */
@Entity({ name: 'email_deliveries' })
@Index(['status', 'createdAt'])
export class EmailDeliveryEntity {
  /** deterministic: `deadlineId__reminderKey__userId`; also the e-mail's Message-ID (receivers may drop repeats) */
  @PrimaryColumn({ type: 'varchar', length: 160 })
  id: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'to_address', type: 'varchar', length: 254 })
  toAddress: string;

  @Column({ type: 'varchar', length: 500 })
  subject: string;

  /** plain text, zh-CN first, English below */
  @Column({ name: 'body_text', type: 'text' })
  bodyText: string;

  @Column({ type: 'varchar', length: 16 })
  status: EmailDeliveryStatus;

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;

  @Column({ name: 'last_attempt_at', type: 'varchar', length: 32, nullable: true })
  lastAttemptAt: string | null;

  @Column({ name: 'sent_at', type: 'varchar', length: 32, nullable: true })
  sentAt: string | null;
}
