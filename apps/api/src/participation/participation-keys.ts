import { resolveJwtSecret } from '@app/auth';
import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import { Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'crypto';

/**
 * The portal's keys, derived from the server secret (the JWT secret, DATA_DIR/jwt-secret on the
 * embedded database): one signs the stateless challenges, one hashes client addresses so that no
 * address is ever kept, in memory or in the database. Every API process derives the same keys.
 */
@Injectable()
export class ParticipationKeys {
  private readonly challengeKey: Buffer;

  private readonly addressKey: Buffer;

  constructor(@Inject(DOCKET_CONFIG) config: DocketConfig) {
    const secret = resolveJwtSecret(config);
    this.challengeKey = createHmac('sha256', secret).update('docket/participation/challenge').digest();
    this.addressKey = createHmac('sha256', secret).update('docket/participation/address').digest();
  }

  /** The keyed hash of a client address (HMAC-SHA256, hex). */
  addressHash(address: string): string {
    return createHmac('sha256', this.addressKey).update(address).digest('hex');
  }

  signChallenge(body: string): string {
    return createHmac('sha256', this.challengeKey).update(body).digest('base64url');
  }
}
