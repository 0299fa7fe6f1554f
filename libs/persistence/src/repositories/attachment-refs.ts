/** A SHA-256 as events record an attachment: 64 lower-case hex digits as a whole JSON string. */
const HASH_STRING = /"([0-9a-f]{64})"/g;

/** The attachment hashes a history payload (its stored JSON text) names, each once. */
export function attachmentRefsOf(payloadJson: string): string[] {
  if (payloadJson.length < 66) return [];
  return [...new Set(Array.from(payloadJson.matchAll(HASH_STRING), (m) => m[1]))];
}
