export * from './party-normative-document.definition';
export * from './party-normative-document.machine';
export * from './party-normative-document.payloads';
