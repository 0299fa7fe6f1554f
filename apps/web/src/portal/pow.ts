import { plainSubtle } from './sha256';

/**
 * The portal's proof of work, solved in the browser with Web Crypto (or plain JavaScript where the
 * browser has none): find an answer such that
 * SHA-256(`${token}:${answer}`) starts with `bits` zero bits (the server's rule, challenge.ts).
 */

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

const encoder = new TextEncoder();

type Digester = { digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer> };

/** Web Crypto where the browser offers it (a secure context), else the plain implementation. */
export const defaultDigester = (): Digester => (globalThis.crypto?.subtle as Digester | undefined) ?? plainSubtle;

/**
 * Tries answers 0, 1, 2, … in batches (digests in parallel), reporting the count tried after each
 * batch so the page can show progress; stops when `signal` aborts.
 */
export async function solveChallenge(
  token: string,
  bits: number,
  onProgress?: (tried: number) => void,
  signal?: AbortSignal,
  subtle: Digester = defaultDigester(),
): Promise<string> {
  const BATCH = 256;
  for (let start = 0; ; start += BATCH) {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const digests = await Promise.all(
      Array.from({ length: BATCH }, (_, i) => subtle.digest('SHA-256', encoder.encode(`${token}:${start + i}`))),
    );
    const hit = digests.findIndex((d) => leadingZeroBits(new Uint8Array(d)) >= bits);
    if (hit >= 0) return String(start + hit);
    onProgress?.(start + BATCH);
    // let the page breathe (the progress hint repaints) every few batches
    if ((start / BATCH) % 8 === 7) await new Promise((r) => setTimeout(r, 0));
  }
}

/** The expected number of tries for `bits` (2^bits), for a progress bar that never claims to be exact. */
export const expectedTries = (bits: number): number => 2 ** bits;
