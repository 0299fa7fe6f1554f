import { RequireRoles } from '@app/auth';
import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { renderAnnualReportHtml } from './annual-report.html';
import { AnnualReportRequestDto } from './dto/annual-report.request.dto';
import { ReportsService } from './reports.service';
import { ApiDoc } from '../common/api-doc';
import { AnnualReportDrillResponseDto, AnnualReportResponseDto } from './dto/annual-report.response.dto';

const READERS = ['town-head', 'legal-reviewer', 'auditor', 'admin', 'secretary'] as const;

/** The year's figures (issue 5 §7): JSON, a zh-CN page, and the cases behind each figure. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @ApiDoc({ zh: '年度报告（可打印页面）', en: 'Annual report as a printable page', ok: 'html' })
  @Get('annual.html')
  @RequireRoles(...READERS)
  @Header('Content-Type', 'text/html; charset=utf-8')
  async annualHtml(@Query() q: AnnualReportRequestDto) {
    const { report } = await this.reports.annual(q.year);
    return renderAnnualReportHtml(report, townOf(report.catalog?.title, q.year));
  }

  @ApiDoc({ zh: '年度报告', en: 'Annual report', descriptionZh: '?drill=KEY 答复该项数据背后的案件；?format=html 答复可打印页面。', descriptionEn: '?drill=KEY answers the cases behind that figure; ?format=html the printable page.', ok: AnnualReportResponseDto, okAlternatives: [AnnualReportDrillResponseDto], alsoHtml: true, errors: [404] })
  @Get('annual')
  @RequireRoles(...READERS)
  async annual(@Query() q: AnnualReportRequestDto, @Res({ passthrough: true }) res: Response) {
    if (q.drill) return this.reports.drill(q.year, q.drill);
    if (q.format === 'html') {
      // the same page as /annual.html
      res.type('text/html; charset=utf-8');
      return this.annualHtml(q);
    }
    return (await this.reports.annual(q.year)).report;
  }
}

/** The town as the catalog names it (掌起镇2020年… → 掌起镇), else 本镇. */
export function townOf(title: string | undefined, year: number): string {
  const head = title?.split(`${year}年`)[0]?.trim();
  return head ? head : '本镇';
}
