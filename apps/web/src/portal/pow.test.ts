import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { leadingZeroBits, solveChallenge } from './pow';

const serverBits = (token: string, answer: string) => leadingZeroBits(new Uint8Array(createHash('sha256').update(`${token}:${answer}`).digest()));

describe('the portal proof of work (Web Crypto)', () => {
  it('counts leading zero bits as the server does', () => {
    expect(leadingZeroBits(new Uint8Array([0, 0, 0x80]))).toBe(16);
    expect(leadingZeroBits(new Uint8Array([0, 0x01]))).toBe(15);
    expect(leadingZeroBits(new Uint8Array([0xff]))).toBe(0);
    expect(leadingZeroBits(new Uint8Array([0, 0]))).toBe(16);
  });

  it('finds the first answer whose SHA-256(token:answer) has the bits, as Node checks it', async () => {
    const token = 'eyJuIjoiYWJjIiwiYiI6MTAsImUiOiIyMDIwIn0.c2ln';
    const progress: number[] = [];
    const answer = await solveChallenge(token, 10, (n) => progress.push(n));
    expect(serverBits(token, answer)).toBeGreaterThanOrEqual(10);
    // the first such answer: none before it has the bits
    for (let i = 0; i < Number(answer); i++) expect(serverBits(token, String(i))).toBeLessThan(10);
    expect(progress.every((n, i) => i === 0 || n > progress[i - 1])).toBe(true);
  });

  it('stops when aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(solveChallenge('t', 30, undefined, ac.signal)).rejects.toThrow(/aborted/);
  });
});
