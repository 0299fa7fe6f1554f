import { EMAIL_DELIVERY_JOB, EMAILS_QUEUE, EmailSenderService, isEmailDeliveryJob } from '@app/deadlines';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';

/**
 * Sends one reminder e-mail from the outbox through SMTP. A failed send throws, so BullMQ retries
 * it with exponential backoff; after the last attempt the job stays in the failed list and the
 * outbox row is marked failed. A row already sent is not sent again.
 */
@Processor(EMAILS_QUEUE)
export class EmailProcessor extends WorkerHost {
  constructor(private readonly sender: EmailSenderService) {
    super();
  }

  async process(job: Job): Promise<{ outcome: string }> {
    if (job.name !== EMAIL_DELIVERY_JOB) throw new UnrecoverableError(`no handler for job "${job.name}" on queue ${EMAILS_QUEUE}`);
    if (!isEmailDeliveryJob(job.data)) throw new UnrecoverableError(`malformed e-mail job ${job.id}`);
    const final = job.attemptsStarted >= (job.opts.attempts ?? 1);
    return { outcome: await this.sender.deliver(job.data.deliveryId, final) };
  }
}
