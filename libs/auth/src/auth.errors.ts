import { DocketError } from '@app/runtime';

export const unauthenticated = () =>
  new DocketError(401, 'UNAUTHENTICATED', '请先登录（缺少或无效的访问令牌）', 'Log in first: the access token is missing, invalid or expired');

export const invalidCredentials = () =>
  new DocketError(401, 'INVALID_CREDENTIALS', '用户名或密码错误', 'Wrong username or password');

export const roleNotAllowed = (roles: string[]) =>
  new DocketError(403, 'ROLE_NOT_ALLOWED', `您的角色无权执行此操作（需要：${roles.join('、')}）`, `Your role may not do this (needs one of: ${roles.join(', ')})`, undefined, {
    requiredRoles: roles,
  });

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
