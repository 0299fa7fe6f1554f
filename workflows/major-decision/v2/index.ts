export * from './major-decision.v2.definition';
export * from './major-decision.v2.machine';
