/**
 * The path a case actually took through its workflow's state graph, from its history: for each two
 * consecutive records, the edge whose event is the later record's type, whose source was active
 * before and whose target is active after (a compound target counts when one of its states is).
 * Edges, not states: a return edge is taken only when a record went along it. Pure.
 */

export interface GraphEdge {
  from: string;
  to: string;
  event: string;
}

export type StateValue = string | { [key: string]: StateValue };

export interface PathRecord {
  type: string;
  stateAfter: unknown;
}

/** The dotted paths of the active leaf states of a state value. */
export function leafPaths(value: unknown, prefix = ''): string[] {
  const join = (k: string) => (prefix ? `${prefix}.${k}` : k);
  if (typeof value === 'string') return [join(value)];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    v && typeof v === 'object' && Object.keys(v).length === 0 ? [join(k)] : leafPaths(v, join(k)),
  );
}

/** Every active state path: the leaves and all their ancestors. */
export function activePaths(value: unknown): Set<string> {
  const out = new Set<string>();
  for (const leaf of leafPaths(value)) {
    const parts = leaf.split('.');
    for (let i = 1; i <= parts.length; i++) out.add(parts.slice(0, i).join('.'));
  }
  return out;
}

const depth = (path: string) => path.split('.').length;
/** The automatic transitions: eventless, onDone, delayed. */
export const isAutomatic = (event: string) => event === 'always' || event === 'done' || event.startsWith('after ');
/** The key of an edge, as the diagram names it in `data-edge`. */
export const edgeKey = (e: GraphEdge) => `${e.from}->${e.to}:${e.event}`;

/**
 * The edges the history took (as indexes into `edges`) and the states it went through. When
 * several edges fit one step, the most specific (deepest source, then deepest target) wins; an
 * automatic edge counts when the event's edge led to a state that left at once for the next one.
 */
export function pathTaken(edges: readonly GraphEdge[], records: readonly PathRecord[]): { edges: Set<number>; states: Set<string> } {
  const taken = new Set<number>();
  const states = new Set<string>();
  for (const r of records) for (const p of leafPaths(r.stateAfter)) states.add(p);
  for (let i = 1; i < records.length; i++) {
    const before = activePaths(records[i - 1].stateAfter);
    const after = activePaths(records[i].stateAfter);
    const type = records[i].type;
    const fitting = edges.map((e, n) => ({ e, n })).filter(({ e }) => e.event === type && before.has(e.from));
    const direct = fitting.filter(({ e }) => after.has(e.to));
    if (direct.length) {
      const score = ({ e }: { e: GraphEdge }) => depth(e.from) * 100 + depth(e.to);
      const best = Math.max(...direct.map(score));
      for (const d of direct) if (score(d) === best) taken.add(d.n);
      continue;
    }
    // the event's edge, then automatic edges to where the record ended
    for (const { e, n } of fitting) {
      const chain = automaticChain(edges, e.to, after);
      if (chain) {
        taken.add(n);
        for (const c of chain) taken.add(c);
        break;
      }
    }
  }
  return { edges: taken, states };
}

function automaticChain(edges: readonly GraphEdge[], from: string, after: Set<string>, hops = 3): number[] | null {
  if (hops === 0) return null;
  const within = (p: string) => p === from || p.startsWith(`${from}.`) || from.startsWith(`${p}.`);
  for (let n = 0; n < edges.length; n++) {
    const e = edges[n];
    if (!isAutomatic(e.event) || !within(e.from) || e.from === e.to) continue;
    if (after.has(e.to)) return [n];
    const rest = automaticChain(edges, e.to, after, hops - 1);
    if (rest) return [n, ...rest];
  }
  return null;
}
