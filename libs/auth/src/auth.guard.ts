import { type Role, SYSTEM_ROLE } from '@app/engine';
import { USER_REPOSITORY, UserRepository } from '@app/persistence';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { roleNotAllowed, unauthenticated } from './auth.errors';
import type { AuthenticatedUser } from './authenticated-user';
import { IS_PUBLIC, REQUIRED_ROLES } from './decorators';

/**
 * Global guard: a valid bearer token of an active user, then the route's required roles.
 * The user is reloaded on every request so that a deactivated user loses access at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const header: string | undefined = req.headers?.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw unauthenticated();
    let sub: string;
    try {
      sub = (await this.jwt.verifyAsync<{ sub: string }>(token)).sub;
    } catch {
      throw unauthenticated();
    }
    const row = await this.users.findById(sub);
    if (!row || !row.active) throw unauthenticated();
    const user: AuthenticatedUser = {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      orgUnit: row.orgUnit,
      // the system role is Docket's own (deadline events), never a person's, even if a row names it
      roles: (JSON.parse(row.roles) as Role[]).filter((r) => r !== SYSTEM_ROLE),
    };
    req.user = user;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required?.length && !required.some((r) => user.roles.includes(r))) throw roleNotAllowed(required);
    return true;
  }
}
