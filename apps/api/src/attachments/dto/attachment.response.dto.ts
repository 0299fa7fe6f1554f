import { ApiProperty } from '@nestjs/swagger';

/** A stored document: what an event's file field records is its `sha256`. */
export class AttachmentResponseDto {
  @ApiProperty({ type: String, example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', description: 'SHA-256 of the content (hex)' })
  readonly sha256: string;

  @ApiProperty({ type: Number, example: 48213, description: 'bytes' })
  readonly size: number;

  @ApiProperty({ type: String, example: 'application/pdf', description: 'told from the content, not the name' })
  readonly mediaType: string;

  @ApiProperty({ type: String, example: '实施方案（草案）.pdf' })
  readonly fileName: string;
}
