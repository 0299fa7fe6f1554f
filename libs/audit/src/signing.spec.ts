import { generateKeyPairSync } from 'crypto';
import { generateSigningKey, keyIdOf, parsePublicKey, parseSigningKey, publicKeyInfo, SigningKeyError, signMessage, verifyMessage } from './signing';

/** RFC 8032 §7.1 TEST 1 and TEST 2: secret seed, public key, message, signature. */
const RFC8032 = [
  {
    seed: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    pub: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    msg: '',
    sig: 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    seed: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    pub: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    msg: '72',
    sig: '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
];

/** PKCS#8 / SPKI DER around a raw 32-byte Ed25519 seed / public key (RFC 8410). */
const pkcs8 = (seedHex: string) => Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(seedHex, 'hex')]);
const spki = (pubHex: string) => Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(pubHex, 'hex')]);

describe('Ed25519 signing', () => {
  it.each(RFC8032)('reproduces the RFC 8032 signature for message "$msg"', (v) => {
    const key = parseSigningKey(pkcs8(v.seed).toString('base64'));
    expect(key.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex')).toBe(v.pub);
    const msg = Buffer.from(v.msg, 'hex');
    const sig = signMessage(msg, key);
    expect(Buffer.from(sig, 'base64').toString('hex')).toBe(v.sig);
    const pub = parsePublicKey(spki(v.pub).toString('base64'))!;
    expect(verifyMessage(msg, sig, pub)).toBe(true);
    expect(verifyMessage(Buffer.concat([msg, Buffer.from([0])]), sig, pub)).toBe(false);
    const bad = Buffer.from(sig, 'base64');
    bad[10] ^= 1;
    expect(verifyMessage(msg, bad.toString('base64'), pub)).toBe(false);
  });

  it('reads the key as PEM or as one-line base64 DER, with the same key id', () => {
    const generated = generateSigningKey();
    const fromPem = parseSigningKey(generated.pem);
    const fromBase64 = parseSigningKey(generated.base64);
    expect(fromPem.keyId).toBe(fromBase64.keyId);
    expect(fromPem.keyId).toBe(generated.publicKey.keyId);
    expect(fromPem.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(publicKeyInfo(fromPem.publicKey)).toEqual(generated.publicKey);
    expect(keyIdOf(parsePublicKey(generated.publicPem)!)).toBe(fromPem.keyId);
    const sig = signMessage('签名', fromPem);
    expect(verifyMessage('签名', sig, parsePublicKey(generated.publicKey.spki)!)).toBe(true);
  });

  it('refuses keys that are not Ed25519 PKCS#8', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => parseSigningKey(rsa)).toThrow(SigningKeyError);
    expect(() => parseSigningKey('not a key')).toThrow(SigningKeyError);
    expect(() => parseSigningKey('')).toThrow(SigningKeyError);
    expect(parsePublicKey('garbage')).toBeNull();
  });

  it('a signature by another key, or a malformed one, does not verify', () => {
    const a = parseSigningKey(generateSigningKey().pem);
    const b = parseSigningKey(generateSigningKey().pem);
    const sig = signMessage('checkpoint', a);
    expect(verifyMessage('checkpoint', sig, b.publicKey)).toBe(false);
    expect(verifyMessage('checkpoint', 'AAAA', a.publicKey)).toBe(false);
    expect(verifyMessage('checkpoint', undefined as never, a.publicKey)).toBe(false);
  });
});
