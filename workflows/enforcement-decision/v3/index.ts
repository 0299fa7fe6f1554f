export * from './enforcement-decision.definition';
export * from './enforcement-decision.machine';
export * as payloads from './enforcement-decision.payloads';
