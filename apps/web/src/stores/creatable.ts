import { defineStore } from 'pinia';
import { api, body } from '../api/client';
import type { Label, WorkflowDescription } from '../api/types';
import { useSession } from './session';

/**
 * The matter types the signed-in user may start: the latest version of each workflow whose
 * creation names one of the user's roles (the API says who may create; the console only asks).
 */
export const useCreatable = defineStore('creatable', {
  state: () => ({ kinds: [] as WorkflowDescription[], loadedFor: '' as string, loading: null as Promise<WorkflowDescription[]> | null }),
  actions: {
    async load(force = false): Promise<WorkflowDescription[]> {
      const session = useSession();
      const who = session.me?.id ?? '';
      if (!force && who && this.loadedFor === who) return this.kinds;
      if (this.loading) return this.loading;
      this.loading = (async () => {
        const list = body<Array<{ kind: string; version: number; label: Label }>>(await api.GET('/api/v1/workflows'));
        const latest = new Map<string, number>();
        for (const w of list) latest.set(w.kind, Math.max(latest.get(w.kind) ?? 0, w.version));
        const described = await Promise.all(
          [...latest].map(async ([kind, version]) => body<WorkflowDescription>(await api.GET('/api/v1/workflows/{kind}/{version}', { params: { path: { kind, version } } }))),
        );
        this.kinds = described.filter((d) => session.hasRole(...(d.create?.roles ?? [])));
        this.loadedFor = who;
        return this.kinds;
      })();
      try {
        return await this.loading;
      } finally {
        this.loading = null;
      }
    },
  },
});
