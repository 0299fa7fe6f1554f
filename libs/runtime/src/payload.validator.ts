import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { validationFailed } from './runtime.errors';

function flatten(errors: ValidationError[], prefix: string): Array<{ field: string; problems: string[] }> {
  const out: Array<{ field: string; problems: string[] }> = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) out.push({ field, problems: Object.values(e.constraints) });
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

/**
 * Validates an event payload against its class: unknown fields are refused (not silently
 * dropped), so what is stored in history is exactly what the client sent and was checked.
 * Returns a deep copy of the plain payload.
 */
export async function validatePayload(cls: (new () => object) | undefined, payload: unknown, field = 'payload'): Promise<unknown> {
  const plain = payload === undefined || payload === null ? {} : payload;
  if (typeof plain !== 'object' || Array.isArray(plain)) {
    throw validationFailed([{ field, problems: [`${field} must be an object`] }]);
  }
  if (cls) {
    const instance = plainToInstance(cls, plain);
    const errors = await validate(instance as object, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
    });
    if (errors.length) throw validationFailed(flatten(errors, field));
  } else if (Object.keys(plain as object).length) {
    throw validationFailed([{ field, problems: ['this event takes no payload'] }]);
  }
  return JSON.parse(JSON.stringify(plain));
}
