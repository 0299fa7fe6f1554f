import { generateSigningKey } from '@app/audit';
import * as fs from 'fs';

/**
 * A new Ed25519 checkpoint signing key. With `out`, the PKCS#8 PEM goes to that file (mode 0600,
 * never overwriting); the one-line base64 form is for DOCKET_SIGNING_KEY.
 */
export function keygen(out?: string): string {
  const key = generateSigningKey();
  const lines: string[] = [];
  if (out) {
    fs.writeFileSync(out, key.pem, { mode: 0o600, flag: 'wx' });
    lines.push(`private key written to ${out} (keep it secret; set DOCKET_SIGNING_KEY to its content)`);
  } else {
    lines.push(key.pem.trim(), '', `DOCKET_SIGNING_KEY=${key.base64}`);
  }
  lines.push('', `key id      ${key.publicKey.keyId}`, 'public key (publish it, verifiers pin it with --key):', key.publicPem.trim());
  return lines.join('\n');
}
