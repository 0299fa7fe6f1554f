import { HUMAN_ROLES } from '@app/engine';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class CreateUserRequestDto {
  @ApiProperty({ example: 'dept-head-2' })
  @IsString() @Matches(/^[a-z0-9][a-z0-9._-]{1,63}$/, { message: 'username: 2–64 lower-case letters, digits, dot, dash, underscore' })
  readonly username: string;

  @ApiProperty({ example: '张三' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  readonly displayName: string;

  @ApiProperty({
    example: 'Zq7!town-hall-2026',
    description: '初始密码，须符合密码规则（GET /auth/password-policy） / initial password; must satisfy the password policy (422 PASSWORD_TOO_WEAK)',
  })
  @IsString() @IsNotEmpty() @MaxLength(256)
  readonly password: string;

  @ApiProperty({ example: 'jjfzb' })
  @IsString() @IsNotEmpty() @MaxLength(64)
  readonly orgUnit: string;

  @ApiProperty({ enum: HUMAN_ROLES, isArray: true, example: ['department-head'], description: "a person's roles; 'system' (Docket's own deadline events) is refused" })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(6) @ArrayUnique() @IsIn(HUMAN_ROLES as string[], { each: true })
  readonly roles: string[];

  /** the user must change the password at first login; default: yes, except in demo mode (DOCKET_DEMO_MODE) */
  @ApiProperty({ required: false, example: true })
  @IsOptional() @IsBoolean()
  readonly mustChangePassword?: boolean;

  /** where deadline reminders are e-mailed when SMTP_URL is set (optional) */
  @ApiProperty({ required: false, example: 'zhangsan@zhangqi.gov.cn' })
  @IsOptional() @IsEmail() @MaxLength(254)
  readonly email?: string;
}
