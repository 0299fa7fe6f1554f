import type { ApiClient } from '../setup/api-client';
import { SEED_ITEMS } from '../../workflows/decision-catalog/v1/testing/decision-catalog.fixtures';

export { SEED_ITEMS };

export const ITEM_PROPOSAL = {
  problem: '镇区工业园区配套设施不足，道路与管网老化',
  reasons: '落实省美丽城镇建设行动要求',
  solution: '分三年实施园区道路、管网和公共空间改造',
  necessity: '改善营商环境和居民生活条件',
};

async function ok(res: { status: number; body: any }, what: string, status = 200) {
  if (res.status !== status) throw new Error(`${what} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * The seed town's 2020 catalog (two items), agreed by the party committee on 02-20 and published
 * on 02-21. Sets the server clock into the year.
 */
export async function publishSeedCatalog(api: ApiClient, year = 2020) {
  await api.setClock(`${year}-02-20T02:00:00Z`);
  for (const item of SEED_ITEMS()) {
    await ok(await api.post('secretary', `/catalogs/${year}/items`, { item, reason: '列入年度重大行政决策事项目录', catalogTitle: `掌起镇${year}年重大行政决策事项目录` }), 'add', 201);
  }
  await ok(await api.post('secretary', `/catalogs/${year}/consent`, { contentVersion: 2, meeting: '镇党委会议', agreedOn: `${year}-02-20` }), 'consent');
  await api.setClock(`${year}-02-21T02:00:00Z`);
  return ok(await api.post('secretary', `/catalogs/${year}/publish`, { publishedAt: `${year}-02-21`, channels: ['掌起镇人民政府网站'] }), 'publish');
}
