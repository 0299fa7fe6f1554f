export * from './normative-document.v2.definition';
export * from './normative-document.v2.machine';
