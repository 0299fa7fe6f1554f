import { Public } from '@app/auth';
import { Body, Controller, Get, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '../common/validation.pipe';
import { LookupCommentRequestDto, SubmitCommentRequestDto } from './dto/submit-comment.request.dto';
import { ChallengeService } from './challenge';
import { CommentThrottlerGuard } from './comment-throttler.guard';
import { ParticipationKeys } from './participation-keys';
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

  @ApiOperation({ summary: '正在公开征求意见的事项 / Consultations open for comment' })
  @Get('consultations')
  list() {
    return this.participation.openConsultations();
  }

  @ApiOperation({ summary: '征求意见事项详情 / One consultation' })
  @Get('consultations/:caseId')
  get(@Param('caseId', uuid) caseId: string) {
    return this.participation.publicConsultation(caseId);
  }

  @ApiOperation({ summary: '领取防刷验证（工作量证明）/ A proof-of-work challenge to solve before submitting' })
  @UseGuards(CommentThrottlerGuard)
  @Get('challenge')
  challenge() {
    return this.challenges.issue();
  }

  @ApiOperation({ summary: '提交意见，返回意见编号和查询码 / Submit a comment; answers a tracking number and query code' })
  @UseGuards(CommentThrottlerGuard)
  @Post('consultations/:caseId/comments')
  submit(@Param('caseId', uuid) caseId: string, @Body() dto: SubmitCommentRequestDto, @Req() req: Request) {
    return this.participation.submit(caseId, dto, this.keys.addressHash(String(req.ip ?? '')));
  }

  @ApiOperation({ summary: '凭意见编号和查询码查询办理情况 / Look up a comment with its tracking number and query code' })
  @UseGuards(CommentThrottlerGuard)
  @Post('comments/lookup')
  @HttpCode(200)
  lookup(@Body() dto: LookupCommentRequestDto) {
    return this.participation.lookup(dto);
  }
}
