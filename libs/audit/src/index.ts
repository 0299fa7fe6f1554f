/**
 * Docket's audit evidence. Pure: it imports only `@app/engine` and node's `crypto` (hashing,
 * Ed25519), reads no clock and performs no I/O. The server and the offline verifier share it, so
 * they judge a case alike.
 */
export * from './merkle';
export * from './signing';
export * from './checkpoint';
export * from './chain-diagnosis';
export * from './json-diff';
export * from './case-verification';
export * from './dossier-bundle';
export * from './comment-seal';
