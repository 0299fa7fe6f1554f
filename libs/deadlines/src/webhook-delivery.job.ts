/** Payload of a webhook job: the outbox row to send. */
export interface WebhookDeliveryJob {
  deliveryId: string;
}

/** One job per outbox row: queueing it again (reconciliation, a repeated reminder) is a no-op. */
export const webhookJobId = (deliveryId: string) => `webhook__${deliveryId}`;

export const isWebhookDeliveryJob = (x: unknown): x is WebhookDeliveryJob => !!x && typeof (x as WebhookDeliveryJob).deliveryId === 'string';
