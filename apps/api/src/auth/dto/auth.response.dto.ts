import { ApiProperty } from '@nestjs/swagger';

export class LoginResponseDto {
  @ApiProperty({ type: String })
  readonly accessToken: string;

  @ApiProperty({ type: String })
  readonly tokenType: string;
}

export class MeResponseDto {
  @ApiProperty({ type: String })
  readonly id: string;

  @ApiProperty({ type: String })
  readonly username: string;

  @ApiProperty({ type: String })
  readonly displayName: string;

  @ApiProperty({ type: String })
  readonly orgUnit: string;

  @ApiProperty({ type: String, isArray: true })
  readonly roles: string[];

  @ApiProperty({ type: 'object', additionalProperties: { type: 'object', properties: { role: { type: 'string' }, zh: { type: 'string' }, en: { type: 'string' } }, required: ['role', 'zh', 'en'] } })
  readonly roleLabels: Record<string, { role: string; zh: string; en: string }>;
}
