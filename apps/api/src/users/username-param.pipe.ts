import { DocketError } from '@app/runtime';
import { Injectable, PipeTransform } from '@nestjs/common';

/** A username in a path: 1–64 characters without control characters, as CreateUserRequestDto allows. */
@Injectable()
export class UsernameParamPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value !== 'string' || !value || value.length > 64 || /[\u0000-\u001f\u007f]/.test(value)) {
      throw new DocketError(400, 'VALIDATION_FAILED', '用户名格式不正确', 'Not a username', undefined, { field: 'username' });
    }
    return value;
  }
}
