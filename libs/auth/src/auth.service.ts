import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import { type Role, SYSTEM_ROLE } from '@app/engine';
import { USER_ID_PATTERN, USER_REPOSITORY, UserEntity, UserRepository } from '@app/persistence';
import { CLOCK, Clock, DocketError } from '@app/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { accountLocked, currentPasswordWrong, invalidCredentials, passwordChangeRequired, tokenInvalid, tokenRevoked, unauthenticated, userDisabled } from './auth.errors';
import type { AuthenticatedUser } from './authenticated-user';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password-hasher';
import { assertPasswordPolicy } from './password-policy';

/** The claims Docket puts in its tokens. */
export interface DocketTokenClaims {
  sub: string;
  username: string;
  /** the user's token version when it was issued (users.token_version) */
  ver: number;
  iat: number;
  exp: number;
}

/** What a login (or a password change) answers. */
export interface LoginAnswer {
  accessToken: string;
  tokenType: 'Bearer';
  /** the token opens only POST /auth/password, POST /auth/logout and GET /auth/me until the password is changed */
  mustChangePassword: boolean;
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
  async login(username: string, password: string): Promise<LoginAnswer> {
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
    // outside demo mode the demo password opens nothing but changing it, whoever holds it (users seeded before too)
    if (!user.mustChangePassword && !this.config.demoMode && password === this.config.demoPassword) {
      await this.users.requirePasswordChange(user.id);
      user.mustChangePassword = true;
    }
    return this.issue(user.id, user.username, user.tokenVersion ?? 0, !!user.mustChangePassword);
  }

  private async issue(id: string, username: string, ver: number, mustChangePassword: boolean): Promise<LoginAnswer> {
    const accessToken = await this.jwt.signAsync({ sub: id, username, ver });
    return { accessToken, tokenType: 'Bearer', mustChangePassword };
  }

  /**
   * The user sets a new password, giving the current one (403 CURRENT_PASSWORD_WRONG; a wrong one
   * counts towards the lockout like a wrong login). The new one must satisfy the password policy
   * (422 PASSWORD_TOO_WEAK) and differ from the current (422 PASSWORD_UNCHANGED). Every session of
   * the user ends (the token version is raised); the answer is a fresh token for this one.
   */
  async changePassword(userId: string, currentPassword: string, newPassword: string): Promise<LoginAnswer> {
    const user = await this.users.findById(userId);
    if (!user) throw unauthenticated();
    if (user.lockedUntil && Date.parse(user.lockedUntil) > this.clock.now().getTime()) throw accountLocked(user.lockedUntil);
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      const { threshold, minutes } = this.config.loginLockout;
      const lockedUntil = await this.users.recordFailedLogin(user.id, threshold, new Date(this.clock.now().getTime() + minutes * 60_000).toISOString());
      if (lockedUntil) {
        // a locked account's sessions end: whoever guesses the password in it must log in, and is refused
        await this.users.revokeTokens(user.id);
        throw accountLocked(lockedUntil);
      }
      throw currentPasswordWrong();
    }
    if (currentPassword === newPassword) {
      throw new DocketError(422, 'PASSWORD_UNCHANGED', '新密码不能与当前密码相同', 'The new password must differ from the current one', undefined, { field: 'newPassword' });
    }
    assertPasswordPolicy(newPassword, this.config.passwordPolicy, { username: user.username, demoPassword: this.config.demoPassword, field: 'newPassword' });
    await this.users.setPassword(user.id, await hashPassword(newPassword), false, this.clock.now().toISOString());
    const row = (await this.users.findById(user.id))!;
    return this.issue(row.id, row.username, row.tokenVersion ?? 0, false);
  }

  /**
   * The one check of a token, for the API's guard and the queue dashboard's: a valid signature and
   * lifetime, claims that name a user id, an expiry and a token version, an active user of that id
   * whose token version is still the token's. Throws 401 UNAUTHENTICATED (missing, forged, expired,
   * no such user), TOKEN_INVALID (signed, but its claims are not ours), TOKEN_REVOKED (logged out
   * since), or 403 USER_DISABLED.
   */
  async authenticate(token: string | undefined, opts: { allowPendingPasswordChange?: boolean } = {}): Promise<{ row: UserEntity; user: AuthenticatedUser }> {
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
    if (row.mustChangePassword && !opts.allowPendingPasswordChange) throw passwordChangeRequired();
    return { row, user: toAuthenticatedUser(row) };
  }

  /** Whether the user must change the password before anything else. */
  async mustChangePassword(userId: string): Promise<boolean> {
    return !!(await this.users.findById(userId))?.mustChangePassword;
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
