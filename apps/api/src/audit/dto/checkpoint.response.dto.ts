import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CheckpointResponseDto {
  @ApiProperty({ type: String })
  readonly format: string;

  @ApiProperty({ type: 'integer' })
  readonly seq: number;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly createdAt: string;

  @ApiProperty({ type: 'integer' })
  readonly treeSize: number;

  @ApiProperty({ type: String })
  readonly rootHash: string;

  @ApiProperty({ type: String })
  readonly prevCheckpointHash: string;

  @ApiProperty({ type: String })
  readonly logRoot: string;

  @ApiProperty({ type: 'integer' })
  readonly heads: number;

  @ApiProperty({ type: String })
  readonly keyId: string;

  @ApiProperty({ type: String })
  readonly signature: string;

  @ApiPropertyOptional({ type: String, description: '检查点的哈希（生成时在外层给出）· The checkpoint hash (given beside it when made)' })
  readonly hash?: string;
}

export class CheckpointCreatedResponseDto {
  @ApiProperty({ type: () => CheckpointResponseDto })
  readonly checkpoint: CheckpointResponseDto;

  @ApiProperty({ type: 'integer' })
  readonly anchored: number;

  @ApiProperty({ type: String, isArray: true, description: '案件头与已锚定记录冲突的案件 · Cases whose head conflicts with their anchor' })
  readonly conflicts: string[];

  @ApiProperty({ type: 'integer' })
  readonly ms: number;

  @ApiProperty({ type: String })
  readonly hash: string;
}

export class CheckpointListKeyDto {
  @ApiProperty({ type: String })
  readonly keyId: string;

  @ApiProperty({ type: String })
  readonly algorithm: string;

  @ApiProperty({ type: String })
  readonly spki: string;
}

export class CheckpointListResponseDto {
  @ApiProperty({ type: 'integer' })
  readonly total: number;

  @ApiProperty({ type: () => CheckpointResponseDto, isArray: true })
  readonly items: CheckpointResponseDto[];

  @ApiProperty({ type: () => CheckpointListKeyDto, isArray: true })
  readonly keys: CheckpointListKeyDto[];
}

export class CheckpointKeyResponseDto {
  @ApiProperty({ type: String })
  readonly keyId: string;

  @ApiProperty({ type: String })
  readonly algorithm: string;

  @ApiProperty({ type: String })
  readonly spki: string;
}

export class ConsistencyProofProofDto {
  @ApiProperty({ type: 'integer' })
  readonly seq: number;

  @ApiProperty({ type: 'integer' })
  readonly toSeq: number;

  @ApiProperty({ type: String, isArray: true })
  readonly inclusion: string[];

  @ApiProperty({ type: String, isArray: true })
  readonly consistency: string[];
}

export class ConsistencyProofResponseDto {
  @ApiProperty({ type: () => CheckpointResponseDto })
  readonly from: CheckpointResponseDto;

  @ApiProperty({ type: () => CheckpointResponseDto })
  readonly to: CheckpointResponseDto;

  @ApiProperty({ type: () => ConsistencyProofProofDto })
  readonly proof: ConsistencyProofProofDto;
}
