import { describe, expect, it } from 'vitest';
import { layoutGraph, wrap, type GraphNode } from './layout';
import type { GraphEdge } from './path-taken';

const node = (id: string, label: string, extra: Partial<GraphNode> = {}): GraphNode => ({ id, label, parent: id.includes('.') ? id.split('.')[0] : null, type: 'atomic', initial: false, ...extra });

describe('wrap', () => {
  it('breaks at a full-width bracket and never leaves one or two characters alone', () => {
    expect(wrap('决策启动（待决定是否启动）')).toEqual(['决策启动', '（待决定是否启动）']);
    expect(wrap('征求意见已结束（待报送采纳情况）')).toEqual(['征求意见已结束', '（待报送采纳情况）']);
    expect(wrap('一二三四五六七八九十甲乙丙')).toEqual(['一二三四五六七八', '九十甲乙丙']);
  });
});

describe('layoutGraph', () => {
  const nodes = [
    node('a', '开始', { initial: true }),
    node('b', '审查', { type: 'compound' }),
    node('b.one', '待审', { initial: true }),
    node('b.two', '审查中'),
    node('c', '完成', { type: 'final' }),
  ];
  const edges: GraphEdge[] = [
    { from: 'a', to: 'b', event: 'GO' },
    { from: 'b.one', to: 'b.two', event: 'ACCEPT' },
    { from: 'b.two', to: 'c', event: 'DONE' },
    { from: 'b', to: 'a', event: 'BACK' },
  ];

  it('puts states in columns along the forward path; a return edge does not move its target', () => {
    const { boxes } = layoutGraph(nodes, edges);
    const x = (id: string) => boxes.find((b) => b.id === id)!.x;
    expect(x('a')).toBeLessThan(x('b'));
    expect(x('b')).toBeLessThan(x('c'));
    const inner = (id: string) => boxes.find((b) => b.id === id)!;
    // the states of a box inside it, one under the other
    expect(inner('b.one').y).toBeLessThan(inner('b.two').y);
    for (const k of ['b.one', 'b.two']) {
      expect(inner(k).x).toBeGreaterThanOrEqual(inner('b').x);
      expect(inner(k).x + inner(k).w).toBeLessThanOrEqual(inner('b').x + inner('b').w);
    }
  });

  it('wraps the columns into bands that fit', () => {
    const chain = Array.from({ length: 9 }, (_, i) => node(`s${i}`, `状态${i}`, { initial: i === 0 }));
    const links = chain.slice(1).map((n, i) => ({ from: `s${i}`, to: n.id, event: 'NEXT' }));
    const one = layoutGraph(chain, links, 20);
    const two = layoutGraph(chain, links, 5);
    expect(two.width).toBeLessThan(one.width);
    expect(two.height).toBeGreaterThan(one.height);
    const s5 = two.boxes.find((b) => b.id === 's5')!;
    const s0 = two.boxes.find((b) => b.id === 's0')!;
    expect(s5.y).toBeGreaterThan(s0.y + s0.h);
    for (const b of two.boxes) expect(b.x + b.w).toBeLessThanOrEqual(two.width);
  });
});
