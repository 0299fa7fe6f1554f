import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The temporary password an administrator gives a user (told to them out of band). */
export class ResetPasswordRequestDto {
  @ApiProperty({ example: 'Tmp#2026-zhangqi', description: '临时密码，须符合密码规则 / temporary password; must satisfy the password policy' })
  @IsString() @IsNotEmpty() @MaxLength(256)
  readonly temporaryPassword: string;
}
