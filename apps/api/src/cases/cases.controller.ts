import { AuthenticatedUser, CurrentUser } from '@app/auth';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CasesService } from './cases.service';
import { CreateCaseRequestDto } from './dto/create-case.request.dto';
import { ListCasesRequestDto } from './dto/list-cases.request.dto';
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
