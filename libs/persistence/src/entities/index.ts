import { CalendarYearEntity } from './calendar-year.entity';
import { CaseHistoryEntity } from './case-history.entity';
import { CaseEntity } from './case.entity';
import { CheckpointHeadEntity } from './checkpoint-head.entity';
import { CheckpointEntity } from './checkpoint.entity';
import { DeadlineEntity } from './deadline.entity';
import { EmailDeliveryEntity } from './email-delivery.entity';
import { LiaisonFormEntity } from './liaison-form.entity';
import { NotificationEntity } from './notification.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { SecurityLogEntity } from './security-log.entity';
import { SigningKeyEntity } from './signing-key.entity';
import { UserEntity } from './user.entity';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';

export {
  CalendarYearEntity,
  CaseEntity,
  CaseHistoryEntity,
  CheckpointEntity,
  CheckpointHeadEntity,
  DeadlineEntity,
  EmailDeliveryEntity,
  LiaisonFormEntity,
  NotificationEntity,
  OrgUnitEntity,
  SecurityLogEntity,
  SigningKeyEntity,
  UserEntity,
  WebhookDeliveryEntity,
};
export type { OrgUnitFormerName } from './org-unit.entity';
export type { DeadlineStatus } from './deadline.entity';
export type { EmailDeliveryStatus } from './email-delivery.entity';
export type { WebhookDeliveryStatus } from './webhook-delivery.entity';
export const ENTITIES = [
  CaseEntity,
  CaseHistoryEntity,
  OrgUnitEntity,
  UserEntity,
  SecurityLogEntity,
  DeadlineEntity,
  NotificationEntity,
  CheckpointEntity,
  CheckpointHeadEntity,
  SigningKeyEntity,
  WebhookDeliveryEntity,
  CalendarYearEntity,
  LiaisonFormEntity,
  EmailDeliveryEntity,
];
