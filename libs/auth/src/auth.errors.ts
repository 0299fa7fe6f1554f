import { ROLE_LABELS, type Role } from '@app/engine';
import { DocketError } from '@app/runtime';

export const unauthenticated = () =>
  new DocketError(401, 'UNAUTHENTICATED', '请先登录（缺少或无效的访问令牌）', 'Log in first: the access token is missing, invalid or expired');

export const invalidCredentials = () =>
  new DocketError(401, 'INVALID_CREDENTIALS', '用户名或密码错误', 'Wrong username or password');

/** The roles as a person reads them (the codes stay in `details.requiredRoles`). */
const roleNames = (roles: string[], lang: 'zh' | 'en') => roles.map((r) => ROLE_LABELS[r as Role]?.[lang] ?? (lang === 'zh' ? '其他角色' : r));

export const roleNotAllowed = (roles: string[]) =>
  new DocketError(
    403,
    'ROLE_NOT_ALLOWED',
    `您的角色无权执行此操作（需要：${roleNames(roles, 'zh').join('、')}）`,
    `Your role may not do this (needs one of: ${roles.join(', ')})`,
    undefined,
    { requiredRoles: roles, requiredRoleLabels: roles.map((r) => ({ role: r, ...(ROLE_LABELS[r as Role] ?? { zh: r, en: r }) })) },
  );

/** A token signed with our secret whose claims do not name a user and an end (no `sub` id, no `exp`). */
export const tokenInvalid = (reason: string) =>
  new DocketError(
    401,
    'TOKEN_INVALID',
    '访问令牌无效（令牌内容不完整或格式不正确），请重新登录',
    `The access token is invalid (${reason}); log in again`,
    undefined,
    { reason },
  );

/** The wall-clock time in Beijing (UTC+8, no daylight saving) of an instant: 2026-12-03 18:15. */
export function beijingTime(isoInstant: string): string {
  return new Date(Date.parse(isoInstant) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Too many consecutive wrong passwords: the account is locked until an instant, whatever the client address. */
export const accountLocked = (lockedUntil: string) =>
  new DocketError(
    423,
    'ACCOUNT_LOCKED',
    `该账号因连续输错密码已被锁定，至北京时间 ${beijingTime(lockedUntil)} 自动解锁；如需提前解锁，请联系系统管理员`,
    `This account is locked after too many wrong passwords until ${lockedUntil} (${beijingTime(lockedUntil)} Beijing time); ask an administrator to unlock it sooner`,
    undefined,
    { lockedUntil },
  );

/** A token issued before its user logged out (or was disabled): every such token is revoked. */
export const tokenRevoked = () =>
  new DocketError(401, 'TOKEN_REVOKED', '访问令牌已失效（已退出登录），请重新登录', 'The access token was revoked (logged out); log in again');

/** An administrator disabled the account: its tokens stop working and it cannot log in. */
export const userDisabled = () =>
  new DocketError(403, 'USER_DISABLED', '该账号已被系统管理员停用，如有疑问请联系系统管理员', 'This account was disabled by an administrator; ask an administrator');

/** The user must set a new password first (an administrator's reset, a demo user outside demo mode). */
export const passwordChangeRequired = () =>
  new DocketError(
    403,
    'PASSWORD_CHANGE_REQUIRED',
    '请先修改密码：您的密码是临时密码或演示密码，修改后才能使用其他功能',
    'Change your password first: it is a temporary or demo password (POST /api/v1/auth/password)',
  );

/** Changing one's password needs the current one. */
export const currentPasswordWrong = () =>
  new DocketError(403, 'CURRENT_PASSWORD_WRONG', '当前密码不正确', 'The current password is wrong', undefined, { field: 'currentPassword' });
