import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginRequestDto {
  @ApiProperty({ example: 'dept-head' })
  @IsString() @IsNotEmpty() @MaxLength(64)
  readonly username: string;

  @ApiProperty({ example: 'docket-demo' })
  @IsString() @IsNotEmpty() @MaxLength(256)
  readonly password: string;
}
