import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import { WebhookDeliveryRepository } from '@app/persistence';
import { CLOCK, Clock } from '@app/runtime';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { WEBHOOK_DELIVERY_REPOSITORY } from './deadlines.di-tokens';
import { WEBHOOK_TIMEOUT_MS } from './queue.constants';
import { signWebhookBody, WEBHOOK_SIGNATURE_HEADER } from './webhook-signature';

export type WebhookOutcome = 'sent' | 'already-sent' | 'missing' | 'not-configured';

/** The receiver did not take the call; the queue retries it with backoff. */
export class WebhookCallFailedError extends Error {
  readonly code = 'WEBHOOK_CALL_FAILED';
}

/**
 * POSTs one outbox row to WEBHOOK_URL: the stored JSON body as is, signed with HMAC-SHA256
 * (`X-Docket-Signature: sha256=…`), with `X-Docket-Delivery` (stable across retries, for the
 * receiver to drop repeats) and `X-Docket-Event`. A 2xx answer marks the row sent; anything else
 * records the attempt and throws, so that the queue retries.
 */
@Injectable()
export class WebhookSenderService {
  private readonly logger = new Logger('Webhooks');

  constructor(
    @Inject(WEBHOOK_DELIVERY_REPOSITORY) private readonly outbox: WebhookDeliveryRepository,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `final`: no retry follows a failure of this attempt (the row is then marked failed). */
  async deliver(deliveryId: string, final = false): Promise<WebhookOutcome> {
    const webhook = this.config.webhook;
    if (!webhook) return 'not-configured';
    const row = await this.outbox.findById(deliveryId);
    if (!row) return 'missing';
    if (row.status !== 'pending') return 'already-sent';
    let error: string;
    try {
      const res = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          [WEBHOOK_SIGNATURE_HEADER]: signWebhookBody(webhook.secret, row.body),
          'X-Docket-Delivery': row.id,
          'X-Docket-Event': row.event,
          'User-Agent': 'Docket-Webhook/1',
        },
        body: row.body,
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) {
        await this.outbox.recordAttempt(row.id, this.clock.now().toISOString(), { sent: true });
        this.logger.log(`webhook ${row.id} (${row.event}) sent: ${res.status}`);
        return 'sent';
      }
      error = `HTTP ${res.status}`;
    } catch (e) {
      error = (e as Error).message;
    }
    await this.outbox.recordAttempt(row.id, this.clock.now().toISOString(), { sent: false, error, final });
    this.logger.warn(`webhook ${row.id} (${row.event}) failed (attempt ${row.attempts + 1}${final ? ', the last' : ''}): ${error}`);
    throw new WebhookCallFailedError(`webhook ${row.id}: ${error}`);
  }
}
