import { AuthenticatedUser, CurrentUser, RequireRoles } from '@app/auth';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CleanupCampaignsService } from './cleanup-campaigns.service';
import { StartCleanupCampaignRequestDto } from './dto/start-cleanup-campaign.request.dto';
import { UuidParamPipe } from '../common/validation.pipe';
import { ApiDoc } from '../common/api-doc';
import { CleanupCampaignListResponseDto, CleanupCampaignResponseDto } from './dto/cleanup-campaign.response.dto';

const uuid = new UuidParamPipe('清理工作编号', 'Cleanup campaign id');

/** Cleanup campaigns of normative documents (清理, 浙江省人民政府令第372号). */
@ApiTags('cleanup-campaigns')
@ApiBearerAuth()
@Controller('cleanup-campaigns')
export class CleanupCampaignsController {
  constructor(private readonly campaigns: CleanupCampaignsService) {}

  /** Starts a campaign: a cleanup review is opened on every normative document in force. */
  @ApiDoc({ zh: '启动规范性文件清理', en: 'Start a cleanup campaign', ok: CleanupCampaignResponseDto, status: 201, errors: [409, 422] })
  @RequireRoles('legal-reviewer', 'secretary')
  @Post()
  start(@CurrentUser() user: AuthenticatedUser, @Body() dto: StartCleanupCampaignRequestDto) {
    return this.campaigns.start(user, dto);
  }

  /** Resumes an interrupted campaign (documents it already reached are left alone). */
  @ApiDoc({ zh: '继续执行清理（未开启的文件）', en: 'Run the campaign again (documents not yet opened)', ok: CleanupCampaignResponseDto, status: 201, errors: [404] })
  @RequireRoles('legal-reviewer', 'secretary')
  @Post(':id/run')
  run(@CurrentUser() user: AuthenticatedUser, @Param('id', uuid) id: string) {
    return this.campaigns.run(user, id);
  }

  @ApiDoc({ zh: '列出清理活动', en: 'List cleanup campaigns', ok: CleanupCampaignListResponseDto })
  @RequireRoles('legal-reviewer', 'secretary', 'admin', 'auditor', 'town-head')
  @Get()
  list() {
    return this.campaigns.list();
  }

  @ApiDoc({ zh: '清理活动详情', en: 'Get a cleanup campaign', ok: CleanupCampaignResponseDto, errors: [404] })
  @RequireRoles('legal-reviewer', 'secretary', 'admin', 'auditor', 'town-head')
  @Get(':id')
  get(@Param('id', uuid) id: string) {
    return this.campaigns.get(id);
  }
}
