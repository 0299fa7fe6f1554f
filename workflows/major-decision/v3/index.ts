export * from './major-decision.v3.definition';
export * from './major-decision.v3.machine';
export * from './major-decision.v3.payloads';
