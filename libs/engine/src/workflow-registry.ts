import { DuplicateWorkflowError, InvalidWorkflowDefinitionError, UnknownWorkflowError } from './engine.errors';
import { allStateNodes, pathOf } from './machine-nodes';
import type { WorkflowDefinition } from './types';

/**
 * Checks a definition against the `WorkflowDefinition` contract: every state node (leaf and
 * compound, history pseudo-states aside) has `states` metadata whose stage is declared, every
 * event (and `create`) names at least one role and only existing rules, every migration comes
 * from an earlier version (once) and maps onto states of this version, and every deadline's
 * `onMissed` event exists, names the `system` role and belongs to a `due` deadline.
 * Returns the problems found (empty when valid). Pure.
 */
export function definitionProblems(def: WorkflowDefinition): string[] {
  const problems: string[] = [];
  for (const node of allStateNodes(def.machine)) {
    const path = pathOf(node);
    const meta = def.states[path];
    if (!meta) problems.push(`state "${path}" has no entry in states`);
    else if (!Object.prototype.hasOwnProperty.call(def.stages, meta.stage)) {
      problems.push(`state "${path}" names undeclared stage "${meta.stage}"`);
    }
  }
  const events: Array<[string, { roles: unknown[]; rules?: string[] }]> = [
    [def.create.type, def.create],
    ...Object.entries(def.events),
  ];
  for (const [type, meta] of events) {
    if (!meta.roles?.length) problems.push(`event "${type}" names no role`);
    for (const rule of meta.rules ?? []) {
      if (!Object.prototype.hasOwnProperty.call(def.rules, rule)) problems.push(`event "${type}" names unknown rule "${rule}"`);
    }
  }
  // a missed deadline's event is sent by Docket itself: it must exist and be the system role's
  for (const d of def.deadlines ?? []) {
    if (!d.onMissed) continue;
    const meta = def.events[d.onMissed.event];
    if (!meta) problems.push(`deadline "${d.key}": onMissed names unknown event "${d.onMissed.event}"`);
    else if (!meta.roles.includes('system')) problems.push(`deadline "${d.key}": onMissed event "${d.onMissed.event}" does not name the system role`);
    if (d.type !== 'due') problems.push(`deadline "${d.key}": onMissed needs a 'due' deadline (a minimum period is never missed)`);
  }
  const froms = new Set<number>();
  for (const m of def.migrations ?? []) {
    if (!Number.isInteger(m.from) || m.from < 1 || m.from >= def.version) problems.push(`migration from v${m.from}: must come from an earlier version`);
    if (froms.has(m.from)) problems.push(`migration from v${m.from} declared twice`);
    froms.add(m.from);
    for (const [oldState, target] of Object.entries(m.states)) {
      try {
        def.machine.resolveState({ value: target, context: {} } as never);
      } catch {
        problems.push(`migration from v${m.from}: "${oldState}" maps to ${JSON.stringify(target)}, which is no state of v${def.version}`);
      }
    }
  }
  return problems;
}

/**
 * The workflow definitions known to a process, keyed by kind and version. The registry holds
 * definitions it is given (it never imports `workflows/`) and validates each one on `register`.
 * No I/O; a plain in-memory map.
 */
export class WorkflowRegistry {
  private readonly byKind = new Map<string, Map<number, WorkflowDefinition>>();

  constructor(defs: readonly WorkflowDefinition[] = []) {
    for (const def of defs) this.register(def);
  }

  /**
   * Adds a definition. Throws `DuplicateWorkflowError` if this kind and version is already
   * registered, `InvalidWorkflowDefinitionError` if it breaks the contract (see `definitionProblems`).
   */
  register(def: WorkflowDefinition): this {
    const versions = this.byKind.get(def.kind) ?? new Map<number, WorkflowDefinition>();
    if (versions.has(def.version)) throw new DuplicateWorkflowError(def.kind, def.version);
    if (!Number.isInteger(def.version) || def.version < 1) {
      throw new InvalidWorkflowDefinitionError(def.kind, def.version, ['version must be a positive integer']);
    }
    const problems = definitionProblems(def);
    if (problems.length) throw new InvalidWorkflowDefinitionError(def.kind, def.version, problems);
    versions.set(def.version, def);
    this.byKind.set(def.kind, versions);
    return this;
  }

  /** The definition of `kind` at `version`; throws `UnknownWorkflowError` (code UNKNOWN_WORKFLOW). */
  get(kind: string, version: number): WorkflowDefinition {
    const def = this.byKind.get(kind)?.get(version);
    if (!def) throw new UnknownWorkflowError(kind, version);
    return def;
  }

  /** Whether `kind` at `version` is registered. */
  has(kind: string, version: number): boolean {
    return this.byKind.get(kind)?.has(version) ?? false;
  }

  /** The highest registered version of `kind` (used for new cases); throws `UnknownWorkflowError`. */
  latest(kind: string): WorkflowDefinition {
    const versions = this.byKind.get(kind);
    if (!versions || versions.size === 0) throw new UnknownWorkflowError(kind);
    return versions.get(Math.max(...versions.keys()))!;
  }

  /** Every registered definition, by kind (registration order) then ascending version. */
  list(): WorkflowDefinition[] {
    return [...this.byKind.values()].flatMap((versions) => [...versions.values()].sort((a, b) => a.version - b.version));
  }
}
