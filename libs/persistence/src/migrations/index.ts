import { Init1764201600000 } from './1764201600000-init';
import { Deadlines1764288000000 } from './1764288000000-deadlines';
import { Checkpoints1764374400000 } from './1764374400000-checkpoints';
import { WebhookDeliveries1764460800000 } from './1764460800000-webhook-deliveries';
import { CalendarYears1764547200000 } from './1764547200000-calendar-years';
import { DeadlineEmail1764633600000 } from './1764633600000-deadline-email';
import { UserQualifications1764720000000 } from './1764720000000-user-qualifications';
import { SequenceCounters1764720060000 } from './1764720060000-sequence-counters';
import { CleanupCampaigns1764720120000 } from './1764720120000-cleanup-campaigns';
import { ReviewDesk1764806400000 } from './1764806400000-review-desk';
import { CaseUniqueKey1764892800001 } from './1764892800001-case-unique-key';
import { LoginLockout1764979200000 } from './1764979200000-login-lockout';
import { TokenVersion1764979200001 } from './1764979200001-token-version';
import { Attachments1765065600000 } from './1765065600000-attachments';
import { ConsultationComments1765065600001 } from './1765065600001-consultation-comments';
import { Administration1765065600002 } from './1765065600002-administration';
import { CaseAttachmentRefs1765152000009 } from './1765152000009-case-attachment-refs';

/** Every migration, in order. Listed explicitly so that builds need no glob at run time. */
export const MIGRATIONS = [Init1764201600000, Deadlines1764288000000, Checkpoints1764374400000, WebhookDeliveries1764460800000, CalendarYears1764547200000, DeadlineEmail1764633600000, UserQualifications1764720000000, SequenceCounters1764720060000, CleanupCampaigns1764720120000, ReviewDesk1764806400000, CaseUniqueKey1764892800001, LoginLockout1764979200000, TokenVersion1764979200001, Attachments1765065600000, ConsultationComments1765065600001, Administration1765065600002, CaseAttachmentRefs1765152000009];
