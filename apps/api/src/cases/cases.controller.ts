import { AuthenticatedUser, CurrentUser } from '@app/auth';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CasesService } from './cases.service';
import { CreateCaseRequestDto } from './dto/create-case.request.dto';
import { ListCasesRequestDto } from './dto/list-cases.request.dto';
import { SendEventRequestDto } from './dto/send-event.request.dto';
import { UuidParamPipe } from '../common/validation.pipe';
import { ApiDoc } from '../common/api-doc';
import { CaseDetailResponseDto, CaseEventResponseDto, CaseHistoryResponseDto, CaseListResponseDto, CaseResponseDto, CaseVerificationResponseDto } from './dto/case.response.dto';

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
