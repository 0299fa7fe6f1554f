import { defineStore } from 'pinia';
import { api, body } from '../api/client';
import type { Me } from '../api/types';

const KEY = 'docket.token';

/**
 * The session: the bearer token lives in memory and in sessionStorage (gone with the tab), never
 * in a URL or in localStorage.
 */
export const useSession = defineStore('session', {
  state: () => ({
    token: (sessionStorage.getItem(KEY) ?? null) as string | null,
    me: null as Me | null,
    unread: 0,
  }),
  getters: {
    loggedIn: (s) => !!s.token,
    roles: (s): string[] => s.me?.roles ?? [],
  },
  actions: {
    setToken(token: string) {
      this.token = token;
      sessionStorage.setItem(KEY, token);
    },
    clear() {
      this.token = null;
      this.me = null;
      this.unread = 0;
      sessionStorage.removeItem(KEY);
    },
    /** Who is logged in; false when the token is no longer accepted. */
    async loadMe(): Promise<boolean> {
      try {
        this.me = body<Me>(await api.GET('/api/v1/auth/me'));
        // until a reset password is changed the API answers nothing else (403 PASSWORD_CHANGE_REQUIRED)
        if (!this.me.mustChangePassword) void this.refreshUnread();
        return true;
      } catch {
        this.clear();
        return false;
      }
    },
    async refreshUnread() {
      try {
        const r = body<{ unread: number }>(await api.GET('/api/v1/notifications', { params: { query: { limit: 1 } } }));
        this.unread = r.unread;
      } catch {
        /* the badge stays as it was */
      }
    },
    hasRole(...roles: string[]) {
      return this.roles.some((r) => roles.includes(r));
    },
  },
});
