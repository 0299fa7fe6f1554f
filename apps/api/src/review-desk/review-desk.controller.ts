import { AuthenticatedUser, CurrentUser, RequireRoles } from '@app/auth';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AcceptFormRequestDto,
  IssueOpinionRequestDto,
  ReturnFormRequestDto,
  ReviewQueueRequestDto,
  SubmitLiaisonFormRequestDto,
} from './dto/review-desk.requests.dto';
import { ReviewDeskService } from './review-desk.service';
import { UuidParamPipe } from '../common/validation.pipe';
import { ApiDoc } from '../common/api-doc';
import { DeskActionResponseDto, ReviewQueueResponseDto } from './dto/review-desk.response.dto';

const uuid = new UuidParamPipe();

/** The legality-review desk (合法性审查工作台): work liaison forms of every matter type in one queue. */
@ApiTags('review-desk')
@ApiBearerAuth()
@Controller('review-desk')
export class ReviewDeskController {
  constructor(private readonly desk: ReviewDeskService) {}

  /** The forms the caller may see, across matter types: reviewers all sent to review, a department its own units'. */
  @ApiDoc({ zh: '审查台：联系单列表', en: 'Review desk: liaison forms', ok: ReviewQueueResponseDto })
  @RequireRoles('legal-reviewer', 'department-head', 'town-head', 'secretary', 'auditor')
  @Get('queue')
  queue(@CurrentUser() user: AuthenticatedUser, @Query() q: ReviewQueueRequestDto) {
    return this.desk.queue(user, q);
  }

  /** A department head sends its case to review with a work liaison form (工作联系单). */
  @ApiDoc({ zh: '提交合法性审查工作联系单（送审）', en: 'Submit a work liaison form (send for review)', ok: DeskActionResponseDto, status: 201, errors: [404, 409, 422] })
  @RequireRoles('department-head')
  @Post('forms')
  submit(@CurrentUser() user: AuthenticatedUser, @Body() dto: SubmitLiaisonFormRequestDto) {
    return this.desk.submit(user, dto);
  }

  /** 签收: the case's ACCEPT_FOR_REVIEW, with the form number as the receipt number. */
  @ApiDoc({ zh: '签收送审材料', en: 'Accept the materials for review', ok: DeskActionResponseDto, errors: [404, 409, 422] })
  @RequireRoles('legal-reviewer')
  @Post('cases/:id/accept')
  @HttpCode(200)
  accept(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: AcceptFormRequestDto) {
    return this.desk.accept(user, id, dto);
  }

  /** 退回补充材料: the case's RETURN_INCOMPLETE. */
  @ApiDoc({ zh: '退回补充材料', en: 'Return for supplementary materials', ok: DeskActionResponseDto, errors: [404, 409, 422] })
  @RequireRoles('legal-reviewer')
  @Post('cases/:id/return')
  @HttpCode(200)
  returnForSupplement(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: ReturnFormRequestDto) {
    return this.desk.returnForSupplement(user, id, dto);
  }

  /** 出具审查意见书: the case's ISSUE_REVIEW_OPINION. */
  @ApiDoc({ zh: '出具合法性审查意见', en: 'Issue the legality review opinion', ok: DeskActionResponseDto, errors: [404, 409, 422] })
  @RequireRoles('legal-reviewer')
  @Post('cases/:id/opinion')
  @HttpCode(200)
  issueOpinion(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: IssueOpinionRequestDto) {
    return this.desk.issueOpinion(user, id, dto);
  }
}
