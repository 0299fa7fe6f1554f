import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@app/engine';
import type { AuthenticatedUser } from './authenticated-user';

export const IS_PUBLIC = 'docket:isPublic';
export const REQUIRED_ROLES = 'docket:requiredRoles';
export const ALLOWED_BEFORE_PASSWORD_CHANGE = 'docket:allowedBeforePasswordChange';

/** The route needs no login. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The route stays open to a user who must change the password first (changing it, logging out, who am I). */
export const AllowedBeforePasswordChange = () => SetMetadata(ALLOWED_BEFORE_PASSWORD_CHANGE, true);
/** The route needs one of these roles. */
export const RequireRoles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthenticatedUser => ctx.switchToHttp().getRequest().user,
);
