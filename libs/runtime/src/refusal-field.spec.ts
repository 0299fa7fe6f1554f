import 'reflect-metadata';
import { describeDefinition, type WorkflowDefinition } from '@app/engine';
import { allWorkflows } from '@app/workflows';
import { payloadSchemaOf } from './payload-schema';
import { namingRefusalField } from './refusal-field';

describe('a refusal that names the field carrying the missing record', () => {
  const contract = allWorkflows.find((d: WorkflowDefinition) => d.kind === 'administrative-contract' && d.version === 1)!;
  const refusal = { code: 'WRITTEN_FORM_REQUIRED', zh: '行政机关订立合同应当采用书面形式', en: 'An organ contracts in writing', details: { rule: 'writtenFormRequired', field: 'signedDocumentHash' } };

  it('adds the field’s titles and says which field to fill in', () => {
    const named = namingRefusalField(refusal, contract.events.SIGN_CONTRACT.payload);
    expect(named.details).toEqual({ rule: 'writtenFormRequired', field: 'signedDocumentHash', fieldLabel: { zh: '签署文本（SHA-256）', en: 'Signed document (SHA-256)' } });
    expect(named.zh).toBe('须填写“签署文本（SHA-256）”：行政机关订立合同应当采用书面形式');
    expect(named.en).toContain('signedDocumentHash');
  });

  it('GET /workflows/:kind/:version names the field with the rule', () => {
    const sign = describeDefinition(contract).events.find((e) => e.type === 'SIGN_CONTRACT')!;
    expect(sign.rules.find((r) => r.code === 'WRITTEN_FORM_REQUIRED')).toMatchObject({ name: 'writtenFormRequired', field: 'signedDocumentHash' });
  });

  it('leaves a refusal without a field as it is', () => {
    const plain = { ...refusal, details: { rule: 'x' } };
    expect(namingRefusalField(plain, contract.events.SIGN_CONTRACT.payload)).toBe(plain);
  });

  it('every rule that declares a field names a field of the payload of each event it guards', () => {
    const problems: string[] = [];
    let declared = 0;
    for (const def of allWorkflows as WorkflowDefinition[]) {
      for (const [type, meta] of Object.entries(def.events)) {
        for (const name of meta.rules ?? []) {
          const field = def.rules[name]?.field;
          if (!field) continue;
          declared++;
          const props = payloadSchemaOf(meta.payload).properties ?? {};
          if (!(field in props)) problems.push(`${def.kind} v${def.version} ${type} ${name}: no payload field ${field}`);
          const named = namingRefusalField({ code: 'X', zh: 'x', en: 'x', details: { field } }, meta.payload);
          if (!named.details?.fieldLabel) problems.push(`${def.kind} v${def.version} ${type} ${name}: no zh-CN title for ${field}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(declared).toBeGreaterThan(0);
  });
});
