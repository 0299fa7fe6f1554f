import { hashPassword } from '@app/auth';
import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import type { Role } from '@app/engine';
import { OrgUnitEntity, USER_REPOSITORY, UserEntity, UserRepository } from '@app/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { randomUUID } from 'crypto';
import { DEMO_YEAR } from './demo-cases';
import { seedDemoCases } from './demo-cases.seeder';

export const DEMO_ORG_UNITS: Array<Pick<OrgUnitEntity, 'id' | 'nameZh' | 'nameEn'>> = [
  { id: 'dzb', nameZh: '党政办', nameEn: 'Party and Government Office' },
  { id: 'jjfzb', nameZh: '经济发展办', nameEn: 'Economic Development Office' },
  { id: 'sfs', nameZh: '司法所', nameEn: 'Justice Office' },
];

/**
 * The demo 司法所 reviewer holds the legal professional qualification (APL Art. 58 ¶2), so that the
 * demo town's enforcement decisions can be reviewed; other users hold none.
 */
export const DEMO_REVIEWER_QUALIFICATION = { legalQualificationCertNo: 'A20183302100456', legalQualificationObtainedOn: '2018-12-20', legalReviewSince: '2019-03-01' };

export const DEMO_USERS: Array<{ username: string; displayName: string; orgUnit: string; roles: Role[] }> = [
  { username: 'dept-head', displayName: '经济发展办负责人', orgUnit: 'jjfzb', roles: ['department-head'] },
  { username: 'legal-reviewer', displayName: '司法所审查员', orgUnit: 'sfs', roles: ['legal-reviewer'] },
  { username: 'town-head', displayName: '镇长', orgUnit: 'dzb', roles: ['town-head'] },
  { username: 'secretary', displayName: '党政办秘书', orgUnit: 'dzb', roles: ['secretary'] },
  { username: 'auditor', displayName: '审计人员', orgUnit: 'dzb', roles: ['auditor'] },
  { username: 'admin', displayName: '系统管理员', orgUnit: 'dzb', roles: ['admin'] },
];

/**
 * The demo town: 党政办, 经济发展办, 司法所 and one user per role, all with DOCKET_DEMO_PASSWORD; outside
 * demo mode (DOCKET_DEMO_MODE) they must change it at their first login.
 */
@Injectable()
export class DemoSeedService {
  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Idempotent: existing users are left as they are. Returns the users it created. */
  async seed(now: Date = new Date()): Promise<string[]> {
    // a unit already there keeps its names and state (an administrator may have renamed it)
    for (const ou of DEMO_ORG_UNITS) if (!(await this.users.findOrgUnit(ou.id))) await this.users.insertOrgUnit(Object.assign(new OrgUnitEntity(), { ...ou, active: true, deactivatedAt: null, formerNames: '[]' }));
    const created: string[] = [];
    for (const u of DEMO_USERS) {
      if (await this.users.findByUsername(u.username)) continue;
      const row = Object.assign(new UserEntity(), {
        id: randomUUID(),
        username: u.username,
        displayName: u.displayName,
        passwordHash: await hashPassword(this.config.demoPassword),
        orgUnit: u.orgUnit,
        roles: JSON.stringify(u.roles),
        active: true,
        createdAt: now.toISOString(),
        // outside demo mode the demo password opens nothing but changing it
        mustChangePassword: !this.config.demoMode,
        failedLoginCount: 0,
        tokenVersion: 0,
        ...(u.username === 'legal-reviewer' ? { ...DEMO_REVIEWER_QUALIFICATION, qualificationsUpdatedAt: now.toISOString(), qualificationsUpdatedBy: 'demo-seed' } : {}),
      });
      await this.users.insertUser(row);
      created.push(u.username);
    }
    return created;
  }

  /**
   * The demo year (2020): the published decision catalog and sample cases of every matter type,
   * driven through WorkflowRuntime. Only `npm start` on an empty embedded database and
   * `npm run seed:demo` call it — not the test app's `seed()`. Idempotent; returns the ids created,
   * or null when the demo year is already there.
   */
  async seedSampleCases(): Promise<{ year: number; created: string[] } | null> {
    const out = await seedDemoCases(this.moduleRef);
    return out ? { year: DEMO_YEAR, created: out.created } : null;
  }

  describe(): string {
    const pw = this.config.demoPassword === 'docket-demo' ? 'docket-demo (DOCKET_DEMO_PASSWORD)' : 'the value of DOCKET_DEMO_PASSWORD';
    return [
      'Demo town users (password: ' + pw + '):',
      ...DEMO_USERS.map((u) => `  ${u.username.padEnd(15)} ${u.roles.join(',').padEnd(16)} ${u.orgUnit}  ${u.displayName}`),
      `Sample year ${DEMO_YEAR}: GET /api/v1/catalogs/${DEMO_YEAR}, GET /api/v1/reports/annual.html?year=${DEMO_YEAR}`,
    ].join('\n');
  }
}
