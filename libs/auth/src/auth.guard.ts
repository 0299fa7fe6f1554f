import type { Role } from '@app/engine';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { roleNotAllowed } from './auth.errors';
import { AuthService, bearerToken } from './auth.service';
import { ALLOWED_BEFORE_PASSWORD_CHANGE, IS_PUBLIC, REQUIRED_ROLES } from './decorators';

/**
 * Global guard: a valid bearer token of an active user, then the route's required roles.
 * The user is reloaded on every request (AuthService.authenticate) so that a deactivated user loses access at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const allowPending = !!this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_PASSWORD_CHANGE, targets);
    const { user } = await this.auth.authenticate(bearerToken(req.headers?.authorization), { allowPendingPasswordChange: allowPending });
    req.user = user;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required?.length && !required.some((r) => user.roles.includes(r))) throw roleNotAllowed(required);
    return true;
  }
}
