/**
 * A layout of a workflow's state graph, drawn by the console itself as SVG: the top-level states
 * in columns by their longest forward path from the initial state, the columns in bands of a few
 * read left to right and top to bottom (so that the graph fits a 1280 px screen), a compound state
 * as a box holding its states one under the other. Deeper states are drawn as their nearest shown
 * ancestor. Pure.
 */
import type { GraphEdge } from './path-taken';

export interface GraphNode {
  id: string;
  label: string;
  parent: string | null;
  type: 'atomic' | 'compound' | 'parallel' | 'final';
  initial: boolean;
}

export interface Box {
  id: string;
  label: string[];
  x: number;
  y: number;
  w: number;
  h: number;
  type: GraphNode['type'];
  /** a box holding states */
  group: boolean;
  initial: boolean;
}

export interface Layout {
  width: number;
  height: number;
  boxes: Box[];
  /** the drawn node of each state path (a deeper state maps to its shown ancestor) */
  shownAs: Map<string, string>;
}

const CHAR = 13;
const LINE = 16;
const PER_LINE = 8;
const GAP_X = 64;
const GAP_Y = 72;
const GAP_STACK = 28;
const GAP_KID = 14;
const PAD = 12;
const HEADER = 24;
const MARGIN = 40;

/**
 * Breaks a zh-CN label into lines of a few characters: a full-width bracket opens a new line, and a
 * line's last one or two characters are never left alone on the next.
 */
export function wrap(label: string, per = PER_LINE): string[] {
  const parts = label.replace(/（/g, '\n（').split('\n').filter(Boolean);
  const lines: string[] = [];
  for (const p of parts) {
    const mine: string[] = [];
    for (let i = 0; i < p.length; i += per) mine.push(p.slice(i, i + per));
    if (mine.length > 1 && mine[mine.length - 1].length <= 2) mine[mine.length - 2] += mine.pop();
    lines.push(...mine);
  }
  return lines.length ? lines : [''];
}

