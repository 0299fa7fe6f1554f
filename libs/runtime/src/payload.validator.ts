import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { validationFailed } from './runtime.errors';
import { validationProblems } from './validation-problems';

/**
 * Validates an event payload against its class: unknown fields are refused (not silently
 * dropped), so what is stored in history is exactly what the client sent and was checked.
 * Returns a deep copy of the plain payload.
 */
export async function validatePayload(cls: (new () => object) | undefined, payload: unknown, field = 'payload'): Promise<unknown> {
  const plain = payload === undefined || payload === null ? {} : payload;
  if (typeof plain !== 'object' || Array.isArray(plain)) {
    throw validationFailed([{ field, title: { zh: '事项内容', en: 'Payload' }, problems: [`${field} must be an object`], problemsZh: ['应为对象'], constraints: [{ code: 'isObject', zh: '应为对象', en: `${field} must be an object` }] }]);
  }
  if (cls) {
    const instance = plainToInstance(cls, plain);
    const errors = await validate(instance as object, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
    });
    if (errors.length) throw validationFailed(validationProblems(errors, field));
  } else if (Object.keys(plain as object).length) {
    throw validationFailed([{ field, title: { zh: '事项内容', en: 'Payload' }, problems: ['this event takes no payload'], problemsZh: ['此事项不需要填写内容'], constraints: [{ code: 'noPayload', zh: '此事项不需要填写内容', en: 'this event takes no payload' }] }]);
  }
  return JSON.parse(JSON.stringify(plain));
}
