export * from './normative-document.definition';
export * from './normative-document.machine';
export * from './normative-document.payloads';
