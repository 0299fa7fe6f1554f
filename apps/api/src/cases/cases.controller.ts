import { AuthenticatedUser, CurrentUser } from '@app/auth';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CasesService } from './cases.service';
import { CreateCaseRequestDto } from './dto/create-case.request.dto';
import { ExportCasesRequestDto, ListCasesRequestDto } from './dto/list-cases.request.dto';
import { SendEventRequestDto } from './dto/send-event.request.dto';
import { UuidParamPipe } from '../common/validation.pipe';

const uuid = new UuidParamPipe();

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateCaseRequestDto) {
    return this.cases.create(user, dto);
  }

  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() q: ListCasesRequestDto) {
    return this.cases.list(user, q);
  }

  /** What the list can be filtered by: matter types, stages, states, departments, years (labels zh-CN and English). */
  @Get('filters')
  filters() {
    return this.cases.filters();
  }

  /** Every case matching the list's filters (all pages) as CSV (UTF-8 with BOM) or XLSX. */
  @Get('export')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(@CurrentUser() user: AuthenticatedUser, @Query() q: ExportCasesRequestDto, @Res({ passthrough: true }) res: Response) {
    const file = await this.cases.export(user, q);
    const zhName = q.format === 'xlsx' ? '案件列表.xlsx' : '案件列表.csv';
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(q.lang === 'en' ? file.fileName : zhName)}`);
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(file.body);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.cases.get(user, id);
  }

  @Post(':id/events')
  @HttpCode(200)
  send(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: SendEventRequestDto) {
    return this.cases.send(user, id, dto);
  }

  @Get(':id/history')
  history(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.cases.history(user, id);
  }

  @Get(':id/verify')
  verify(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.cases.verify(user, id);
  }
}
