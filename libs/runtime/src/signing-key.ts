import { parseSigningKey, SigningKey } from '@app/audit';
import type { DocketConfig } from '@app/config';
import { Logger } from '@nestjs/common';
import { generateKeyPairSync } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/**
 * The checkpoint signing key: DOCKET_SIGNING_KEY from config; on the embedded default only,
 * generated once into DATA_DIR/signing-key.pem (mode 0600), like the JWT secret. With
 * DATABASE_URL and no key there is none: checkpoints are refused until one is configured
 * (a key that changed with every restart would make every published checkpoint unverifiable).
 * Throws SigningKeyError for a configured key that is not Ed25519 PKCS#8.
 */
export function resolveSigningKey(config: DocketConfig): SigningKey | null {
  if (config.signingKey) return parseSigningKey(config.signingKey);
  if (!config.database.embedded) return null;
  const file = path.resolve(config.dataDir, 'signing-key.pem');
  if (fs.existsSync(file)) return parseSigningKey(fs.readFileSync(file, 'utf8'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  fs.writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
  const key = parseSigningKey(pem);
  new Logger('Checkpoints').log(`generated a checkpoint signing key ${key.keyId} into ${file}`);
  return key;
}
