import type { DocketConfig } from '@app/config';
import { Logger } from '@nestjs/common';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/**
 * The JWT signing secret: from config; on the embedded default only, generated once into
 * DATA_DIR/jwt-secret (mode 0600) so that tokens survive restarts. There is no built-in secret.
 */
export function resolveJwtSecret(config: DocketConfig): string {
  if (config.jwt.secret) return config.jwt.secret;
  if (!config.database.embedded) throw new Error('JWT_SECRET is required when DATABASE_URL is set');
  const file = path.resolve(config.dataDir, 'jwt-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  fs.writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
  new Logger('Auth').log(`generated a JWT secret into ${file}`);
  return secret;
}
