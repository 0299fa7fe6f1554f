/** Payload of an e-mail job: the outbox row to send. */
export interface EmailDeliveryJob {
  deliveryId: string;
}

/** One job per outbox row: queueing it again (reconciliation, a repeated reminder) is a no-op. */
export const emailJobId = (deliveryId: string) => `email__${deliveryId}`;

export const isEmailDeliveryJob = (x: unknown): x is EmailDeliveryJob => !!x && typeof (x as EmailDeliveryJob).deliveryId === 'string';
