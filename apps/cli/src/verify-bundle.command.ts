import { BundleVerdict, parsePublicKey, verifyDossierBundle } from '@app/audit';
import type { WorkflowRegistry } from '@app/engine';
import type { KeyObject } from 'crypto';
import * as fs from 'fs';

/** Reads public keys (SPKI PEM or base64 DER, one key per file) for pinning. */
export function readPublicKeys(files: string[]): KeyObject[] {
  return files.map((f) => {
    const key = parsePublicKey(fs.readFileSync(f, 'utf8'));
    if (!key) throw new Error(`${f}: not an Ed25519 public key (SPKI PEM or base64 DER)`);
    return key;
  });
}

/**
 * Verifies a dossier bundle file. Reads the file and nothing else: no database, no network.
 * Throws on a file that cannot be read or is not a bundle.
 */
export function verifyBundleFile(registry: WorkflowRegistry, file: string, pinnedKeys?: KeyObject[]): BundleVerdict & { title: string } {
  const text = fs.readFileSync(file, 'utf8');
  let bundle: unknown;
  try {
    bundle = JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: not JSON (${(e as Error).message})`);
  }
  const verdict = verifyDossierBundle(registry, bundle, pinnedKeys);
  return { ...verdict, title: String((bundle as { case?: { title?: unknown } }).case?.title ?? '') };
}
