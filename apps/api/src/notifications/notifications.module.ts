import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** The in-app inbox. The notifications themselves are written by the deadline reminders (libs/deadlines). */
@Module({ controllers: [NotificationsController], providers: [NotificationsService] })
export class NotificationsModule {}
