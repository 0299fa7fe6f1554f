import { ApiProperty } from '@nestjs/swagger';

/** A text in zh-CN and English (labels of kinds, states, stages, events, roles, units). */
export class LabelDto {
  @ApiProperty({ type: String, example: '合法性审查' })
  readonly zh: string;

  @ApiProperty({ type: String, example: 'Legality review' })
  readonly en: string;
}

/** Who recorded an event: the user's id, the role they acted in and their unit. */
export class ActorDto {
  @ApiProperty({ type: String, example: '547f66aa-38c0-4107-85ba-a0cf5db1a7fa' })
  readonly userId: string;

  @ApiProperty({ type: String, example: 'department-head' })
  readonly role: string;

  @ApiProperty({ type: String, example: 'jjfzb' })
  readonly orgUnit: string;
}
