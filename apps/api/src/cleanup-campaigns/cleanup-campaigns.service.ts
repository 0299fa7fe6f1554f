import type { AuthenticatedUser } from '@app/auth';
import { BusinessCalendar } from '@app/calendar';
import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import { articleZh, Role, shanghaiDate } from '@app/engine';
import { CASE_REPOSITORY, CaseRepository, CleanupCampaignRepository, CleanupCampaignRow } from '@app/persistence';
import { BUSINESS_CALENDAR, CLOCK, Clock, DocketError, WorkflowRuntime } from '@app/runtime';
import { inForceOn, normativeDocument, standingOfCase } from '@app/workflows';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { CLEANUP_CAMPAIGN_REPOSITORY } from './cleanup-campaigns.tokens';
import { StartCleanupCampaignRequestDto } from './dto/start-cleanup-campaign.request.dto';

const KIND = 'normative-document';
const EVENT = 'OPEN_CLEANUP_REVIEW';
const INTERVAL = normativeDocument.NORMATIVE_DOCUMENT_PARAMS.cleanupIntervalYears;
/** who may start a campaign: the roles that may send OPEN_CLEANUP_REVIEW (司法所, 党政办) */
export const CAMPAIGN_ROLES: Role[] = normativeDocument.normativeDocumentV1.events[EVENT].roles;

/**
 * Cleanup campaigns (清理, 浙江省人民政府令第372号, every two years; policy N10 of normative-document v1):
 * a campaign is recorded, then every normative document in force gets OPEN_CLEANUP_REVIEW through
 * WorkflowRuntime (the one runtime path), sent for the person who started it. What happened to each
 * document is recorded, so an interrupted campaign resumes (POST …/run) without opening a review twice.
 */
@Injectable()
export class CleanupCampaignsService {
  private readonly logger = new Logger('CleanupCampaigns');

  constructor(
    private readonly runtime: WorkflowRuntime,
    @Inject(CLEANUP_CAMPAIGN_REPOSITORY) private readonly campaigns: CleanupCampaignRepository,
    @Inject(CASE_REPOSITORY) private readonly cases: CaseRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BUSINESS_CALENDAR) private readonly calendar: BusinessCalendar,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
  ) {}

  private role(user: AuthenticatedUser): Role {
    const role = user.roles.find((r) => CAMPAIGN_ROLES.includes(r));
    if (!role) throw new DocketError(403, 'ROLE_NOT_ALLOWED', '只有司法所或党政办人员可以启动文件清理', 'Only the justice office or the general office may start a cleanup campaign');
    return role;
  }

  async start(user: AuthenticatedUser, dto: StartCleanupCampaignRequestDto) {
    const role = this.role(user);
    if (await this.campaigns.findByName(dto.name)) {
      throw new DocketError(409, 'CLEANUP_CAMPAIGN_EXISTS', `已有同名的清理活动：${dto.name}`, `A cleanup campaign named ${dto.name} exists already`);
    }
    const at = this.clock.now().toISOString();
    const row: CleanupCampaignRow = {
      id: randomUUID(),
      name: dto.name,
      kind: dto.kind ?? 'REGULAR',
      basis: dto.basis ?? null,
      startedAt: at,
      startedOn: shanghaiDate(at),
      startedBy: user.id,
      startedRole: role,
      finishedAt: null,
    };
    try {
      await this.campaigns.insert(row);
    } catch (e) {
      // two starts with one name at once: the UNIQUE index decides
      if (await this.campaigns.findByName(dto.name)) {
        throw new DocketError(409, 'CLEANUP_CAMPAIGN_EXISTS', `已有同名的清理活动：${dto.name}`, `A cleanup campaign named ${dto.name} exists already`);
      }
      throw e;
    }
    return this.run(user, row.id);
  }

  /** Opens the cleanup review on every document in force the campaign has not reached yet. */
  async run(user: AuthenticatedUser, id: string) {
    const campaign = await this.campaigns.find(id);
    if (!campaign) throw notFound(id);
    const role = this.role(user);
    const done = new Set((await this.campaigns.cases(id)).map((c) => c.caseId));
    // 现行有效 as the annual report reads it (workflows/common/in-force.ts): published documents still
    // awaiting filing are in force, a document whose validity has ended is not
    const today = shanghaiDate(this.clock.now().toISOString());
    const inForce = (await this.campaigns.runningCases(KIND))
      .filter((c) => inForceOn(standingOfCase(JSON.parse(c.stateValue), JSON.parse(c.snapshot).context), today))
      .map((c) => c.id);
    for (const caseId of inForce) {
      if (done.has(caseId)) continue;
      const at = this.clock.now().toISOString();
      try {
        const { record } = await this.dispatchWithRetry(caseId, { campaignId: id, campaign: campaign.name }, { userId: user.id, role, orgUnit: user.orgUnit });
        await this.campaigns.recordCase({ campaignId: id, caseId, outcome: 'opened', code: null, seq: record.seq, at });
      } catch (e) {
        if (!(e instanceof DocketError)) throw e;
        // already opened by this campaign (an interrupted run): it counts as opened
        const outcome = e.code === 'CLEANUP_REVIEW_ALREADY_OPEN' ? 'opened' : 'refused';
        await this.campaigns.recordCase({ campaignId: id, caseId, outcome, code: e.code, seq: null, at });
      }
    }
    if (!campaign.finishedAt) await this.campaigns.finish(id, this.clock.now().toISOString());
    this.logger.log(`cleanup campaign ${campaign.name} (${id}) run by ${user.username}`);
    return this.get(id);
  }

  private async dispatchWithRetry(caseId: string, payload: object, actor: { userId: string; role: Role; orgUnit: string }) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.runtime.dispatch({ caseId, type: EVENT, payload, actor });
      } catch (e) {
        // another event on the same case won the compare-and-swap: try again on the new revision
        if (e instanceof DocketError && e.code === 'REVISION_CONFLICT' && attempt < 3) continue;
        throw e;
      }
    }
  }

  async get(id: string) {
    const campaign = await this.campaigns.find(id);
    if (!campaign) throw notFound(id);
    const rows = await this.campaigns.cases(id);
    const cases = [];
    for (const r of rows) {
      const c = await this.cases.findById(r.caseId);
      const opened = c ? (JSON.parse(c.snapshot).context?.cleanupCampaigns ?? []).find((x: { campaignId: string }) => x.campaignId === id) : undefined;
      cases.push({ ...r, title: c?.title ?? '', statePath: c?.statePath ?? null, reviewedOn: opened?.reviewedOn ?? null });
    }
    return {
      ...campaign,
      opened: rows.filter((r) => r.outcome === 'opened').length,
      refused: rows.filter((r) => r.outcome === 'refused').length,
      concluded: cases.filter((c) => c.reviewedOn).length,
      cases,
    };
  }

  /** The campaigns, newest first, and when the next regular one is due (every two years, Decree 372). */
  async list() {
    const items = await this.campaigns.list();
    const lastRegular = items.find((c) => c.kind === 'REGULAR');
    const years = this.config.rules[INTERVAL.key] ?? INTERVAL.default;
    return {
      items,
      intervalYears: years,
      article: INTERVAL.article,
      articleZh: articleZh(INTERVAL.article!),
      nextRegularDue: lastRegular ? this.calendar.addYears(lastRegular.startedOn, years, { rollToWorkday: false }) : null,
    };
  }
}

const notFound = (id: string) => new DocketError(404, 'CLEANUP_CAMPAIGN_NOT_FOUND', `清理活动不存在：${id}`, `No cleanup campaign ${id}`);
