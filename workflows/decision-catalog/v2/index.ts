export * from './decision-catalog.v2.definition';
export * from './decision-catalog.v2.machine';
