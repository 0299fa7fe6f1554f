import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import { EmailDeliveryRepository } from '@app/persistence';
import { CLOCK, Clock } from '@app/runtime';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { EMAIL_DELIVERY_REPOSITORY } from './deadlines.di-tokens';
import { EMAIL_TIMEOUT_MS } from './queue.constants';

export type EmailOutcome = 'sent' | 'already-sent' | 'missing' | 'not-configured';

/** The SMTP server did not take the message; the queue retries it with backoff. */
export class EmailSendFailedError extends Error {
  readonly code = 'EMAIL_SEND_FAILED';
}

/**
 * Sends one e-mail outbox row through SMTP_URL (nodemailer), from SMTP_FROM, with the row id as
 * its Message-ID (stable across retries, so that a receiver can drop a repeat). An accepted
 * message marks the row sent and is never sent again; a refused or failed one records the attempt
 * and throws, so that the queue retries it. Only the moment between the server's acceptance and the
 * row's update can repeat a message (a crash there); the Message-ID then names it as the same.
 */
@Injectable()
export class EmailSenderService implements OnApplicationShutdown {
  private readonly logger = new Logger('Email');
  private transport?: Transporter;

  constructor(
    @Inject(EMAIL_DELIVERY_REPOSITORY) private readonly outbox: EmailDeliveryRepository,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationShutdown(): void {
    this.transport?.close();
  }

  private transporter(url: string): Transporter {
    this.transport ??= createTransport({ url, connectionTimeout: EMAIL_TIMEOUT_MS, greetingTimeout: EMAIL_TIMEOUT_MS, socketTimeout: 2 * EMAIL_TIMEOUT_MS } as never);
    return this.transport;
  }

  /** `final`: no retry follows a failure of this attempt (the row is then marked failed). */
  async deliver(deliveryId: string, final = false): Promise<EmailOutcome> {
    const smtp = this.config.smtp;
    if (!smtp) return 'not-configured';
    const row = await this.outbox.findById(deliveryId);
    if (!row) return 'missing';
    if (row.status !== 'pending') return 'already-sent';
    let error: string;
    try {
      await this.transporter(smtp.url).sendMail({
        from: smtp.from,
        to: row.toAddress,
        subject: row.subject,
        text: row.bodyText,
        messageId: `<${row.id}@docket>`,
        date: this.clock.now(),
        textEncoding: 'base64',
        headers: { 'X-Docket-Delivery': row.id },
      });
      await this.outbox.recordAttempt(row.id, this.clock.now().toISOString(), { sent: true });
      this.logger.log(`e-mail ${row.id} sent`);
      return 'sent';
    } catch (e) {
      error = (e as Error).message;
    }
    await this.outbox.recordAttempt(row.id, this.clock.now().toISOString(), { sent: false, error, final });
    this.logger.warn(`e-mail ${row.id} failed (attempt ${row.attempts + 1}${final ? ', the last' : ''}): ${error}`);
    throw new EmailSendFailedError(`e-mail ${row.id}: ${error}`);
  }
}
