import { AuthenticatedUser, CurrentUser } from '@app/auth';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '../common/validation.pipe';
import { DisposeRequestDto, GroupCommentsRequestDto, HideCommentRequestDto } from './dto/moderation.request.dto';
import { EnterCommentRequestDto } from './dto/submit-comment.request.dto';
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

  @ApiOperation({ summary: '征求意见台账（联系方式已遮蔽）/ The comment docket (contacts masked)' })
  @Get('comments')
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.participation.list(user, id);
  }

  @ApiOperation({ summary: '录入信函、电话、座谈会、听证会等收到的意见 / Enter input received by letter, phone, symposium or hearing' })
  @Post('comments')
  enter(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: EnterCommentRequestDto) {
    return this.participation.enter(user, id, dto);
  }

  @ApiOperation({ summary: '屏蔽意见（不删除，仍计数、仍封存）/ Hide a comment (never deleted; still counted and sealed)' })
  @Post('comments/:commentId/hide')
  @HttpCode(200)
  hide(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('commentId', commentUuid) commentId: string, @Body() dto: HideCommentRequestDto) {
    return this.participation.hide(user, id, commentId, dto);
  }

  @ApiOperation({ summary: '答复一条意见 / Answer one comment' })
  @Post('comments/:commentId/disposition')
  @HttpCode(200)
  dispose(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('commentId', commentUuid) commentId: string, @Body() dto: DisposeRequestDto) {
    return this.participation.dispose(user, id, commentId, dto);
  }

  @ApiOperation({ summary: '合并重复意见 / Group duplicate comments' })
  @Post('comment-groups')
  group(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: GroupCommentsRequestDto) {
    return this.participation.group(user, id, dto);
  }

  @ApiOperation({ summary: '对一组重复意见统一答复 / Answer a group of duplicates once' })
  @Post('comment-groups/:groupId/disposition')
  @HttpCode(200)
  disposeGroup(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Param('groupId', groupUuid) groupId: string, @Body() dto: DisposeRequestDto) {
    return this.participation.disposeGroup(user, id, groupId, dto);
  }

  @ApiOperation({ summary: '公众意见研究采纳情况（按台账计算）/ The participation summary, computed from the docket' })
  @Get('participation-summary')
  summary(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.participation.summary(user, id);
  }

  @ApiOperation({ summary: '征求意见台账的办理记录（屏蔽、归组、答复）/ Every staff action on the docket' })
  @Get('comment-actions')
  actions(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.participation.actions(user, id);
  }
}
