import { ApiProperty } from '@nestjs/swagger';
import { LabelDto } from '../../common/dto/common.response.dto';

export class LoginResponseDto {
  @ApiProperty({ type: String })
  readonly accessToken: string;

  @ApiProperty({ type: String })
  readonly tokenType: string;

  @ApiProperty({ type: Boolean, description: 'true: every endpoint but POST /auth/password, POST /auth/logout and GET /auth/me answers 403 PASSWORD_CHANGE_REQUIRED until the password is changed' })
  readonly mustChangePassword: boolean;
}

/** The password policy (PASSWORD_MIN_LENGTH, PASSWORD_MIN_CLASSES) and its text for a form. */
export class PasswordPolicyResponseDto {
  @ApiProperty({ type: 'integer', example: 10 })
  readonly minLength: number;

  @ApiProperty({ type: 'integer', example: 3, description: 'how many of lower-case, upper-case, digits, other characters' })
  readonly minClasses: number;

  @ApiProperty({ type: String, example: '至少 10 个字符，包含小写字母、大写字母、数字、其他字符中的至少 3 类' })
  readonly descriptionZh: string;

  @ApiProperty({ type: String })
  readonly description: string;
}

export class RoleLabelDto extends LabelDto {
  @ApiProperty({ type: String, example: 'legal-reviewer' })
  readonly role: string;
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

  @ApiProperty({ type: () => RoleLabelDto, isArray: true })
  readonly roleLabels: RoleLabelDto[];

  @ApiProperty({ type: Boolean })
  readonly mustChangePassword: boolean;
}