function ranks(ids: string[], edges: Array<[string, string]>, initial: string | undefined): Map<string, number> {
  // forward edges: those of a depth-first walk from the initial state that close no cycle
  const out = new Map<string, string[]>();
  for (const [a, b] of edges) if (a !== b) out.set(a, [...(out.get(a) ?? []), b]);
  const state = new Map<string, 'open' | 'done'>();
  const forward: Array<[string, string]> = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    for (const m of out.get(n) ?? []) {
      if (state.get(m) === 'open') continue;
      forward.push([n, m]);
      if (!state.has(m)) visit(m);
    }
    state.set(n, 'done');
  };
  if (initial) visit(initial);
  for (const id of ids) if (!state.has(id)) visit(id);
  const rank = new Map<string, number>(ids.map((id) => [id, 0]));
  // longest path over the forward edges (they form no cycle)
  for (let pass = 0; pass < ids.length; pass++) {
    let changed = false;
    for (const [a, b] of forward) {
      if ((rank.get(b) ?? 0) < (rank.get(a) ?? 0) + 1) {
        rank.set(b, (rank.get(a) ?? 0) + 1);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return rank;
}

export function layoutGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[], perBand = 6): Layout {
  const top = nodes.filter((n) => n.parent === null);
  const childrenOf = (id: string) => nodes.filter((n) => n.parent === id);
  const shownAs = new Map<string, string>();
  for (const n of nodes) {
    const parts = n.id.split('.');
    shownAs.set(n.id, parts.slice(0, Math.min(parts.length, 2)).join('.'));
  }
  const topOf = (id: string) => id.split('.')[0];
  const size = (label: string) => {
    const lines = wrap(label);
    return { lines, w: Math.max(84, Math.max(...lines.map((l) => l.length)) * CHAR + 2 * PAD), h: lines.length * LINE + 2 * PAD - 4 };
  };

  type Kid = { node: GraphNode; lines: string[]; w: number; h: number; dy: number };
  const units = top.map((n) => {
    const kids = childrenOf(n.id);
    if (!kids.length) {
      const s = size(n.label);
      return { node: n, w: s.w, h: s.h, lines: s.lines, kids: [] as Kid[] };
    }
    // the states of a box one under the other, in the order of their own forward paths
    const kidIds = kids.map((k) => k.id);
    const inner: Array<[string, string]> = edges
      .filter((e) => kidIds.includes(shownAs.get(e.from) ?? '') && kidIds.includes(shownAs.get(e.to) ?? ''))
      .map((e) => [shownAs.get(e.from)!, shownAs.get(e.to)!]);
    const r = ranks(kidIds, inner, kids.find((k) => k.initial)?.id);
    const ordered = [...kids].sort((a, b) => r.get(a.id)! - r.get(b.id)! || kidIds.indexOf(a.id) - kidIds.indexOf(b.id));
    let dy = HEADER;
    const placed = ordered.map((k) => {
      const s = size(k.label);
      const item = { node: k, lines: s.lines, w: s.w, h: s.h, dy };
      dy += item.h + GAP_KID;
      return item;
    });
    const head = [n.label];
    const w = Math.max(...placed.map((p) => p.w), n.label.length * CHAR) + 2 * PAD;
    for (const p of placed) p.w = w - 2 * PAD;
    return { node: n, w, h: dy - GAP_KID + PAD, lines: head, kids: placed };
  });

  // columns by rank, wrapped into bands of a few columns read left to right, top to bottom
  const topEdges: Array<[string, string]> = edges.map((e) => [topOf(e.from), topOf(e.to)]);
  const rank = ranks(top.map((n) => n.id), topEdges, top.find((n) => n.initial)?.id);
  const columns: (typeof units)[] = [];
  for (const u of units) (columns[rank.get(u.node.id)!] ??= []).push(u);
  const dense = columns.filter(Boolean);
  const bands: (typeof dense)[] = [];
  for (let i = 0; i < dense.length; i += perBand) bands.push(dense.slice(i, i + perBand));
  const colW = (c: typeof units) => Math.max(...c.map((u) => u.w));
  const colH = (c: typeof units) => c.reduce((sum, u) => sum + u.h, 0) + GAP_STACK * (c.length - 1);
  const bandW = (b: typeof dense) => b.reduce((sum, c) => sum + colW(c), 0) + GAP_X * (b.length - 1);
  const width = Math.max(...bands.map(bandW)) + 2 * MARGIN;
  const boxes: Box[] = [];
  let y = MARGIN;
  for (const band of bands) {
    const h = Math.max(...band.map(colH));
    let x = (width - bandW(band)) / 2;
    for (const col of band) {
      const cw = colW(col);
      let uy = y + (h - colH(col)) / 2;
      for (const u of col) {
        const ux = x + (cw - u.w) / 2;
        boxes.push({ id: u.node.id, label: u.lines, x: ux, y: uy, w: u.w, h: u.h, type: u.node.type, group: u.kids.length > 0, initial: u.node.initial });
        for (const k of u.kids) boxes.push({ id: k.node.id, label: k.lines, x: ux + PAD, y: uy + k.dy, w: k.w, h: k.h, type: k.node.type, group: false, initial: k.node.initial });
        uy += u.h + GAP_STACK;
      }
      x += cw + GAP_X;
    }
    y += h + GAP_Y;
  }
  return { width, height: y - GAP_Y + MARGIN, boxes, shownAs };
}

export interface EdgeShape {
  d: string;
  /** a point on the curve, for its step number (and how a text there is anchored) */
  lx: number;
  ly: number;
  anchor: 'start' | 'middle' | 'end';
}

/**
 * The SVG path of an edge between two boxes: a loop on itself; right to a later column; down to a
 * lower state or band; back to an earlier column under the boxes; up along the right side.
 */
export function edgePath(a: Box, b: Box, lane: number): EdgeShape {
  const cx = (o: Box) => o.x + o.w / 2;
  const cy = (o: Box) => o.y + o.h / 2;
  if (a.id === b.id) {
    const x = a.x + a.w;
    const y = a.y + 10;
    const r = 14 + 6 * lane;
    return { d: `M ${x - 12} ${a.y} C ${x - 12} ${y - r - 6}, ${x + r + 6} ${y + 2}, ${x} ${y + 6}`, lx: x + r / 2, ly: a.y - r / 2 + 2, anchor: 'start' };
  }
  const overlapX = a.x < b.x + b.w && b.x < a.x + a.w;
  const overlapY = a.y < b.y + b.h && b.y < a.y + a.h;
  if (!overlapX && b.x > a.x) {
    // to a later column (same band or not: enter from the left)
    const x1 = a.x + a.w;
    const y1 = cy(a) + (lane % 3) * 6 - 6;
    const x2 = b.x;
    const y2 = cy(b) + (lane % 3) * 6 - 6;
    if (overlapY || Math.abs(y2 - y1) < 400) {
      const m = Math.max(24, (x2 - x1) / 2);
      return { d: `M ${x1} ${y1} C ${x1 + m} ${y1}, ${x2 - m} ${y2}, ${x2} ${y2}`, lx: (x1 + x2) / 2, ly: (y1 + y2) / 2, anchor: 'middle' };
    }
  }
  if (b.y >= a.y + a.h) {
    // down: bottom to top
    const x1 = cx(a) + lane * 6 - 6;
    const y1 = a.y + a.h;
    const x2 = cx(b) + lane * 6 - 6;
    const y2 = b.y;
    const m = Math.max(16, (y2 - y1) / 2);
    return { d: `M ${x1} ${y1} C ${x1} ${y1 + m}, ${x2} ${y2 - m}, ${x2} ${y2}`, lx: (x1 + x2) / 2, ly: (y1 + y2) / 2, anchor: 'middle' };
  }
  if (overlapX) {
    // up within a column: along the right side
    const x1 = a.x + a.w;
    const y1 = cy(a);
    const x2 = b.x + b.w;
    const y2 = cy(b);
    const out = Math.max(x1, x2) + 18 + 8 * lane;
    return { d: `M ${x1} ${y1} C ${out} ${y1}, ${out} ${y2}, ${x2} ${y2}`, lx: Math.max(x1, x2) + 0.75 * (out - Math.max(x1, x2)), ly: (y1 + y2) / 2, anchor: 'start' };
  }
  // back to an earlier column: under the boxes, bottom to bottom
  const x1 = cx(a) - 8 - lane * 4;
  const y1 = a.y + a.h;
  const x2 = cx(b) + 8 + lane * 4;
  const y2 = b.y + b.h;
  const low = Math.max(y1, y2) + 28 + 10 * lane;
  return { d: `M ${x1} ${y1} C ${x1} ${low}, ${x2} ${low}, ${x2} ${y2}`, lx: (x1 + x2) / 2, ly: Math.max(y1, y2) + 0.75 * (low - Math.max(y1, y2)), anchor: 'middle' };
}
