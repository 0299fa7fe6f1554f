export * from './decision-catalog.definition';
export * from './decision-catalog.machine';
export * from './decision-catalog.payloads';
