import { validationFailed } from '@app/runtime';
import { ValidationError, ValidationPipe } from '@nestjs/common';

function flatten(errors: ValidationError[], prefix = ''): Array<{ field: string; problems: string[] }> {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    return [
      ...(e.constraints ? [{ field, problems: Object.values(e.constraints) }] : []),
      ...flatten(e.children ?? [], field),
    ];
  });
}

/** Request DTOs: unknown fields are refused, failures answer 400 VALIDATION_FAILED with the fields. */
export const docketValidationPipe = () =>
  new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
