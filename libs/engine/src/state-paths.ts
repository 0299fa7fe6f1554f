import { InvalidInstantError } from './engine.errors';
import type { StateMeta, StateValue, WorkflowDefinition } from './types';

function walk(value: StateValue, prefix: string, out: string[], leavesOnly: boolean): void {
  if (typeof value === 'string') {
    out.push(prefix ? `${prefix}.${value}` : value);
    return;
  }
  for (const key of Object.keys(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const child = value[key];
    // `{}` marks an atomic node inside a parallel region: it is a leaf.
    const isLeaf = child === undefined || (typeof child === 'object' && Object.keys(child).length === 0);
    if (isLeaf || !leavesOnly) out.push(path);
    if (!isLeaf) walk(child as StateValue, path, out, leavesOnly);
  }
}

/**
 * Dotted paths of every active state node, compound and leaf, depth-first in the order of the
 * state value: `{ legalityReview: 'underReview' }` → `['legalityReview', 'legalityReview.underReview']`.
 * Pure.
 */
export function statePaths(value: StateValue): string[] {
  const out: string[] = [];
  walk(value, '', out, false);
  return out;
}

/** Dotted paths of the active leaf (atomic or final) state nodes only. Pure. */
export function leafPaths(value: StateValue): string[] {
  const out: string[] = [];
  walk(value, '', out, true);
  return out;
}

/**
 * The metadata of the active state: the first active leaf (for parallel states, the first region's
 * leaf), or its nearest ancestor that has an entry in `def.states`. `path` is the path whose
 * metadata is returned. `undefined` when nothing on that branch is labelled. Pure.
 */
export function stateMetaOf(def: WorkflowDefinition, value: StateValue): (StateMeta & { path: string }) | undefined {
  const leaf = leafPaths(value)[0];
  if (leaf === undefined) return undefined;
  const segments = leaf.split('.');
  for (let n = segments.length; n > 0; n--) {
    const path = segments.slice(0, n).join('.');
    const meta = def.states[path];
    if (meta) return { ...meta, path };
  }
  return undefined;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The calendar date (YYYY-MM-DD) in Asia/Shanghai of an ISO 8601 instant. China has used UTC+8
 * without daylight saving since 1991, so this is arithmetic, independent of the host time zone.
 * The instant must carry an offset (`Z` or `±hh:mm`): a local time would depend on the host.
 * Pure; throws `InvalidInstantError` on anything else.
 */
export function shanghaiDate(isoInstant: string): string {
  if (typeof isoInstant !== 'string' || !ISO_INSTANT.test(isoInstant)) {
    throw new InvalidInstantError(isoInstant);
  }
  const ms = Date.parse(isoInstant);
  if (Number.isNaN(ms)) throw new InvalidInstantError(isoInstant);
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
