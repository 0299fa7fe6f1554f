import { createHmac } from 'crypto';
import { signWebhookBody, verifyWebhookSignature } from './webhook-signature';

describe('webhook signature', () => {
  const secret = 'sixteen-chars-ok';
  const body = JSON.stringify({ event: 'deadline.reminder', case: { title: '垃圾分类实施方案' } });

  it('is sha256= and the hex HMAC-SHA256 of the UTF-8 body', () => {
    expect(signWebhookBody(secret, body)).toBe(`sha256=${createHmac('sha256', secret).update(Buffer.from(body, 'utf8')).digest('hex')}`);
  });

  it.each([
    { why: 'the right signature', sig: (b: string) => signWebhookBody(secret, b), ok: true },
    { why: 'another secret', sig: (b: string) => signWebhookBody('another-secret-16', b), ok: false },
    { why: 'a changed body', sig: (b: string) => signWebhookBody(secret, `${b} `), ok: false },
    { why: 'no signature', sig: () => undefined, ok: false },
    { why: 'a truncated signature', sig: (b: string) => signWebhookBody(secret, b).slice(0, 20), ok: false },
  ])('verifies $why: $ok', ({ sig, ok }) => {
    expect(verifyWebhookSignature(secret, body, sig(body))).toBe(ok);
  });
});
