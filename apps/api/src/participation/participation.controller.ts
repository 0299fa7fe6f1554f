import { AuthenticatedUser, CurrentUser } from '@app/auth';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UuidParamPipe } from '../common/validation.pipe';
import { EnterCommentRequestDto } from './dto/submit-comment.request.dto';
import { ParticipationService } from './participation.service';

const uuid = new UuidParamPipe();

/** The comment docket of a case's consultation, for staff. */
@ApiTags('participation')
@ApiBearerAuth()
@Controller('cases/:id/comments')
export class ParticipationController {
  constructor(private readonly participation: ParticipationService) {}

  @ApiOperation({ summary: '征求意见台账（联系方式已遮蔽）/ The comment docket (contacts masked)' })
  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.participation.list(user, id);
  }

  @ApiOperation({ summary: '录入信函、电话、座谈会、听证会等收到的意见 / Enter input received by letter, phone, symposium or hearing' })
  @Post()
  enter(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string, @Body() dto: EnterCommentRequestDto) {
    return this.participation.enter(user, id, dto);
  }
}
