/**
 * A top-to-bottom layout of a workflow's state graph, drawn by the console itself as SVG: the
 * top-level states in rows by their longest forward path from the initial state, a compound state
 * as a box holding its states side by side. Deeper states are drawn as their nearest shown
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
const GAP_X = 28;
const GAP_Y = 64;
const PAD = 12;
const HEADER = 24;
const MARGIN = 40;

/** Breaks a zh-CN label into lines of a few characters (a full-width bracket opens a new line). */
export function wrap(label: string, per = PER_LINE): string[] {
  const parts = label.replace(/（/g, '\n（').split('\n').filter(Boolean);
  const lines: string[] = [];
  for (const p of parts) for (let i = 0; i < p.length; i += per) lines.push(p.slice(i, i + per));
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

export function layoutGraph(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): Layout {
  const byId = new Map(nodes.map((n) => [n.id, n]));
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
    return { lines, w: Math.max(...lines.map((l) => l.length)) * CHAR + 2 * PAD, h: lines.length * LINE + 2 * PAD - 4 };
  };

  const boxes: Box[] = [];
  const units = top.map((n) => {
    const kids = childrenOf(n.id);
    if (!kids.length) {
      const s = size(n.label);
      return { node: n, w: Math.max(s.w, 84), h: s.h, lines: s.lines, kids: [] as Array<{ node: GraphNode; lines: string[]; w: number; h: number; dx: number }> };
    }
    // the states of a box side by side, in the order of their own forward paths
    const kidIds = kids.map((k) => k.id);
    const inner: Array<[string, string]> = edges.filter((e) => kidIds.includes(shownAs.get(e.from) ?? '') && kidIds.includes(shownAs.get(e.to) ?? '')).map((e) => [shownAs.get(e.from)!, shownAs.get(e.to)!]);
    const r = ranks(kidIds, inner, kids.find((k) => k.initial)?.id);
    const ordered = [...kids].sort((a, b) => (r.get(a.id)! - r.get(b.id)!) || kidIds.indexOf(a.id) - kidIds.indexOf(b.id));
    let dx = PAD;
    const placed = ordered.map((k) => {
      const s = size(k.label);
      const item = { node: k, lines: s.lines, w: Math.max(s.w, 72), h: s.h, dx };
      dx += item.w + GAP_X / 2;
      return item;
    });
    const head = wrap(n.label, 40);
    const innerH = Math.max(...placed.map((p) => p.h));
    return { node: n, w: Math.max(dx - GAP_X / 2 + PAD, head[0].length * CHAR + 2 * PAD), h: HEADER + innerH + PAD, lines: head, kids: placed };
  });

  const topEdges: Array<[string, string]> = edges.map((e) => [topOf(e.from), topOf(e.to)]);
  const rank = ranks(top.map((n) => n.id), topEdges, top.find((n) => n.initial)?.id);
  const rows: (typeof units)[] = [];
  for (const u of units) (rows[rank.get(u.node.id)!] ??= []).push(u);
  const dense = rows.filter(Boolean);
  const rowWidth = (row: typeof units) => row.reduce((s, u) => s + u.w, 0) + GAP_X * (row.length - 1);
  const width = Math.max(...dense.map(rowWidth)) + 2 * MARGIN;
  let y = MARGIN / 2;
  for (const row of dense) {
    let x = (width - rowWidth(row)) / 2;
    const h = Math.max(...row.map((u) => u.h));
    for (const u of row) {
      const uy = y + (h - u.h) / 2;
      boxes.push({ id: u.node.id, label: u.lines, x, y: uy, w: u.w, h: u.h, type: u.node.type, group: u.kids.length > 0, initial: u.node.initial });
      for (const k of u.kids) {
        boxes.push({ id: k.node.id, label: k.lines, x: x + k.dx, y: uy + HEADER, w: k.w, h: u.h - HEADER - PAD, type: k.node.type, group: false, initial: k.node.initial });
      }
      x += u.w + GAP_X;
    }
    y += h + GAP_Y;
  }
  void byId;
  return { width, height: y - GAP_Y + MARGIN / 2, boxes, shownAs };
}

/** The SVG path of an edge between two boxes: down to a lower row, across within a row, a loop on itself, back up along the side. */
export function edgePath(a: Box, b: Box, lane: number): { d: string; lx: number; ly: number } {
  if (a.id === b.id) {
    const x = a.x + a.w;
    const y = a.y + a.h / 2;
    const r = 16 + 6 * lane;
    return { d: `M ${x} ${y - 8} C ${x + r} ${y - r}, ${x + r} ${y + r}, ${x} ${y + 8}`, lx: x + r, ly: y };
  }
  const contains = (o: Box, i: Box) => i.x >= o.x && i.x + i.w <= o.x + o.w && i.y >= o.y && i.y + i.h <= o.y + o.h;
  if (contains(a, b) || contains(b, a) || Math.abs(a.y + a.h / 2 - (b.y + b.h / 2)) < 4 || (a.y < b.y + b.h && b.y < a.y + a.h && !(a.y + a.h <= b.y))) {
    // side by side: an arc over the top (left to right) or under the bottom (right to left)
    const rightward = a.x < b.x;
    const x1 = a.x + a.w / 2;
    const x2 = b.x + b.w / 2;
    const y1 = rightward ? a.y : a.y + a.h;
    const y2 = rightward ? b.y : b.y + b.h;
    const bend = (rightward ? -1 : 1) * (14 + 5 * lane);
    return { d: `M ${x1} ${y1} C ${x1} ${y1 + bend}, ${x2} ${y2 + bend}, ${x2} ${y2}`, lx: (x1 + x2) / 2, ly: (y1 + y2) / 2 + bend * 0.75 };
  }
  if (b.y > a.y) {
    const x1 = a.x + a.w / 2 + lane * 6 - 6;
    const y1 = a.y + a.h;
    const x2 = b.x + b.w / 2 + lane * 6 - 6;
    const y2 = b.y;
    const m = (y2 - y1) / 2;
    return { d: `M ${x1} ${y1} C ${x1} ${y1 + m}, ${x2} ${y2 - m}, ${x2} ${y2}`, lx: (x1 + x2) / 2, ly: (y1 + y2) / 2 };
  }
  // back up: leave and enter at the left side, bowing out to the left
  const x1 = a.x;
  const y1 = a.y + a.h / 2;
  const x2 = b.x;
  const y2 = b.y + b.h / 2;
  const out = Math.min(x1, x2) - 30 - 14 * lane;
  return { d: `M ${x1} ${y1} C ${out} ${y1}, ${out} ${y2}, ${x2} ${y2}`, lx: out + (Math.min(x1, x2) - out) * 0.25, ly: (y1 + y2) / 2 };
}
