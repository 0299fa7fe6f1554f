import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorBody } from '../error-body';

/** The body of every 4xx and 5xx answer (see error-body.ts and http-exception.filter.ts). */
export class ErrorBodyResponseDto implements ErrorBody {
  @ApiProperty({ description: 'HTTP 状态码 · HTTP status', example: 422 })
  readonly statusCode: number;

  @ApiProperty({ description: '稳定的错误代码，客户端据此判断 · Stable error code for clients', example: 'OPINION_REQUIRED_BEFORE_DECISION' })
  readonly code: string;

  @ApiPropertyOptional({ description: '拒绝所依据条文的简写，供客户端和日志使用 · Short reference of the rule that refused', example: 'R713 Art. 26' })
  readonly article?: string;

  @ApiPropertyOptional({ description: '所依据条文（中文全称）· The article as a clerk reads it', example: '《重大行政决策程序暂行条例》第二十六条' })
  readonly articleZh?: string;

  @ApiProperty({ description: 'English message', example: 'A legality review opinion is required before the decision' })
  readonly message: string;

  @ApiProperty({ description: '中文提示（供办事人员阅读）· zh-CN message for the person', example: '作出决策前须经合法性审查（依据：《重大行政决策程序暂行条例》第二十六条）' })
  readonly messageZh: string;

  @ApiPropertyOptional({ description: '补充信息（如校验失败的字段）· Details, e.g. the fields that failed validation', type: 'object', additionalProperties: true })
  readonly details?: Record<string, unknown>;
}
