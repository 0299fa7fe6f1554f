import { DataSource } from 'typeorm';
import { WebhookDeliveryEntity } from '../entities/webhook-delivery.entity';
import { OutboxRepository } from './outbox.repository';

/** The webhook outbox: one call per reminder, added in the reminder's transaction. */
export class WebhookDeliveryRepository extends OutboxRepository<WebhookDeliveryEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, WebhookDeliveryEntity);
  }
}
