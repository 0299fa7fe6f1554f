import { BadRequestException, HttpException, MethodNotAllowedException, UnsupportedMediaTypeException } from '@nestjs/common';
import { fromHttpException } from './http-exception.filter';

describe('Nest exceptions in zh-CN', () => {
  it('no library text inside messageZh: its English stays in message', () => {
    const bad = fromHttpException(new BadRequestException('Validation failed (uuid v 4 is expected)'));
    expect(bad).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'Validation failed (uuid v 4 is expected)', messageZh: '提交的内容不符合要求' });
    expect(fromHttpException(new MethodNotAllowedException()).messageZh).toBe('不支持该请求方法');
    expect(fromHttpException(new UnsupportedMediaTypeException()).messageZh).toBe('不支持的内容类型，请以 JSON 提交');
    expect(fromHttpException(new HttpException('I am a teapot', 418)).messageZh).toBe('请求无法处理');
  });
});
