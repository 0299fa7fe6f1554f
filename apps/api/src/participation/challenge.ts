import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import { CLOCK, Clock, DocketError } from '@app/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'crypto';
import { ParticipationKeys } from './participation-keys';

/** How long a challenge may be answered. */
export const CHALLENGE_TTL_MS = 10 * 60_000;

/** Leading zero bits of a SHA-256 digest. */
export function leadingZeroBits(digest: Buffer): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** The digest a solution is judged by: SHA-256 over `token:solution`. */
export const powDigest = (token: string, solution: string): Buffer => createHash('sha256').update(`${token}:${solution}`).digest();

/** Finds a solution (the portal does the same in the browser); for tests and the bench. */
export function solveChallenge(token: string, bits: number): string {
  for (let i = 0; ; i++) if (leadingZeroBits(powDigest(token, String(i))) >= bits) return String(i);
}

const invalid = () =>
  new DocketError(422, 'CHALLENGE_INVALID', '验证未通过，请刷新页面后重新提交', 'The challenge answer is not valid; fetch a new challenge and submit again');

/**
 * The portal's proof-of-work challenge, stateless: the token carries a random nonce, the
 * difficulty and the expiry, signed with the server's key, so any API process can check it. A
 * solution makes SHA-256(token:solution) start with `bits` zero bits; the nonce is stored with the
 * comment (unique), so a solved challenge carries one comment only.
 */
@Injectable()
export class ChallengeService {
  constructor(
    private readonly keys: ParticipationKeys,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  issue() {
    const bits = this.config.comments.powBits;
    const expiresAt = new Date(this.clock.now().getTime() + CHALLENGE_TTL_MS).toISOString();
    const body = Buffer.from(JSON.stringify({ n: randomBytes(12).toString('base64url'), b: bits, e: expiresAt })).toString('base64url');
    return { token: `${body}.${this.keys.signChallenge(body)}`, algorithm: 'SHA-256', bits, expiresAt };
  }

  /** Checks a solved challenge; answers its nonce. */
  check(token: string, solution: string): string {
    const [body, sig, extra] = token.split('.');
    if (!body || !sig || extra !== undefined) throw invalid();
    const expected = Buffer.from(this.keys.signChallenge(body));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
    let claims: { n: string; b: number; e: string };
    try {
      claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      throw invalid();
    }
    if (Date.parse(claims.e) < this.clock.now().getTime()) {
      throw new DocketError(422, 'CHALLENGE_EXPIRED', '验证已过期，请重新提交', 'The challenge has expired; fetch a new one and submit again');
    }
    if (leadingZeroBits(powDigest(token, solution)) < claims.b) throw invalid();
    return claims.n;
  }
}
