import { CaseHistoryEntity } from './case-history.entity';
import { CaseEntity } from './case.entity';
import { DeadlineEntity } from './deadline.entity';
import { NotificationEntity } from './notification.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { SecurityLogEntity } from './security-log.entity';
import { UserEntity } from './user.entity';

export { CaseEntity, CaseHistoryEntity, DeadlineEntity, NotificationEntity, OrgUnitEntity, SecurityLogEntity, UserEntity };
export type { DeadlineStatus } from './deadline.entity';
export const ENTITIES = [CaseEntity, CaseHistoryEntity, OrgUnitEntity, UserEntity, SecurityLogEntity, DeadlineEntity, NotificationEntity];
