/**
 * Marks an event as a standing option (withdrawing, amending, maintaining a catalog): always open
 * while its state lasts, so it is not listed as a to-do. Pure.
 */
export const standing = <T extends object>(event: T): T & { standing: true } => ({ ...event, standing: true });
