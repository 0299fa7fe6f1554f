import { DataSource } from 'typeorm';
import { EmailDeliveryEntity } from '../entities/email-delivery.entity';
import { OutboxRepository } from './outbox.repository';

/** The e-mail outbox: one row per reminder and recipient, added in the reminder's transaction. */
export class EmailDeliveryRepository extends OutboxRepository<EmailDeliveryEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, EmailDeliveryEntity);
  }
}
