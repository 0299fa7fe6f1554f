import type { JsonSchema } from '../components/schema-form/schema';

/**
 * The request-body schemas of the API's OpenAPI document (served at /api/docs-json), fetched once
 * when a form first needs one: the same titles in zh-CN and English as the event forms.
 */
let document: Promise<{ paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>> }> | null = null;

export async function requestSchema(path: string, method = 'post'): Promise<JsonSchema> {
  document ??= fetch('/api/docs-json').then((r) => {
    if (!r.ok) throw new Error(String(r.status));
    return r.json();
  });
  try {
    const schema = (await document).paths[path]?.[method]?.requestBody?.content?.['application/json']?.schema;
    if (!schema) throw new Error(`no request body for ${method} ${path}`);
    return schema;
  } catch (e) {
    document = null;
    throw e;
  }
}
