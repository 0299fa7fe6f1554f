import { AuthenticatedUser, CurrentUser } from '@app/auth';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ListNotificationsRequestDto } from './dto/list-notifications.request.dto';
import { NotificationsService } from './notifications.service';
import { UuidParamPipe } from '../common/validation.pipe';
import { ApiDoc } from '../common/api-doc';
import { NotificationListResponseDto, NotificationResponseDto } from './dto/notification.response.dto';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The caller's inbox: deadline reminders, due-day and overdue notices and escalations, unread first. */
  @ApiDoc({ zh: '通知', en: 'Notifications', ok: NotificationListResponseDto })
  @Get()
  list(@CurrentUser() user: AuthenticatedUser, @Query() q: ListNotificationsRequestDto) {
    return this.notifications.inbox(user, q);
  }

  @ApiDoc({ zh: '标记通知为已读', en: 'Mark a notification read', ok: NotificationResponseDto, errors: [404] })
  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentUser() user: AuthenticatedUser, @Param('id', new UuidParamPipe('通知编号', 'Notification id')) id: string) {
    return this.notifications.markRead(user, id);
  }
}
