import { AuthenticatedUser, CurrentUser } from '@app/auth';
import { DocketError } from '@app/runtime';
import { Controller, Get, Injectable, Param, PipeTransform, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from '../common/api-doc';
import { UuidParamPipe } from '../common/validation.pipe';
import { PAPER_KINDS, PAPER_TITLES, PaperKind } from './papers.renderer';
import { PapersService } from './papers.service';
import { PaperListResponseDto } from './dto/papers.response.dto';

const uuid = new UuidParamPipe();

/** A paper's name in a path: one of PAPER_KINDS. */
@Injectable()
export class PaperParamPipe implements PipeTransform<unknown, PaperKind> {
  transform(value: unknown): PaperKind {
    if (typeof value !== 'string' || !(PAPER_KINDS as readonly string[]).includes(value)) {
      throw new DocketError(
        400,
        'VALIDATION_FAILED',
        `文书类型应为以下之一：${PAPER_KINDS.map((k) => PAPER_TITLES[k].zh).join('、')}`,
        `paper must be one of ${PAPER_KINDS.join(', ')}`,
        undefined,
        { field: 'paper' },
      );
    }
    return value as PaperKind;
  }
}

@ApiTags('papers')
@ApiBearerAuth()
@Controller('cases')
export class PapersController {
  constructor(private readonly papers: PapersService) {}

  @Get(':id/papers')
  @ApiDoc({
    zh: '本案可打印的文书',
    en: 'The papers a case can print',
    descriptionZh: '本案已有记录可据以生成的文书及其所据记录。',
    descriptionEn: 'The papers the case has a record for, each with the record it is printed from.',
    ok: PaperListResponseDto,
    errors: [404],
  })
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.papers.list(user, id);
  }

  @Get(':id/papers/:paper')
  @ApiParam({ name: 'paper', enum: PAPER_KINDS, description: PAPER_KINDS.map((k) => `${k}: ${PAPER_TITLES[k].zh} / ${PAPER_TITLES[k].en}`).join('; ') })
  @ApiDoc({
    zh: '打印文书（A4）：工作联系单、审查意见书、会议纪要、备案报告、公告',
    en: 'A printable paper (A4): liaison form, review opinion, minutes, filing report, notice',
    descriptionZh: '由案件记录生成的 A4 公文页面（HTML，含打印样式）；本案尚无相应记录时返回 404。',
    descriptionEn: 'An A4 page (HTML with print CSS) generated from the case records; 404 PAPER_NOT_AVAILABLE while the case has no such record.',
    ok: 'html',
    errors: [404],
  })
  async paper(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuid) id: string,
    @Param('paper', new PaperParamPipe()) paper: PaperKind,
    @Res({ passthrough: true }) res: Response,
  ) {
    const html = await this.papers.render(user, id, paper);
    // set once the page exists: a refusal stays a JSON error body
    res.type('text/html; charset=utf-8');
    return html;
  }
}
