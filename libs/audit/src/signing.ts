import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'crypto';

/**
 * Ed25519 signing keys and signatures with node's own crypto (no native add-on).
 * Private keys are PKCS#8: PEM text, or the base64 of the DER bytes (one line, fits an
 * environment variable). Public keys travel as base64 SPKI DER. Signatures are base64.
 * Everything here is pure except `generateSigningKey`, which draws randomness.
 */

export class SigningKeyError extends Error {
  readonly code = 'SIGNING_KEY_INVALID';
}

/** A public key as published next to the checkpoints. */
export interface PublicKeyInfo {
  keyId: string;
  algorithm: 'Ed25519';
  /** base64 of the SPKI DER encoding */
  spki: string;
}

/** A private key ready to sign, with the public half and its id. */
export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
}

/** The key id: the first 16 hex digits of SHA-256 over the SPKI DER of the public key. Pure. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ format: 'der', type: 'spki' })).digest('hex').slice(0, 16);
}

/**
 * Parses an Ed25519 private key given as PKCS#8 PEM or as base64 of the PKCS#8 DER.
 * Throws `SigningKeyError` for anything else (another algorithm included). Pure.
 */
export function parseSigningKey(text: string): SigningKey {
  const trimmed = (text ?? '').trim();
  let privateKey: KeyObject;
  try {
    privateKey = trimmed.startsWith('-----BEGIN')
      ? createPrivateKey({ key: trimmed, format: 'pem' })
      : createPrivateKey({ key: Buffer.from(trimmed.replace(/\s+/g, ''), 'base64'), format: 'der', type: 'pkcs8' });
  } catch (e) {
    throw new SigningKeyError(`not a PKCS#8 private key (PEM or base64 DER): ${(e as Error).message}`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new SigningKeyError(`the signing key must be Ed25519, not ${privateKey.asymmetricKeyType}`);
  }
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: keyIdOf(publicKey) };
}

/** Parses a public key given as base64 SPKI DER or SPKI PEM; `null` if it is not an Ed25519 key. Pure. */
export function parsePublicKey(text: string): KeyObject | null {
  try {
    const trimmed = (text ?? '').trim();
    const key = trimmed.startsWith('-----BEGIN')
      ? createPublicKey({ key: trimmed, format: 'pem' })
      : createPublicKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

/** The publishable description of a public key. Pure. */
export function publicKeyInfo(publicKey: KeyObject): PublicKeyInfo {
  return {
    keyId: keyIdOf(publicKey),
    algorithm: 'Ed25519',
    spki: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
}

/** Ed25519 signature (base64) of `message` (UTF-8 when a string). Ed25519 is deterministic: pure. */
export function signMessage(message: string | Buffer, key: SigningKey): string {
  return sign(null, typeof message === 'string' ? Buffer.from(message, 'utf8') : message, key.privateKey).toString('base64');
}

/** Whether `signature` (base64) is a valid Ed25519 signature of `message` by `publicKey`. Never throws. Pure. */
export function verifyMessage(message: string | Buffer, signature: string, publicKey: KeyObject): boolean {
  try {
    if (typeof signature !== 'string' || !/^[A-Za-z0-9+/]{86}==$/.test(signature)) return false;
    return verify(null, typeof message === 'string' ? Buffer.from(message, 'utf8') : message, publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** A fresh Ed25519 key: PKCS#8 PEM, the same as one-line base64 DER, and the public key info. Not pure (randomness). */
export function generateSigningKey(): { pem: string; base64: string; publicKey: PublicKeyInfo; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    pem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    base64: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicKey: publicKeyInfo(publicKey),
    publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}
