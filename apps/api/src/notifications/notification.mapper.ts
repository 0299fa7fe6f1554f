import type { NotificationEntity } from '@app/persistence';

/** A notification as its recipient sees it (the dedupe key stays internal). */
export function toNotificationResponse(n: NotificationEntity) {
  return {
    id: n.id,
    kind: n.kind,
    caseId: n.caseId,
    deadlineId: n.deadlineId,
    title: { zh: n.titleZh, en: n.titleEn },
    body: { zh: n.bodyZh, en: n.bodyEn },
    createdAt: n.createdAt,
    readAt: n.readAt,
  };
}
