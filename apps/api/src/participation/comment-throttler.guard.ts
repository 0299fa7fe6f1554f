import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import { DocketError } from '@app/runtime';
import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerOptions, InjectThrottlerStorage, ThrottlerGuard, ThrottlerModuleOptions, ThrottlerRequest, ThrottlerStorage } from '@nestjs/throttler';
import { ParticipationKeys } from './participation-keys';

/**
 * The portal's per-address limit (COMMENT_RATE_LIMIT per minute), on @nestjs/throttler's guard and
 * storage: the address is tracked by its keyed hash only, and a burst answers 429 请稍后再试.
 */
@Injectable()
export class CommentThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly keys: ParticipationKeys,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
  ) {
    super(options, storage, reflector);
  }

  protected override async getTracker(req: Record<string, any>): Promise<string> {
    return this.keys.addressHash(String(req.ip ?? req.socket?.remoteAddress ?? ''));
  }

  protected override handleRequest(props: ThrottlerRequest): Promise<boolean> {
    return super.handleRequest({
      ...props,
      limit: this.config.comments.rateLimit,
      ttl: 60_000,
      blockDuration: 60_000,
      getTracker: (req) => this.getTracker(req),
      generateKey: (ctx, tracker, name) => this.generateKey(ctx, `comments-${tracker}`, name),
    });
  }

  protected override async throwThrottlingException(): Promise<void> {
    throw new DocketError(429, 'TOO_MANY_REQUESTS', '提交过于频繁，请稍后再试', 'Too many submissions from this address; please try again later');
  }
}
