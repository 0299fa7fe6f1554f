export * from './enforcement-decision.definition';
export * from './enforcement-decision.machine';
export * from './enforcement-decision.payloads';
