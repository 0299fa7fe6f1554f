import { ApiProperty } from '@nestjs/swagger';

export class QueueSessionStatusResponseDto {
  @ApiProperty({ type: Boolean })
  readonly available: boolean;

  @ApiProperty({ type: String, nullable: true, example: '/api/v1/admin/queues' })
  readonly dashboard: string | null;
}

export class QueueSessionOpenedResponseDto {
  @ApiProperty({ type: String, example: '/api/v1/admin/queues' })
  readonly dashboard: string;
}
