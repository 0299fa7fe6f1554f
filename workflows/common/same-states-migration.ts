/**
 * The migration to a version whose states are those of the version before (only a rule changed):
 * every state a running case can rest in (each non-final leaf, parallel regions aside) lands on the
 * same state, and the context is carried over unchanged. Pure: reads the machine's state-node tree
 * only; no I/O, no clock.
 */
import type { Label, StateValue, WorkflowMigration } from '@app/engine';
import type { AnyStateMachine } from 'xstate';

type Node = { key: string; type: string; states: Record<string, Node> };

/** 'a.b.c' → { a: { b: 'c' } } */
const valueOf = (path: string[]): StateValue => (path.length === 1 ? path[0] : { [path[0]]: valueOf(path.slice(1)) });

/** The active leaf states of `machine` a case can be in (non-final, outside parallel regions), as dotted paths. */
export function restingLeafPaths(machine: AnyStateMachine): string[] {
  const out: string[] = [];
  const visit = (node: Node, path: string[]) => {
    for (const child of Object.values(node.states ?? {})) {
      if (child.type === 'history' || child.type === 'final') continue;
      const p = [...path, child.key];
      if (child.type === 'parallel') continue;
      if (Object.keys(child.states ?? {}).length === 0) out.push(p.join('.'));
      else visit(child, p);
    }
  };
  visit(machine.root as unknown as Node, []);
  return out;
}

/**
 * From version `from` (whose machine is `old`): each resting leaf state to the same state; the
 * context unchanged, or given the fields the new version records (`context`, which must not mutate).
 */
export function sameStatesMigration<COld = any, CNew = COld>(old: AnyStateMachine, from: number, reason: Label, context?: (c: COld) => CNew): WorkflowMigration<COld, CNew> {
  return {
    from,
    states: Object.fromEntries(restingLeafPaths(old).map((p) => [p, valueOf(p.split('.'))])),
    ...(context ? { context } : {}),
    reason,
  };
}
