export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const CASE_REPOSITORY = Symbol('CASE_REPOSITORY');
export const USER_REPOSITORY = Symbol('USER_REPOSITORY');
export const DEADLINE_REPOSITORY = Symbol('DEADLINE_REPOSITORY');
