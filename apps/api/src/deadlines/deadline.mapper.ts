import { articleZh } from '@app/engine';
import type { DeadlineEntity } from '@app/persistence';

/** A deadline as clients see it; `overdue` is computed against the server's today (Asia/Shanghai). */
export function toDeadlineResponse(d: DeadlineEntity, today: string) {
  return {
    id: d.id,
    caseId: d.caseId,
    key: d.key,
    label: { zh: d.labelZh, en: d.labelEn },
    article: d.article,
    articleZh: articleZh(d.article),
    type: d.type,
    unit: d.unit,
    length: d.length,
    startsOn: d.startsOn,
    dueDate: d.dueDate,
    status: d.status,
    overdue: d.status === 'open' && d.type === 'due' && d.dueDate !== null && d.dueDate < today,
    responsible: JSON.parse(d.responsible),
    supervisor: JSON.parse(d.supervisor),
    reminders: JSON.parse(d.reminders),
    escalate: !!d.escalate,
    openedAt: d.openedAt,
    closedAt: d.closedAt,
  };
}
