import { AuthenticatedUser, CurrentUser } from '@app/auth';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiTags } from '@nestjs/swagger';
import { ApiDoc } from '../common/api-doc';
import { UuidParamPipe } from '../common/validation.pipe';
import { DisposeRequestDto, GroupCommentsRequestDto, HideCommentRequestDto } from './dto/moderation.request.dto';
import { EnterCommentRequestDto } from './dto/submit-comment.request.dto';
import {
  CommentActionsResponseDto,
  CommentActorDto,
  CommentDocketResponseDto,
  CommentGroupMembersResponseDto,
  CommentGroupResponseDto,
  ParticipationSummaryResponseDto,
  StaffCommentResponseDto,
} from './dto/participation.response.dto';
import { ParticipationService } from './participation.service';

const uuid = new UuidParamPipe();
const commentUuid = new UuidParamPipe('意见编号', 'Comment id');
const groupUuid = new UuidParamPipe('意见分组编号', 'Group id');

/** The comment docket of a case's consultation, for staff. */
@ApiTags('participation')
@ApiBearerAuth()
@Controller('cases/:id')
export class ParticipationController {
  constructor(private readonly participation: ParticipationService) {}

  @ApiDoc({ zh: '征求意见台账（联系方式已遮蔽）', en: 'The comment docket (contacts masked)', descriptionZh: '本轮收到的全部意见，含已屏蔽和逾期的。', descriptionEn: "Every comment of the current round, hidden and late ones included.", ok: CommentDocketResponseDto, errors: [404] })
  @Get('comments')
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.participation.list(user, id);
  }

  @ApiDoc({ zh: '录入信函、电话、座谈会、听证会等收到的意见', en: 'Enter input received by letter, phone, symposium or hearing', descriptionZh: '截止后收到的照常录入，标注为逾期。', descriptionEn: 'Input received after the last day is kept, tagged late.', ok: StaffCommentResponseDto, status: 201, errors: [404, 413, 422] })
  @Post('comments')
  enter(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: EnterCommentRequestDto) {
    return this.participation.enter(user, id, dto);
  }

  @ApiDoc({ zh: '屏蔽意见（不删除，仍计数、仍封存）', en: 'Hide a comment (never deleted; still counted and sealed)', ok: StaffCommentResponseDto, errors: [404, 422] })
  @Post('comments/:commentId/hide')
  @HttpCode(200)
  hide(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('commentId', commentUuid) commentId: string, @Body() dto: HideCommentRequestDto) {
    return this.participation.hide(user, id, commentId, dto);
  }

  @ApiDoc({ zh: '答复一条意见', en: 'Answer one comment', descriptionZh: '未全部采纳的应当说明理由，采纳的应当写明修改的条款；已归组的意见对该组统一答复。', descriptionEn: 'A reason is required unless adopted in full, the changed clause when adopted; a grouped comment is answered through its group.', ok: StaffCommentResponseDto, errors: [404, 422] })
  @Post('comments/:commentId/disposition')
  @HttpCode(200)
  dispose(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('commentId', commentUuid) commentId: string, @Body() dto: DisposeRequestDto) {
    return this.participation.dispose(user, id, commentId, dto);
  }

  @ApiDoc({ zh: '合并重复意见', en: 'Group duplicate comments', ok: CommentGroupMembersResponseDto, status: 201, errors: [404, 422] })
  @Post('comment-groups')
  group(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: GroupCommentsRequestDto) {
    return this.participation.group(user, id, dto);
  }

  @ApiDoc({ zh: '对一组重复意见统一答复', en: 'Answer a group of duplicates once', ok: CommentGroupResponseDto, errors: [404, 422] })
  @Post('comment-groups/:groupId/disposition')
  @HttpCode(200)
  disposeGroup(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('groupId', groupUuid) groupId: string, @Body() dto: DisposeRequestDto) {
    return this.participation.disposeGroup(user, id, groupId, dto);
  }

  @ApiDoc({ zh: '公众意见研究采纳情况（按台账计算）', en: 'The participation summary, computed from the docket', ok: ParticipationSummaryResponseDto, errors: [404] })
  @Get('participation-summary')
  summary(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.participation.summary(user, id);
  }

  @ApiDoc({ zh: '征求意见台账的办理记录（屏蔽、归组、答复）', en: 'Every staff action on the docket', ok: CommentActionsResponseDto, errors: [404] })
  @ApiExtraModels(CommentActorDto)
  @Get('comment-actions')
  actions(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.participation.actions(user, id);
  }
}
