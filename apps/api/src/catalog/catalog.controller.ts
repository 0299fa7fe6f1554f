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

  @Get()
  list(@CurrentUser() user: AuthenticatedUser) {
    return this.catalog.list(user);
  }

  @Get(':year')
  get(@CurrentUser() user: AuthenticatedUser, @Param('year') year: string) {
    return this.catalog.get(user, parseYear(year));
  }

  @Get(':year/changes')
  @RequireRoles('secretary', 'town-head', 'auditor', 'admin')
  changes(@CurrentUser() user: AuthenticatedUser, @Param('year') year: string) {
    return this.catalog.changes(user, parseYear(year));
  }

  @Post(':year/items')
  @RequireRoles('secretary', 'town-head')
  add(@CurrentUser() user: AuthenticatedUser, @Param('year') year: string, @Body() dto: AddCatalogItemRequestDto) {
    return this.catalog.addItem(user, parseYear(year), dto);
  }

  @Post(':year/items/:no/adjust')
  @HttpCode(200)
  @RequireRoles('secretary', 'town-head')
  adjust(@CurrentUser() user: AuthenticatedUser, @Param('year') year: string, @Param('no') no: string, @Body() dto: AdjustCatalogItemRequestDto) {
    return this.catalog.adjustItem(user, parseYear(year), parseItemNo(no), dto);
  }

  @Post(':year/items/:no/remove')
  @HttpCode(200)
  @RequireRoles('secretary', 'town-head')
  remove(@CurrentUser() user: AuthenticatedUser, @Param('year') year: string, @Param('no') no: string, @Body() dto: RemoveCatalogItemRequestDto) {
    return this.catalog.removeItem(user, parseYear(year), parseItemNo(no), dto);
  }

  @Post(':year/consent')
  @HttpCode(200)
  @RequireRoles('secretary')
  consent(@CurrentUser() user: AuthenticatedUser, @Param('year') year: string, @Body() dto: decisionCatalog.RecordPartyConsentPayload) {
    return this.catalog.recordConsent(user, parseYear(year), dto);
  }

  @Post(':year/publish')
  @HttpCode(200)
  @RequireRoles('secretary', 'town-head')
  publish(@CurrentUser() user: AuthenticatedUser, @Param('year') year: string, @Body() dto: decisionCatalog.PublishCatalogPayload) {
    return this.catalog.publish(user, parseYear(year), dto);
  }

  /** The undertaking unit proposes the item's decision: a major-decision case linked to the item. */
  @Post(':year/items/:no/case')
  @RequireRoles('department-head')
  createCase(@CurrentUser() user: AuthenticatedUser, @Param('year') year: string, @Param('no') no: string, @Body() dto: CreateCaseFromItemRequestDto) {
    return this.catalog.createCase(user, parseYear(year), parseItemNo(no), dto);
  }

  /** The town head starts the item's decision; procedures and undertaking unit default from the item. */
  @Post(':year/items/:no/start')
  @HttpCode(200)
  @RequireRoles('town-head')
  start(@CurrentUser() user: AuthenticatedUser, @Param('year') year: string, @Param('no') no: string, @Body() dto: StartItemCaseRequestDto) {
    return this.catalog.start(user, parseYear(year), parseItemNo(no), dto);
  }
}
