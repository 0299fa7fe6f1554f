/**
 * Small class-validator building blocks shared by workflow payload classes.
 * Pure decorators: no I/O, no clock.
 */
import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/** A calendar day, read in Asia/Shanghai by the runtime: `YYYY-MM-DD`. */
export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** An instant with an explicit offset (`Z` or `±hh:mm`), so it is never read in a server's local zone. */
export const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A SHA-256 digest, lower-case hex. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Upper bounds for free text. */
export const SHORT_TEXT = 500;
export const LONG_TEXT = 20_000;
/** Upper bound for list fields (channels, participants, legal bases, …). */
export const MAX_ITEMS = 200;

/** True when `value` is a `YYYY-MM-DD` string naming a day that exists (no 2024-02-30). */
export function isRealDate(value: unknown): boolean {
  if (typeof value !== 'string' || !DATE_ONLY.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  if (y < 1900 || y > 2999) return false;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d;
}

/** Checks that a `YYYY-MM-DD` string is a real calendar date (use together with `@Matches(DATE_ONLY)`). */
export function IsRealDate(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isRealDate',
      validator: {
        validate: (value): boolean => isRealDate(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a real calendar date (YYYY-MM-DD)`, validationOptions),
      },
    },
    validationOptions,
  );
}
