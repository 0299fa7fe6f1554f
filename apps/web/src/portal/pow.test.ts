import { describe, expect, it } from 'vitest';
import { leadingZeroBits, solveChallenge } from './pow';
import { plainSubtle, sha256 } from './sha256';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const utf8 = (s: string) => new TextEncoder().encode(s);

// answers found with the server's own rule (challenge.ts: Node's createHash over `token:answer`)
const TOKEN = 'eyJuIjoiYWJjIiwiYiI6MTAsImUiOiIyMDIwIn0.c2ln';
const FIRST_10_BITS = '480';
const FIRST_12_BITS = '4259';

describe('the portal proof of work (Web Crypto)', () => {
  it('counts leading zero bits as the server does', () => {
    expect(leadingZeroBits(new Uint8Array([0, 0, 0x80]))).toBe(16);
    expect(leadingZeroBits(new Uint8Array([0, 0x01]))).toBe(15);
    expect(leadingZeroBits(new Uint8Array([0xff]))).toBe(0);
    expect(leadingZeroBits(new Uint8Array([0, 0]))).toBe(16);
  });

  it('finds the first answer the server accepts, reporting progress on the way', async () => {
    const progress: number[] = [];
    expect(await solveChallenge(TOKEN, 10)).toBe(FIRST_10_BITS);
    expect(await solveChallenge(TOKEN, 12, (n) => progress.push(n))).toBe(FIRST_12_BITS);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.every((n, i) => i === 0 || n > progress[i - 1])).toBe(true);
  });

  it('the plain SHA-256 (no Web Crypto) gives the standard digests and the same answers', async () => {
    expect(hex(sha256(utf8('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // two blocks, and a length at a block's edge
    for (const s of ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), '意见'.repeat(100)]) {
      expect(hex(sha256(utf8(s)))).toBe(hex(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(s)))));
    }
    expect(await solveChallenge(TOKEN, 10, undefined, undefined, plainSubtle)).toBe(FIRST_10_BITS);
  });

  it('stops when aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(solveChallenge('t', 30, undefined, ac.signal)).rejects.toThrow(/aborted/);
  });
});
