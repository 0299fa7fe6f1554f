import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type WebhookDeliveryStatus = 'pending' | 'sent' | 'failed';

/**
 * One webhook call to make (an outbox row): written in the transaction that writes the
 * reminder's notifications, so that a delivery repeated by the queue adds no second call, and a
 * call lost with Redis is found again here. `body` is the exact JSON that is signed and sent.
 */
@Entity({ name: 'webhook_deliveries' })
@Index(['status', 'createdAt'])
export class WebhookDeliveryEntity {
  /** deterministic: `deadlineId__reminderKey` */
  @PrimaryColumn({ type: 'varchar', length: 160 })
  id: string;

  /** deadline.reminder | deadline.due | deadline.overdue | deadline.period-ended | deadline.escalation */
  @Column({ type: 'varchar', length: 64 })
  event: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 16 })
  status: WebhookDeliveryStatus;

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
