import { isWebhookDeliveryJob, WEBHOOK_DELIVERY_JOB, WEBHOOKS_QUEUE, WebhookSenderService } from '@app/deadlines';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';

/**
 * Makes one webhook call from the outbox. A failed call throws, so BullMQ retries it with
 * exponential backoff; after the last attempt the job stays in the failed list and the outbox
 * row is marked failed.
 */
@Processor(WEBHOOKS_QUEUE)
export class WebhookProcessor extends WorkerHost {
  constructor(private readonly sender: WebhookSenderService) {
    super();
  }

  async process(job: Job): Promise<{ outcome: string }> {
    if (job.name !== WEBHOOK_DELIVERY_JOB) throw new UnrecoverableError(`no handler for job "${job.name}" on queue ${WEBHOOKS_QUEUE}`);
    if (!isWebhookDeliveryJob(job.data)) throw new UnrecoverableError(`malformed webhook job ${job.id}`);
    const final = job.attemptsStarted >= (job.opts.attempts ?? 1);
    return { outcome: await this.sender.deliver(job.data.deliveryId, final) };
  }
}
