import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, MaxLength, ValidateIf } from 'class-validator';

export class UpdateUserEmailRequestDto {
  /** where deadline reminders are e-mailed when SMTP_URL is set; null stops them */
  @ApiProperty({ type: String, nullable: true, example: 'zhangsan@zhangqi.gov.cn' })
  @ValidateIf((_, v) => v !== null) @IsEmail() @MaxLength(254)
  readonly email: string | null;
}
