import { AuthenticatedUser, CurrentUser } from '@app/auth';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CasesService } from './cases.service';
import { CreateCaseRequestDto } from './dto/create-case.request.dto';
import { ExportCasesRequestDto, ListCasesRequestDto } from './dto/list-cases.request.dto';
import { SendEventRequestDto } from './dto/send-event.request.dto';
import { UuidParamPipe } from '../common/validation.pipe';
import { ApiDoc } from '../common/api-doc';
import { CaseDetailResponseDto, CaseEventResponseDto, CaseFiltersResponseDto, CaseHistoryResponseDto, CaseListResponseDto, CaseResponseDto, CaseVerificationResponseDto } from './dto/case.response.dto';

const uuid = new UuidParamPipe();

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @ApiDoc({ zh: '创建案件', en: 'Create a case', ok: CaseDetailResponseDto, status: 201, errors: [404, 409, 422] })
  @Post()
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateCaseRequestDto) {
    return this.cases.create(user, dto);
  }

  @ApiDoc({ zh: '列出案件', en: 'List cases', ok: CaseListResponseDto })
  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() q: ListCasesRequestDto) {
    return this.cases.list(user, q);
  }

  /** What the list can be filtered by: matter types, stages, states, departments, years (labels zh-CN and English). */
  @ApiDoc({ zh: '案件列表的筛选项', en: 'Filters of the case list', descriptionZh: '事项类型、阶段、状态、单位、年度（中英文标签）。', descriptionEn: 'Matter types, stages, states, departments, years (zh-CN and English labels).', ok: CaseFiltersResponseDto })
  @Get('filters')
  filters() {
    return this.cases.filters();
  }

  /** Every case matching the list's filters (all pages) as CSV (UTF-8 with BOM) or XLSX. */
  @ApiDoc({ zh: '导出案件列表（CSV / XLSX）', en: 'Export the case list (CSV / XLSX)', descriptionZh: '按列表的筛选条件导出全部页（CSV 为带 BOM 的 UTF-8）。', descriptionEn: 'Every page matching the list filters (CSV is UTF-8 with a BOM).', ok: 'binary' })
  @Get('export')
  async export(@CurrentUser() user: AuthenticatedUser, @Query() q: ExportCasesRequestDto, @Res({ passthrough: true }) res: Response) {
    const file = await this.cases.export(user, q);
    const zhName = q.format === 'xlsx' ? '案件列表.xlsx' : '案件列表.csv';
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(q.lang === 'en' ? file.fileName : zhName)}`);
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(file.body);
  }

  @ApiDoc({ zh: '案件详情', en: 'Get a case', descriptionZh: '含调用者现在可办理的事项、案卷记录和未办结的期限。', descriptionEn: 'With the events the caller may send now, the case file and the open deadlines.', ok: CaseResponseDto, errors: [404] })
  @Get(':id')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.cases.get(user, id);
  }

  @ApiDoc({ zh: '办理事项（发送事件）', en: 'Send an event', descriptionZh: '提交内容的字段见 GET /workflows/{kind}/{version} 中该事项的 payloadSchema。', descriptionEn: "The payload's fields: the event's payloadSchema in GET /workflows/{kind}/{version}.", ok: CaseEventResponseDto, errors: [404, 409, 422] })
  @Post(':id/events')
  @HttpCode(200)
  send(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: SendEventRequestDto) {
    return this.cases.send(user, id, dto);
  }

  @ApiDoc({ zh: '案件历史记录', en: 'Case history', ok: CaseHistoryResponseDto, errors: [404] })
  @Get(':id/history')
  history(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.cases.history(user, id);
  }

  @ApiDoc({ zh: '校验案件记录（哈希链、重放、检查点）', en: 'Verify a case (hash chain, replay, checkpoints)', ok: CaseVerificationResponseDto, errors: [404] })
  @Get(':id/verify')
  verify(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.cases.verify(user, id);
  }
}
