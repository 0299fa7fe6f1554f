import type { Role } from '@app/engine';

export interface AuthenticatedUser {
  id: string;
  username: string;
  displayName: string;
  orgUnit: string;
  roles: Role[];
}
