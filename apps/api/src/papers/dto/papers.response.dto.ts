import { ApiProperty } from '@nestjs/swagger';
import { LabelDto } from '../../common/dto/common.response.dto';
import { PAPER_KINDS } from '../papers.renderer';

export class PaperListItemDto {
  @ApiProperty({ enum: PAPER_KINDS, example: 'review-opinion', description: '文书（GET /cases/:id/papers/:paper 的 paper） · The paper, as GET /cases/:id/papers/:paper takes it' })
  readonly paper: string;

  @ApiProperty({ type: () => LabelDto, description: '文书名称 · Title' })
  readonly title: LabelDto;

  @ApiProperty({ type: 'integer', example: 9, description: '据以生成的记录序号 · The history record it is printed from' })
  readonly seq: number;

  @ApiProperty({ type: String, format: 'date-time', description: '该记录的时间 · When that record was made' })
  readonly at: string;
}

export class PaperListResponseDto {
  @ApiProperty({ type: String })
  readonly caseId: string;

  @ApiProperty({ type: () => PaperListItemDto, isArray: true, description: '本案已有记录可生成的文书 · The papers the case has a record for' })
  readonly items: PaperListItemDto[];
}
