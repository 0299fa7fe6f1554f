import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

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

/** One finding of a verification: which check, at which event, why, in English and zh-CN. */
export class VerdictFindingDto {
  @ApiProperty({ enum: ['FAIL', 'WARN'], example: 'FAIL', description: '严重程度 · FAIL: the record was changed; WARN: not yet anchored' })
  readonly severity: 'FAIL' | 'WARN';

  @ApiProperty({ enum: ['chain', 'replay', 'stored', 'checkpoint'], example: 'chain', description: '哪项检查 · Which check found it' })
  readonly check: 'chain' | 'replay' | 'stored' | 'checkpoint';

  @ApiProperty({ type: 'integer', nullable: true, example: 3, description: '所涉第一条事件的序号（检查点证据本身有误时为空） · The first event concerned; null for a fault of the checkpoint evidence' })
  readonly seq: number | null;

  @ApiProperty({ type: String, example: 'edited', description: '原因 · edited, inserted, deleted, reordered, truncated, replay-diverged, unanchored-tail, checkpoint-invalid …' })
  readonly reason: string;

  @ApiPropertyOptional({ type: 'integer', isArray: true, minItems: 2, maxItems: 2, example: [3, 7], description: '经检查点发现时，改动所在的事件范围 · For a mismatch found through a checkpoint: the change lies in [from, to]' })
  readonly range?: [number, number];

  @ApiProperty({ type: String, description: 'English' })
  readonly message: string;

  @ApiProperty({ type: String, description: '中文说明' })
  readonly messageZh: string;
}
