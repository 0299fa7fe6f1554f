import type { AnyStateMachine, StateNode } from 'xstate';
import type { StateValue } from './types';
import { leafPaths } from './state-paths';

/**
 * Structural queries on a machine through its public state-node tree (`machine.root.states`,
 * `node.transitions`), never through snapshot internals. Pure: nothing here evaluates guards or actions.
 */

export type AnyStateNode = StateNode<any, any>;

/** The state node at a dotted path from the root ('' is the root), or undefined. */
export function nodeAtPath(machine: AnyStateMachine, path: string): AnyStateNode | undefined {
  let node: AnyStateNode | undefined = machine.root;
  if (path === '') return node;
  for (const key of path.split('.')) {
    node = node?.states?.[key] as AnyStateNode | undefined;
    if (!node) return undefined;
  }
  return node;
}

/** Dotted path of a node ('' for the root). */
export function pathOf(node: AnyStateNode): string {
  return node.path.join('.');
}

/** Every state node below the root, depth-first in definition order (history pseudo-states excluded). */
export function allStateNodes(machine: AnyStateMachine): AnyStateNode[] {
  const out: AnyStateNode[] = [];
  const visit = (node: AnyStateNode) => {
    for (const child of Object.values(node.states ?? {}) as AnyStateNode[]) {
      if (child.type === 'history') continue;
      out.push(child);
      visit(child);
    }
  };
  visit(machine.root);
  return out;
}

/** XState event descriptors: exact type, `*`, or a partial wildcard `prefix.*`. */
export function descriptorMatches(descriptor: string, eventType: string): boolean {
  if (descriptor === eventType || descriptor === '*') return true;
  if (descriptor.endsWith('.*')) {
    const prefix = descriptor.slice(0, -2);
    return eventType === prefix || eventType.startsWith(`${prefix}.`);
  }
  return false;
}

/** A transition with no target, no actions and no reenter forbids the event (it blocks ancestors). */
function isForbidden(t: { target?: unknown; actions: readonly unknown[]; reenter?: boolean }): boolean {
  return !t.target && t.actions.length === 0 && !t.reenter;
}

/**
 * True when some active leaf, or one of its ancestors up to the root, has a transition for
 * `eventType` (guards are not evaluated). The nearest node with a matching descriptor decides, so a
 * forbidden transition (`on: { X: undefined }`-style) in a child hides the parent's.
 */
export function acceptsEvent(machine: AnyStateMachine, value: StateValue, eventType: string): boolean {
  for (const leaf of leafPaths(value)) {
    let node: AnyStateNode | undefined = nodeAtPath(machine, leaf);
    while (node) {
      const matching = [...node.transitions.entries()]
        .filter(([descriptor]) => descriptorMatches(descriptor, eventType))
        .flatMap(([, ts]) => ts);
      if (matching.length > 0) {
        if (matching.some((t) => !isForbidden(t))) return true;
        break;
      }
      node = node.parent;
    }
  }
  return false;
}
