import { articleZhOrUndefined } from './articles';
import { allStateNodes, pathOf } from './machine-nodes';
import type { AnyStateNode } from './machine-nodes';
import type { EventDescription, EventMeta, WorkflowDefinition, WorkflowDescription, WorkflowGraphEdge, WorkflowGraphNode } from './types';

const idOf = (node: AnyStateNode): string => node.path.map((k) => k.replace(/[^A-Za-z0-9_]/g, '_')).join('__');
const escapeLabel = (text: string): string => text.replace(/"/g, '#quot;').replace(/[\r\n]+/g, ' ');
const childrenOf = (node: AnyStateNode): AnyStateNode[] =>
  (Object.values(node.states ?? {}) as AnyStateNode[]).filter((c) => c.type !== 'history');
const ancestors = (node: AnyStateNode): AnyStateNode[] => {
  const chain: AnyStateNode[] = [];
  for (let n: AnyStateNode | undefined = node; n; n = n.parent) chain.unshift(n);
  return chain;
};

/** The deepest node containing both `a` and `b` as (not necessarily direct) children. */
function containerOf(a: AnyStateNode, b: AnyStateNode): AnyStateNode {
  const pa = ancestors(a.parent ?? a);
  const pb = ancestors(b.parent ?? b);
  let common = pa[0];
  for (let i = 0; i < Math.min(pa.length, pb.length) && pa[i] === pb[i]; i++) common = pa[i];
  return common;
}

function transitionLabel(descriptor: string, t: { delay?: unknown }): string {
  if (descriptor.startsWith('xstate.after.')) return `after ${String(t.delay ?? descriptor.slice('xstate.after.'.length))}`;
  if (descriptor.startsWith('xstate.done.')) return 'done';
  if (descriptor.startsWith('xstate.error.')) return 'error';
  return descriptor;
}

/**
 * Every arrow of the machine's state-node tree, in definition order: one per transition and target
 * (a targetless transition is a self-loop, a machine-level one starts at every top-level state that
 * is not final; forbidding transitions are left out). `label` is the event type, `after <delay>`,
 * `always` or `done`.
 */
function arrowsOf(def: WorkflowDefinition): Array<{ from: AnyStateNode; to: AnyStateNode; label: string; event: string }> {
  const root = def.machine.root as AnyStateNode;
  const out: Array<{ from: AnyStateNode; to: AnyStateNode; label: string; event: string }> = [];
  const topLevel = childrenOf(root);
  for (const node of [root, ...allStateNodes(def.machine)]) {
    const sources = node === root ? topLevel.filter((n) => n.type !== 'final') : [node];
    const all: Array<[string, any[]]> = [...node.transitions.entries()];
    if (node.always?.length) all.push(['always', node.always]);
    for (const [descriptor, transitions] of all) {
      for (const t of transitions) {
        const forbidden = !t.target && !t.actions?.length && !t.reenter;
        if (forbidden) continue;
        for (const source of sources) {
          const targets: AnyStateNode[] = t.target?.length ? t.target : [source];
          for (const target of targets) out.push({ from: source, to: target, label: transitionLabel(descriptor, t), event: descriptor });
        }
      }
    }
  }
  return out;
}

/**
 * The machine's state graph as data, for a console that draws it itself: every state node (path,
 * label, parent, type, whether it is the initial child) and every arrow of the Mermaid diagram as
 * an edge from, to, event. Duplicate arrows (same from, to and event) appear once. Pure.
 */
export function toGraph(def: WorkflowDefinition): { nodes: WorkflowGraphNode[]; edges: WorkflowGraphEdge[] } {
  const root = def.machine.root as AnyStateNode;
  const initialOf = (n: AnyStateNode) => new Set(((n.initial?.target ?? []) as AnyStateNode[]).map((t) => t));
  const nodes = allStateNodes(def.machine).map((node): WorkflowGraphNode => {
    const path = pathOf(node);
    const meta = def.states[path];
    const parent = node.parent && node.parent !== root ? node.parent : null;
    const container = parent ?? root;
    const type = node.type === 'final' ? 'final' : node.type === 'parallel' ? 'parallel' : childrenOf(node).length ? 'compound' : 'atomic';
    const initial = container.type === 'parallel' || initialOf(container).has(node);
    return { id: path, label: meta ? { ...meta.label } : { zh: path, en: path }, parent: parent ? pathOf(parent) : null, type, initial };
  });
  const seen = new Set<string>();
  const edges: WorkflowGraphEdge[] = [];
  for (const a of arrowsOf(def)) {
    const e = { from: pathOf(a.from), to: pathOf(a.to), event: a.label };
    const key = `${e.from}\u0000${e.to}\u0000${e.event}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push(e);
  }
  return { nodes, edges };
}

/**
 * A Mermaid `stateDiagram-v2` of the definition, generated from the machine's state-node tree:
 * every state with its zh label and key (`state "决策启动 initiation" as initiation`), nested and
 * parallel states as blocks, initial (`[*] -->`) and final (`--> [*]`) markers, and every
 * transition labelled with its event type (`after <delay>` for delayed ones, `always` for eventless,
 * `done` for `onDone`;
 * a targetless transition is drawn as a self-loop, a machine-level one from every top-level state).
 * Nested ids are paths joined with `__`. Each arrow sits in the innermost block holding both ends.
 * Pure.
 */
export function toMermaid(def: WorkflowDefinition): string {
  const root = def.machine.root as AnyStateNode;
  const arrows = new Map<AnyStateNode, string[]>();
  for (const { from, to, label } of arrowsOf(def)) {
    const container = containerOf(from, to);
    const list = arrows.get(container) ?? [];
    const line = `${idOf(from)} --> ${idOf(to)} : ${escapeLabel(label)}`;
    if (!list.includes(line)) list.push(line);
    arrows.set(container, list);
  }

  const lines = ['stateDiagram-v2'];
  const declare = (child: AnyStateNode, indent: string) => {
    const meta = def.states[pathOf(child)];
    const label = meta ? `${meta.label.zh} ${child.key}` : child.key;
    lines.push(`${indent}state "${escapeLabel(label)}" as ${idOf(child)}`);
  };
  const block = (child: AnyStateNode, indent: string) => {
    if (childrenOf(child).length === 0) return;
    lines.push(`${indent}state ${idOf(child)} {`);
    render(child, `${indent}  `);
    lines.push(`${indent}}`);
  };
  const render = (container: AnyStateNode, indent: string) => {
    const children = childrenOf(container);
    if (container.type === 'parallel') {
      // concurrent regions are separated by `--`, each declared in its own section
      children.forEach((child, i) => {
        if (i > 0) lines.push(`${indent}--`);
        declare(child, indent);
        block(child, indent);
      });
    } else {
      for (const child of children) declare(child, indent);
      for (const target of (container.initial?.target ?? []) as AnyStateNode[]) lines.push(`${indent}[*] --> ${idOf(target)}`);
      for (const child of children) block(child, indent);
      for (const child of children) if (child.type === 'final') lines.push(`${indent}${idOf(child)} --> [*]`);
    }
    for (const line of arrows.get(container) ?? []) lines.push(`${indent}${line}`);
  };
  render(root, '  ');
  return `${lines.join('\n')}\n`;
}

function describeEvent(def: WorkflowDefinition, type: string, meta: EventMeta): EventDescription {
  return {
    type,
    label: { ...meta.label },
    roles: [...meta.roles],
    rules: (meta.rules ?? []).map((name) => {
      const rule = def.rules[name];
      return {
        name,
        code: rule?.refusal.code ?? name,
        ...(rule?.refusal.article ? { article: rule.refusal.article } : {}),
        ...(rule?.refusal.article && articleZhOrUndefined(rule.refusal.article) ? { articleZh: articleZhOrUndefined(rule.refusal.article) } : {}),
        zh: rule?.refusal.zh ?? '',
        en: rule?.refusal.en ?? '',
        precondition: Boolean(rule?.precondition),
        ...(rule?.appliesIn ? { appliesIn: [...rule.appliesIn] } : {}),
        ...(rule?.field ? { field: rule.field } : {}),
      };
    }),
  };
}

/**
 * A JSON-serialisable description of a definition for `GET /workflows/:kind/:version`: stages in
 * pipeline order, every state (path, label, stage, final) in definition order, every event with
 * its roles and rules, the creation event, the Mermaid diagram and the same graph as data. Pure.
 */
export function describeDefinition(def: WorkflowDefinition): WorkflowDescription {
  return {
    kind: def.kind,
    version: def.version,
    label: { ...def.label },
    stages: Object.entries(def.stages).map(([id, label]) => ({ id, label: { ...label } })),
    states: allStateNodes(def.machine).map((node) => {
      const path = pathOf(node);
      const meta = def.states[path];
      return { path, label: meta ? { ...meta.label } : { zh: path, en: path }, stage: meta?.stage ?? '', final: node.type === 'final' };
    }),
    events: Object.entries(def.events).map(([type, meta]) => describeEvent(def, type, meta)),
    create: describeEvent(def, def.create.type, def.create),
    mermaid: toMermaid(def),
    graph: toGraph(def),
  };
}
