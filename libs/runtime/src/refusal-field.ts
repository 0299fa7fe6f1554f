import type { Refusal } from '@app/engine';
import { fieldDocOf, payloadFieldDocs, type FieldDocs } from '@app/workflows';

/**
 * A rule's refusal that names the payload field carrying the missing record (`details.field`, from
 * the rule's `field`): adds the field's titles from the field docs (`details.fieldLabel`) and says
 * in the messages which field to fill, 须填写“签署文本（SHA-256）”. Without a field, or with no doc
 * for it, the refusal is returned as it is (the path stays in `details.field`). Pure.
 */
export function namingRefusalField(refusal: Refusal, payloadClass: object | undefined, docs: Map<object, FieldDocs> = payloadFieldDocs): Refusal {
  const field = refusal.details?.field;
  if (typeof field !== 'string' || !payloadClass) return refusal;
  // a dotted path: the doc of its last segment on the payload class (or the common docs)
  const doc = fieldDocOf(docs, payloadClass, field.split('.').pop()!);
  if (!doc) return refusal;
  return {
    ...refusal,
    zh: `须填写“${doc.zh}”：${refusal.zh}`,
    en: `Fill in ${field} (${doc.en}): ${refusal.en}`,
    details: { ...refusal.details, fieldLabel: { zh: doc.zh, en: doc.en } },
  };
}
