import { Public } from '@app/auth';
import { Body, Controller, Get, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import { ApiDoc } from '../common/api-doc';
import { UuidParamPipe } from '../common/validation.pipe';
import { LookupCommentRequestDto, SubmitCommentRequestDto } from './dto/submit-comment.request.dto';
import { ChallengeService } from './challenge';
import { CommentThrottlerGuard } from './comment-throttler.guard';
import { ParticipationKeys } from './participation-keys';
import {
  ChallengeResponseDto,
  CommentReceiptResponseDto,
  CommentStatusResponseDto,
  PublicConsultationListResponseDto,
  PublicConsultationResponseDto,
} from './dto/participation.response.dto';
import { ParticipationService } from './participation.service';

const uuid = new UuidParamPipe('征求意见事项编号', 'Consultation id');

/** The public side of consultations (公开征求意见): no login. */
@ApiTags('public')
@Public()
@Controller('public')
export class PublicParticipationController {
  constructor(
    private readonly participation: ParticipationService,
    private readonly challenges: ChallengeService,
    private readonly keys: ParticipationKeys,
  ) {}

  @ApiDoc({ zh: '正在公开征求意见的事项', en: 'Consultations open for comment', descriptionZh: '含已公告、尚未开始的。', descriptionEn: 'Those announced and not yet open included.', ok: PublicConsultationListResponseDto, public: true })
  @Get('consultations')
  list() {
    return this.participation.openConsultations();
  }

  @ApiDoc({ zh: '征求意见事项详情', en: 'One consultation', descriptionZh: '含收到的意见数和按理由统计的屏蔽数。', descriptionEn: 'With the number of comments received and those hidden, by reason.', ok: PublicConsultationResponseDto, public: true, errors: [404] })
  @Get('consultations/:caseId')
  get(@Param('caseId', uuid) caseId: string) {
    return this.participation.publicConsultation(caseId);
  }

  @ApiDoc({
    zh: '下载征求意见稿',
    en: 'Download a file of a consultation',
    descriptionZh: '仅提供该事项本轮公布的文件（征求意见稿），按其 SHA-256 下载；响应头 X-Content-SHA256 为文件的 SHA-256。',
    descriptionEn: 'Only the files the current round of the consultation published (the draft), by SHA-256; the X-Content-SHA256 header carries the digest.',
    ok: 'binary',
    public: true,
    errors: [404],
  })
  @Get('consultations/:caseId/attachments/:sha256')
  async attachment(@Param('caseId', uuid) caseId: string, @Param('sha256') sha256: string, @Res() res: Response) {
    const file = await this.participation.publicAttachment(caseId, sha256);
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader('Content-Length', String(file.content.length));
    res.setHeader('Content-Disposition', `attachment; filename="${file.sha256}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    res.setHeader('X-Content-SHA256', file.sha256);
    res.end(file.content);
  }

  @ApiDoc({ zh: '领取防刷验证（工作量证明）', en: 'A proof-of-work challenge to solve before submitting', ok: ChallengeResponseDto, public: true, errors: [429] })
  @UseGuards(CommentThrottlerGuard)
  @Get('challenge')
  challenge() {
    return this.challenges.issue();
  }

  @ApiDoc({ zh: '提交意见，返回意见编号和查询码', en: 'Submit a comment; answers a tracking number and query code', descriptionZh: '征求意见期限外提交的不予受理。', descriptionEn: 'Refused outside the comment period.', ok: CommentReceiptResponseDto, status: 201, public: true, errors: [404, 413, 422, 429] })
  @UseGuards(CommentThrottlerGuard)
  @Post('consultations/:caseId/comments')
  submit(@Param('caseId', uuid) caseId: string, @Body() dto: SubmitCommentRequestDto, @Req() req: Request) {
    return this.participation.submit(caseId, dto, this.keys.addressHash(String(req.ip ?? '')));
  }

  @ApiDoc({ zh: '凭意见编号和查询码查询办理情况', en: 'Look up a comment with its tracking number and query code', ok: CommentStatusResponseDto, public: true, errors: [404, 429] })
  @UseGuards(CommentThrottlerGuard)
  @Post('comments/lookup')
  @HttpCode(200)
  lookup(@Body() dto: LookupCommentRequestDto) {
    return this.participation.lookup(dto);
  }
}
