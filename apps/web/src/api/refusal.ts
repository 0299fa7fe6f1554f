import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { serverErrors } from '../components/schema-form/schema';
import type { ApiError } from './types';

type Result = { data?: unknown; error?: unknown; response: Response };

/**
 * A form's answer from the API: the refusal (4xx body: message, code, article, `details`) shown
 * above the form and at each field it names, or a network failure; the data when accepted.
 */
export function useRefusal() {
  const { locale } = useI18n();
  const error = ref<ApiError | null>(null);
  const network = ref(false);
  const busy = ref(false);
  const fields = computed(() => serverErrors(error.value, locale.value === 'en'));

  /** The server's messages for one field (`username`, `holidays.3`). */
  const at = (field: string): string => (fields.value[field] ?? []).join('；');

  function reset() {
    error.value = null;
    network.value = false;
  }

  /** Runs a request: the data when accepted, undefined when refused (the refusal is kept). */
  async function run<T>(send: () => Promise<Result>): Promise<T | undefined> {
    reset();
    busy.value = true;
    try {
      const r = await send();
      if (!r.response.ok) {
        const body = r.error as ApiError | undefined;
        error.value =
          body && typeof body === 'object' && 'code' in body
            ? body
            : ({ statusCode: r.response.status, code: `HTTP_${r.response.status}`, message: 'Request failed', messageZh: '请求失败' } as ApiError);
        return undefined;
      }
      return (r.data ?? {}) as T;
    } catch {
      network.value = true;
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  return { error, network, busy, fields, at, reset, run };
}
