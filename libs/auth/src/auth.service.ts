import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import { type Role, SYSTEM_ROLE } from '@app/engine';
import { USER_ID_PATTERN, USER_REPOSITORY, UserEntity, UserRepository } from '@app/persistence';
import { CLOCK, Clock } from '@app/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { accountLocked, invalidCredentials, tokenInvalid, tokenRevoked, unauthenticated, userDisabled } from './auth.errors';
import type { AuthenticatedUser } from './authenticated-user';
import { DUMMY_HASH, verifyPassword } from './password-hasher';

/** The claims Docket puts in its tokens. */
export interface DocketTokenClaims {
  sub: string;
  username: string;
  /** the user's token version when it was issued (users.token_version) */
  ver: number;
  iat: number;
  exp: number;
}

/** The bearer token of a request: the Authorization header, else (where a browser cannot set it) a cookie. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() || undefined : undefined;
}

export function toAuthenticatedUser(row: UserEntity): AuthenticatedUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    orgUnit: row.orgUnit,
    // the system role is Docket's own (deadline events), never a person's, even if a row names it
    roles: (JSON.parse(row.roles) as Role[]).filter((r) => r !== SYSTEM_ROLE),
  };
}

@Injectable()
export class AuthService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * A password login. A locked account is refused before its password is tried (423 ACCOUNT_LOCKED,
   * until when); the LOGIN_LOCKOUT_THRESHOLD-th consecutive wrong password locks it for
   * LOGIN_LOCKOUT_MINUTES, counted on the user row whatever the client address; a success clears the count.
   */
  async login(username: string, password: string): Promise<{ accessToken: string; tokenType: 'Bearer' }> {
    const user = await this.users.findByUsername(username);
    const now = this.clock.now();
    if (user?.lockedUntil && Date.parse(user.lockedUntil) > now.getTime()) throw accountLocked(user.lockedUntil);
    // Verify against a dummy hash for unknown users so timing does not reveal which usernames exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (user && !ok) {
      const { threshold, minutes } = this.config.loginLockout;
      const lockedUntil = await this.users.recordFailedLogin(user.id, threshold, new Date(now.getTime() + minutes * 60_000).toISOString());
      if (lockedUntil) throw accountLocked(lockedUntil);
    }
    if (!user || !ok) throw invalidCredentials();
    // told only to whoever knows the password
    if (!user.active) throw userDisabled();
    if (user.failedLoginCount || user.lockedUntil) await this.users.clearFailedLogins(user.id);
    const accessToken = await this.jwt.signAsync({ sub: user.id, username: user.username, ver: user.tokenVersion ?? 0 });
    return { accessToken, tokenType: 'Bearer' };
  }

  /**
   * The one check of a token, for the API's guard and the queue dashboard's: a valid signature and
   * lifetime, claims that name a user id, an expiry and a token version, an active user of that id
   * whose token version is still the token's. Throws 401 UNAUTHENTICATED (missing, forged, expired,
   * no such user), TOKEN_INVALID (signed, but its claims are not ours), TOKEN_REVOKED (logged out
   * since), or 403 USER_DISABLED.
   */
  async authenticate(token: string | undefined): Promise<{ row: UserEntity; user: AuthenticatedUser }> {
    if (!token) throw unauthenticated();
    let claims: unknown;
    try {
      claims = await this.jwt.verifyAsync(token);
    } catch {
      throw unauthenticated();
    }
    const c = this.checkClaims(claims);
    const row = await this.users.findById(c.sub);
    if (!row) throw unauthenticated();
    if (!row.active) throw userDisabled();
    if (c.ver !== (row.tokenVersion ?? 0)) throw tokenRevoked();
    return { row, user: toAuthenticatedUser(row) };
  }

  /** Logout: revokes every token of the user (all their sessions), this one included. */
  async logout(userId: string): Promise<void> {
    await this.users.revokeTokens(userId);
  }

  private checkClaims(claims: unknown): DocketTokenClaims {
    if (!claims || typeof claims !== 'object' || Array.isArray(claims)) throw tokenInvalid('the payload is not an object');
    const c = claims as Record<string, unknown>;
    if (typeof c.sub !== 'string' || !USER_ID_PATTERN.test(c.sub)) throw tokenInvalid('sub is not a user id');
    // jsonwebtoken accepts a token without exp as never expiring: Docket's tokens always expire
    if (typeof c.exp !== 'number' || !Number.isFinite(c.exp)) throw tokenInvalid('exp is missing');
    if (typeof c.ver !== 'number' || !Number.isInteger(c.ver)) throw tokenInvalid('ver is missing');
    return c as unknown as DocketTokenClaims;
  }
}
