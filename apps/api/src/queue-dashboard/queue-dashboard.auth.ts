import { roleNotAllowed, unauthenticated } from '@app/auth';
import { USER_REPOSITORY, UserRepository } from '@app/persistence';
import { DocketError } from '@app/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
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
  constructor(
    private readonly jwt: JwtService,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
  ) {}

  middleware(): RequestHandler {
    return (req: Request, res: Response, next: NextFunction) => {
      this.check(req).then(
        () => next(),
        (e: DocketError) => res.status(e.status).json({ statusCode: e.status, code: e.code, message: e.en, messageZh: e.zh }),
      );
    };
  }

  private async check(req: Request): Promise<void> {
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : cookie(req, QUEUE_SESSION_COOKIE);
    if (!token) throw unauthenticated();
    let sub: string;
    try {
      sub = (await this.jwt.verifyAsync<{ sub: string }>(token)).sub;
    } catch {
      throw unauthenticated();
    }
    const user = await this.users.findById(sub);
    if (!user || !user.active) throw unauthenticated();
    if (!(JSON.parse(user.roles) as string[]).includes('admin')) throw roleNotAllowed(['admin']);
  }
}
