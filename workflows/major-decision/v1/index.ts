export * from './major-decision.definition';
export * from './major-decision.dossier';
export * from './major-decision.machine';
export * from './major-decision.payloads';
