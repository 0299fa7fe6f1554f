import { RequireRoles } from '@app/auth';
import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { QUEUE_DASHBOARD_PATH, QUEUE_SESSION_COOKIE } from './queue-dashboard.auth';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/queue-session')
export class QueueDashboardController {
  /**
   * Opens the queue dashboard (`/api/v1/admin/queues`) in this browser: the caller's token is set
   * as an HttpOnly, SameSite=Strict cookie valid for the dashboard's path only, until it expires.
   */
  @RequireRoles('admin')
  @Post()
  @HttpCode(200)
  open(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const token = (req.headers.authorization ?? '').slice(7).trim();
    res.cookie(QUEUE_SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: QUEUE_DASHBOARD_PATH });
    return { dashboard: QUEUE_DASHBOARD_PATH };
  }
}
