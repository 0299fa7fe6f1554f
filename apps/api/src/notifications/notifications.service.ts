import type { AuthenticatedUser } from '@app/auth';
import { NOTIFICATION_REPOSITORY } from '@app/deadlines';
import { NotificationRepository } from '@app/persistence';
import { CLOCK, Clock, DocketError } from '@app/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { ListNotificationsRequestDto } from './dto/list-notifications.request.dto';
import { toNotificationResponse } from './notification.mapper';

@Injectable()
export class NotificationsService {
  constructor(
    @Inject(NOTIFICATION_REPOSITORY) private readonly notifications: NotificationRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async inbox(user: AuthenticatedUser, q: ListNotificationsRequestDto) {
    const { items, total, unread } = await this.notifications.inbox(user.id, { unreadOnly: q.unread, limit: q.limit, offset: q.offset });
    return { total, unread, items: items.map(toNotificationResponse) };
  }

  async markRead(user: AuthenticatedUser, id: string) {
    const row = await this.notifications.markRead(id, user.id, this.clock.now().toISOString());
    // someone else's notification answers like a missing one
    if (!row) throw new DocketError(404, 'NOTIFICATION_NOT_FOUND', `通知不存在：${id}`, `No notification ${id} in your inbox`);
    return toNotificationResponse(row);
  }
}
