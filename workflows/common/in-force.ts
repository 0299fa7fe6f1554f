/**
 * 现行有效 — one definition of "in force on a day" for normative documents (issue 9 §11), read by
 * the annual report (in force at year end) and by cleanup campaigns (the documents to review):
 *
 *   a document is in force on day D when it has been published (a text is in effect: 已公布),
 *   it has not been repealed, declared expired or withdrawn, and D is not after the last day of
 *   its validity (有效期, when the document states one).
 *
 * A published document still awaiting filing is in force: it is published and binding (filing is
 * a duty of the issuer, not a condition of validity), so the campaign reviews it too. A document
 * whose validity ended is not in force on any later day, even before the system has moved the case
 * to `expired`. During an amendment the text in effect stays in force until the new one is
 * published. Pure: no I/O, no clock.
 */

/** States after which a document is not in force whatever its dates. */
export const ENDED_STATES: readonly string[] = ['repealed', 'expired', 'withdrawn'];

/** What the definition reads of a document case. */
export interface DocumentStanding {
  /** the top-level state the case is in (for a parallel or compound state: its top-level name) */
  state: string;
  /** a text has been published (PUBLISH_DOCUMENT / ISSUE_DOCUMENT) */
  published: boolean;
  /** the last day of validity of the text in effect (YYYY-MM-DD), null when none is stated */
  validUntil: string | null;
}

/** Whether the document is 现行有效 on `day` (YYYY-MM-DD, Asia/Shanghai). */
export function inForceOn(doc: DocumentStanding, day: string): boolean {
  if (!doc.published) return false;
  if (ENDED_STATES.includes(doc.state)) return false;
  return !doc.validUntil || day <= doc.validUntil;
}

/** The top-level state of a state value (`'inForce'`, `{ inForce: 'effective' }`, `{ filing: {...} }`). */
export function topState(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') return Object.keys(value)[0] ?? '';
  return '';
}

/** A normative-document case's standing from its state value and context (the case as stored). */
export function standingOfCase(value: unknown, context: { inEffect?: { validUntil?: string } | null } | null | undefined): DocumentStanding {
  const inEffect = context?.inEffect ?? null;
  return { state: topState(value), published: !!inEffect, validUntil: inEffect?.validUntil ?? null };
}

/**
 * A document case's standing from its history up to a moment (the records before it, in seq order):
 * the state after the last one, published once `publishEvent` was recorded, the validity the last
 * publication stated (`validUntil` of its payload).
 */
export function standingOfRecords(records: ReadonlyArray<{ type: string; stateAfter: unknown; payload: unknown }>, publishEvent: string): DocumentStanding {
  const last = records[records.length - 1];
  const publications = records.filter((r) => r.type === publishEvent);
  const lastPublication = publications[publications.length - 1];
  const validUntil = (lastPublication?.payload as { validUntil?: unknown } | null | undefined)?.validUntil;
  return {
    state: topState(last?.stateAfter),
    published: publications.length > 0,
    validUntil: typeof validUntil === 'string' ? validUntil : null,
  };
}
