import { AuthService, bearerToken, roleNotAllowed } from '@app/auth';
import { DocketError } from '@app/runtime';
import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** Where the dashboard is served, and the cookie that lets a browser open it after `POST /admin/queue-session`. */
export const QUEUE_DASHBOARD_PATH = '/api/v1/admin/queues';
export const QUEUE_SESSION_COOKIE = 'docket_queues';

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/**
 * The admin check in front of the dashboard, which is an express router outside Nest's guards:
 * a bearer token, or the session cookie (a browser cannot add the header to the dashboard's own
 * requests), of an active administrator. Answers like the API's errors.
 */
@Injectable()
export class QueueDashboardAuth {
  constructor(private readonly auth: AuthService) {}

  middleware(): RequestHandler {
    return (req: Request, res: Response, next: NextFunction) => {
      this.check(req).then(
        () => next(),
        (e: unknown) => {
          if (!(e instanceof DocketError)) return next(e);
          res.status(e.status).json({ statusCode: e.status, code: e.code, message: e.en, messageZh: e.zh });
        },
      );
    };
  }

  private async check(req: Request): Promise<void> {
    const { user } = await this.auth.authenticate(bearerToken(req.headers.authorization) ?? cookie(req, QUEUE_SESSION_COOKIE));
    if (!user.roles.includes('admin')) throw roleNotAllowed(['admin']);
  }
}
