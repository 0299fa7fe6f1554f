/**
 * Errors the engine throws. They signal programming or data-integrity faults (an unknown workflow
 * version, a corrupt snapshot, a malformed definition), never a refused event: refusals are
 * returned as data (`Refusal`). Each class carries a stable `code` clients and logs can switch on.
 */
export abstract class EngineError extends Error {
  abstract readonly code: string;

  constructor(message: string, readonly details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
  }
}

/** No definition is registered for this kind and version. */
export class UnknownWorkflowError extends EngineError {
  readonly code = 'UNKNOWN_WORKFLOW';

  constructor(
    readonly kind: string,
    readonly version?: number,
  ) {
    super(
      version === undefined ? `Unknown workflow "${kind}"` : `Unknown workflow "${kind}" version ${version}`,
      { kind, version },
    );
  }
}

/** A definition with the same kind and version is already registered. */
export class DuplicateWorkflowError extends EngineError {
  readonly code = 'DUPLICATE_WORKFLOW';

  constructor(
    readonly kind: string,
    readonly version: number,
  ) {
    super(`Workflow "${kind}" version ${version} is already registered`, { kind, version });
  }
}

/** A definition breaks the `WorkflowDefinition` contract (e.g. an event names a rule that does not exist). */
export class InvalidWorkflowDefinitionError extends EngineError {
  readonly code = 'INVALID_WORKFLOW_DEFINITION';

  constructor(
    readonly kind: string,
    readonly version: number,
    readonly problems: string[],
  ) {
    super(`Workflow "${kind}" version ${version} is invalid: ${problems.join('; ')}`, { kind, version, problems });
  }
}

/** A persisted snapshot cannot be resolved against the machine (corrupt, or from another machine). */
export class InvalidSnapshotError extends EngineError {
  readonly code = 'INVALID_SNAPSHOT';

  constructor(reason: string) {
    super(`Invalid persisted snapshot: ${reason}`, { reason });
  }
}

/** A timestamp is not an ISO 8601 instant with an explicit offset (`Z` or `±hh:mm`). */
export class InvalidInstantError extends EngineError {
  readonly code = 'INVALID_INSTANT';

  constructor(readonly value: unknown) {
    super(`Not an ISO 8601 instant with an offset: ${JSON.stringify(value)}`, { value });
  }
}

/** A history record cannot be appended to the given predecessor (another case). */
export class HistoryChainError extends EngineError {
  readonly code = 'HISTORY_CHAIN_BROKEN';

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}
