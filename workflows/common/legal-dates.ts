/**
 * Builders for the legal dates an event's payload states (`EventMeta.legalDates`, issue 9 §9),
 * which the runtime checks in one place for every workflow (libs/runtime/src/legal-dates.checker.ts):
 * `done` (something done: not in the future), `scheduled` (a date set ahead), `stated` (what the
 * document says), each with the prior facts it may not precede. See docs/legal-dates.md.
 * Pure: imports types only; no I/O, no clock.
 */
import type { EventMeta, LegalDateDeclaration, PriorFact } from '@app/engine';

type Opts<C> = { notBefore?: PriorFact<C>[]; article?: string };

const decl =
  (kind: LegalDateDeclaration['kind']) =>
  <C = any>(payload: string, zh: string, en: string, opts: Opts<C> = {}): LegalDateDeclaration<C> => ({
    payload,
    kind,
    label: { zh, en },
    ...(opts.notBefore ? { notBefore: opts.notBefore } : {}),
    ...(opts.article ? { article: opts.article } : {}),
  });

/** A date reporting something done (filed, published, signed): not after the day it is recorded. */
export const done = decl('done');
/** A date set ahead (a comment period, a requested completion date): before today only as 补录. */
export const scheduled = decl('scheduled');
/** A date the document states (in force from, valid until): checked only against its bounds. */
export const stated = decl('stated');

/** A prior fact of the case (read from the context before the event, or from the same payload). */
export const prior = <C = any>(zh: string, en: string, date: (context: C, payload: any) => string | null | undefined, article?: string): PriorFact<C> => ({
  label: { zh, en },
  date: ({ context, payload }) => date(context, payload),
  ...(article ? { article } : {}),
});

/** The last element of a record list (the current round's record, as the machines append them). */
export const last = <T>(xs: readonly T[] | null | undefined): T | undefined => (xs && xs.length ? xs[xs.length - 1] : undefined);

/** The events with their legal dates attached (events without an entry are left as they are). */
export function withLegalDates<T extends string>(events: Record<T, EventMeta>, dates: Partial<Record<T, LegalDateDeclaration[]>>): Record<T, EventMeta> {
  return Object.fromEntries(
    (Object.keys(events) as T[]).map((type) => {
      const own = dates[type];
      return [type, own?.length ? { ...events[type], legalDates: [...(events[type].legalDates ?? []), ...own] } : events[type]];
    }),
  ) as Record<T, EventMeta>;
}
