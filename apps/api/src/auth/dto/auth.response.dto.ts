import { ApiProperty } from '@nestjs/swagger';
import { LabelDto } from '../../common/dto/common.response.dto';

export class LoginResponseDto {
  @ApiProperty({ type: String })
  readonly accessToken: string;

  @ApiProperty({ type: String })
  readonly tokenType: string;
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
}
