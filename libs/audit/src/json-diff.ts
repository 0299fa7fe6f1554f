/** One changed value between two JSON documents. `path` is an RFC 6901 JSON Pointer. */
export interface JsonChange {
  path: string;
  /** 'added': absent before; 'removed': absent after */
  op: 'added' | 'removed' | 'changed';
  old?: unknown;
  new?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function walk(a: unknown, b: unknown, path: string, out: JsonChange[]): void {
  if (a === b) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const p = `${path}/${i}`;
      if (i >= a.length) out.push({ path: p, op: 'added', new: b[i] });
      else if (i >= b.length) out.push({ path: p, op: 'removed', old: a[i] });
      else walk(a[i], b[i], p, out);
    }
    return;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const key of keys) {
      const p = `${path}/${escape(key)}`;
      const inA = Object.prototype.hasOwnProperty.call(a, key) && a[key] !== undefined;
      const inB = Object.prototype.hasOwnProperty.call(b, key) && b[key] !== undefined;
      if (inA && !inB) out.push({ path: p, op: 'removed', old: a[key] });
      else if (!inA && inB) out.push({ path: p, op: 'added', new: b[key] });
      else if (inA && inB) walk(a[key], b[key], p, out);
    }
    return;
  }
  // scalars, or a change of kind (object ↔ array ↔ scalar): one change for the whole node
  if (a === undefined) out.push({ path: path || '/', op: 'added', new: b });
  else if (b === undefined) out.push({ path: path || '/', op: 'removed', old: a });
  else out.push({ path: path || '/', op: 'changed', old: a, new: b });
}

/**
 * The differences between two JSON values (parsed JSON: objects, arrays, scalars), in document
 * order: objects key by key, arrays index by index (an element beyond the shorter array
 * is one `added` / `removed` change holding the whole element). Pure.
 */
export function jsonDiff(before: unknown, after: unknown): JsonChange[] {
  const out: JsonChange[] = [];
  walk(before, after, '', out);
  return out;
}
