import { USER_REPOSITORY, UserRepository } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { invalidCredentials } from './auth.errors';
import { DUMMY_HASH, verifyPassword } from './password-hasher';

@Injectable()
export class AuthService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
  ) {}

  async login(username: string, password: string): Promise<{ accessToken: string; tokenType: 'Bearer' }> {
    const user = await this.users.findByUsername(username);
    // Verify against a dummy hash for unknown users so timing does not reveal which usernames exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !user.active || !ok) throw invalidCredentials();
    const accessToken = await this.jwt.signAsync({ sub: user.id, username: user.username });
    return { accessToken, tokenType: 'Bearer' };
  }
}
