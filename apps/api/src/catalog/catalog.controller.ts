import { AuthenticatedUser, CurrentUser, RequireRoles } from '@app/auth';
import { decisionCatalog } from '@app/workflows';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CatalogService, parseItemNo, parseYear } from './catalog.service';
import {
  AddCatalogItemRequestDto,
  AdjustCatalogItemRequestDto,
  CreateCaseFromItemRequestDto,
  RemoveCatalogItemRequestDto,
  StartItemCaseRequestDto,
} from './dto/catalog.request.dto';
import { ApiDoc } from '../common/api-doc';
import { CatalogChangesResponseDto, CatalogItemCaseResponseDto, CatalogItemStartedResponseDto, CatalogResponseDto, CatalogSummaryResponseDto, CatalogWorkingResponseDto } from './dto/catalog.response.dto';

/**
 * 年度重大行政决策事项目录 (R713 Art. 3 ¶3, SPEC §2.3). Everyone reads the published catalog; the
 * general office (党政办) and the town head maintain it; each change is an event of the year's
 * decision-catalog case (history, hash chain and verification as for any case).
 */
@ApiTags('catalog')
@ApiBearerAuth()
@Controller('catalogs')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @ApiDoc({ zh: '列出年度决策事项目录', en: 'List the yearly decision catalogs', ok: [CatalogSummaryResponseDto] })
  @Get()
  list(@CurrentUser() user: AuthenticatedUser) {
    return this.catalog.list(user);
  }

  @ApiDoc({ zh: '年度决策事项目录', en: "A year's decision catalog", descriptionZh: '所有人可见已公布的目录；维护人员和审计人员另见工作稿。', descriptionEn: 'The published catalog for everyone; the working copy for maintainers and auditors.', ok: CatalogResponseDto, errors: [404] })
  @Get(':year')
  get(@CurrentUser() user: AuthenticatedUser, @Param('year') year: string) {
    return this.catalog.get(user, parseYear(year));
  }

  @ApiDoc({ zh: '目录变更记录', en: "The catalog's change trail", ok: CatalogChangesResponseDto, errors: [404] })
  @Get(':year/changes')
  @RequireRoles('secretary', 'town-head', 'auditor', 'admin')
  changes(@CurrentUser() user: AuthenticatedUser, @Param('year') year: string) {
    return this.catalog.changes(user, parseYear(year));
  }

  @ApiDoc({ zh: '新增目录事项', en: 'Add a catalog item', ok: CatalogWorkingResponseDto, status: 201, body: AddCatalogItemRequestDto, errors: [409, 422] })
  @Post(':year/items')
  @RequireRoles('secretary', 'town-head')
  add(@CurrentUser() user: AuthenticatedUser, @Param('year') year: string, @Body() dto: AddCatalogItemRequestDto) {
    return this.catalog.addItem(user, parseYear(year), dto);
  }

  @ApiDoc({ zh: '调整目录事项', en: 'Adjust a catalog item', ok: CatalogWorkingResponseDto, body: AdjustCatalogItemRequestDto, errors: [404, 409, 422] })
  @Post(':year/items/:no/adjust')
  @HttpCode(200)
  @RequireRoles('secretary', 'town-head')
  adjust(@CurrentUser() user: AuthenticatedUser, @Param('year') year: string, @Param('no') no: string, @Body() dto: AdjustCatalogItemRequestDto) {
    return this.catalog.adjustItem(user, parseYear(year), parseItemNo(no), dto);
  }

  @ApiDoc({ zh: '删除目录事项', en: 'Remove a catalog item', ok: CatalogWorkingResponseDto, body: RemoveCatalogItemRequestDto, errors: [404, 409, 422] })
  @Post(':year/items/:no/remove')
  @HttpCode(200)
  @RequireRoles('secretary', 'town-head')
  remove(@CurrentUser() user: AuthenticatedUser, @Param('year') year: string, @Param('no') no: string, @Body() dto: RemoveCatalogItemRequestDto) {
    return this.catalog.removeItem(user, parseYear(year), parseItemNo(no), dto);
  }

  @ApiDoc({ zh: '记录党委同意', en: "Record the party committee's consent", ok: CatalogWorkingResponseDto, body: decisionCatalog.RecordPartyConsentPayload, errors: [404, 409, 422] })
  @Post(':year/consent')
  @HttpCode(200)
  @RequireRoles('secretary')
  consent(@CurrentUser() user: AuthenticatedUser, @Param('year') year: string, @Body() dto: decisionCatalog.RecordPartyConsentPayload) {
    return this.catalog.recordConsent(user, parseYear(year), dto);
  }

  @ApiDoc({ zh: '公布目录', en: 'Publish the catalog', ok: CatalogWorkingResponseDto, body: decisionCatalog.PublishCatalogPayload, errors: [404, 409, 422] })
  @Post(':year/publish')
  @HttpCode(200)
  @RequireRoles('secretary', 'town-head')
  publish(@CurrentUser() user: AuthenticatedUser, @Param('year') year: string, @Body() dto: decisionCatalog.PublishCatalogPayload) {
    return this.catalog.publish(user, parseYear(year), dto);
  }

  /** The undertaking unit proposes the item's decision: a major-decision case linked to the item. */
  @ApiDoc({ zh: '就目录事项提出决策事项建议', en: 'Propose the decision of a catalog item', ok: CatalogItemCaseResponseDto, status: 201, body: CreateCaseFromItemRequestDto, errors: [404, 409, 422] })
  @Post(':year/items/:no/case')
  @RequireRoles('department-head')
  createCase(@CurrentUser() user: AuthenticatedUser, @Param('year') year: string, @Param('no') no: string, @Body() dto: CreateCaseFromItemRequestDto) {
    return this.catalog.createCase(user, parseYear(year), parseItemNo(no), dto);
  }

  /** The town head starts the item's decision; procedures and undertaking unit default from the item. */
  @ApiDoc({ zh: '决定启动目录事项的决策程序', en: "Start the catalog item's decision", ok: CatalogItemStartedResponseDto, body: StartItemCaseRequestDto, errors: [404, 409, 422] })
  @Post(':year/items/:no/start')
  @HttpCode(200)
  @RequireRoles('town-head')
  start(@CurrentUser() user: AuthenticatedUser, @Param('year') year: string, @Param('no') no: string, @Body() dto: StartItemCaseRequestDto) {
    return this.catalog.start(user, parseYear(year), parseItemNo(no), dto);
  }
}
