import { ApiProperty } from '@nestjs/swagger';

export class HealthInfoDatabaseDto {
  @ApiProperty({ type: String })
  readonly status: string;
}

export class HealthInfoDto {
  @ApiProperty({ type: () => HealthInfoDatabaseDto })
  readonly database: HealthInfoDatabaseDto;
}

export class HealthErrorDto {
}

export class HealthResponseDto {
  @ApiProperty({ type: String })
  readonly status: string;

  @ApiProperty({ type: () => HealthInfoDto })
  readonly info: HealthInfoDto;

  @ApiProperty({ type: () => HealthErrorDto })
  readonly error: HealthErrorDto;

  @ApiProperty({ type: 'object', additionalProperties: true })
  readonly details: Record<string, unknown>;
}
