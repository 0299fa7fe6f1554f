export * from './normative-document.v3.definition';
export * from './normative-document.v3.machine';
export * from './normative-document.v3.payloads';
