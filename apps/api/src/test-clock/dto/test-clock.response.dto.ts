import { ApiProperty } from '@nestjs/swagger';

export class TestClockResponseDto {
  @ApiProperty({ type: String, format: 'date-time' })
  readonly now: string;
}
