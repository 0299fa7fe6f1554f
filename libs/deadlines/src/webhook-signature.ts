import { createHmac, timingSafeEqual } from 'crypto';

/** The header that carries the signature: `sha256=<hex HMAC-SHA256 of the raw body with WEBHOOK_SECRET>`. */
export const WEBHOOK_SIGNATURE_HEADER = 'X-Docket-Signature';

/** The signature header value of a body. Pure. */
export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Checks a received signature in constant time (for receivers, and the tests). Pure. */
export function verifyWebhookSignature(secret: string, body: string, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(signWebhookBody(secret, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
