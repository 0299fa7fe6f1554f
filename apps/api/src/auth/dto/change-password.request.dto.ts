import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** A user sets their own password: the current one, and a new one satisfying the password policy. */
export class ChangePasswordRequestDto {
  @ApiProperty({ example: 'docket-demo', description: '当前密码 / the current password' })
  @IsString() @IsNotEmpty() @MaxLength(256)
  readonly currentPassword: string;

  @ApiProperty({
    example: 'Zq7!town-hall-2026',
    description: '新密码：至少 PASSWORD_MIN_LENGTH（默认 10）个字符，包含小写字母、大写字母、数字、其他符号中的至少 PASSWORD_MIN_CLASSES（默认 3）类 / the new password (policy: PASSWORD_MIN_LENGTH, PASSWORD_MIN_CLASSES)',
  })
  @IsString() @IsNotEmpty() @MaxLength(256)
  readonly newPassword: string;
}
