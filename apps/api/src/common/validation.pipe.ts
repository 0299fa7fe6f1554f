import { validationFailed, validationProblems } from '@app/runtime';
import { ArgumentMetadata, Injectable, ParseUUIDPipe, ValidationPipe } from '@nestjs/common';
import { REQUEST_FIELD_TITLES, requestFieldTitle } from './request-field-titles';

/**
 * Request DTOs: unknown fields are refused, failures answer 400 VALIDATION_FAILED naming each
 * field by its zh-CN title (payload fields by the workflows' tables, the rest by REQUEST_FIELD_TITLES).
 */
export const docketValidationPipe = () =>
  new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    // the failing object is kept on each error: its class names the field and holds the constraints' limits
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => validationFailed(validationProblems(errors, '', requestFieldTitle)),
  });

/**
 * A UUID v4 in the path: answers 400 VALIDATION_FAILED naming the parameter in zh-CN
 * (案件编号格式不正确), never Nest's "Validation failed (uuid v 4 is expected)".
 */
@Injectable()
export class UuidParamPipe extends ParseUUIDPipe {
  constructor(private readonly titleZh = '案件编号', private readonly titleEn = 'Case id') {
    super({ version: '4' });
  }

  override async transform(value: string, meta: ArgumentMetadata): Promise<string> {
    try {
      return await super.transform(value, meta);
    } catch {
      const field = meta.data ?? 'id';
      const en = `${field} must be a UUID (version 4)`;
      const zh = '格式不正确';
      throw validationFailed([
        { field, title: { zh: this.titleZh, en: this.titleEn }, problems: [en], problemsZh: [zh], constraints: [{ code: 'isUUID', zh, en }] },
      ]);
    }
  }
}

export { REQUEST_FIELD_TITLES };
