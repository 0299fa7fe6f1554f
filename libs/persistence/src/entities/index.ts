import { CaseHistoryEntity } from './case-history.entity';
import { CaseEntity } from './case.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { SecurityLogEntity } from './security-log.entity';
import { UserEntity } from './user.entity';

export { CaseEntity, CaseHistoryEntity, OrgUnitEntity, SecurityLogEntity, UserEntity };
export const ENTITIES = [CaseEntity, CaseHistoryEntity, OrgUnitEntity, UserEntity, SecurityLogEntity];
