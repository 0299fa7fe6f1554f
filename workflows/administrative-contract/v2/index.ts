export * from './administrative-contract.definition';
export * from './administrative-contract.machine';
