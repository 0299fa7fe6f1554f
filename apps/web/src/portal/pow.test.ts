import { describe, expect, it } from 'vitest';
import { leadingZeroBits, solveChallenge } from './pow';

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

  it('stops when aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(solveChallenge('t', 30, undefined, ac.signal)).rejects.toThrow(/aborted/);
  });
});
