/**
 * Administrative-organ contract, version 2: the states, events and actions of version 1, with an
 * opinion that may not contradict its own checklist (issue 9 §12). Version 1 accepted `outcome:
 * LEGAL` from a reviewer whose checklist said the counterparty is not qualified, the terms are
 * unlawful and the organ gives a guarantee.
 *
 * PURE: imports the version-1 machine module (xstate and types only) and the shared helpers.
 *
 * Policy decisions (added to v1's C1–C8):
 *  C9  An opinion is LEGAL only if its checklist found nothing that makes the contract unlawful as
 *      it stands: the subject qualified (主体资格), the terms lawful and reasonable, no guarantee in
 *      the organ's name (INV-C3), no promise beyond the organ's authority (浙政办发〔2013〕37号's
 *      content limits; SPEC §6 step 4). Otherwise OPINION_CONTRADICTS_CHECKLIST (422): the reviewer
 *      corrects the checklist or gives LEGAL_WITH_REVISIONS / ILLEGAL. A guarantee that is the only
 *      defect keeps v1's refusal GUARANTEE_CLAUSE_FORBIDDEN (INV-C3), so that code stays stable.
 *  C10 A counterparty found not qualified cannot be cured by revising the text: an opinion that
 *      claims legality after revisions (LEGAL_WITH_REVISIONS) with `subjectQualified: false` is
 *      refused SUBJECT_NOT_QUALIFIED; the opinion is ILLEGAL (the case returns to drafting, where
 *      another counterparty can be examined). Unlawful terms, a guarantee or a promise beyond
 *      authority may be revised away (LEGAL_WITH_REVISIONS; a guarantee must then be confirmed
 *      removed, as in v1).
 *  C11 The checklist's text-standard and dispute-clause answers are quality findings, not legality:
 *      a LEGAL opinion may carry suggestions on them.
 */
import type { RuleDefinition } from '@app/engine';
import {
  ADMINISTRATIVE_CONTRACT_EVENT_RULES,
  type AdministrativeContractContext,
  type AdministrativeContractEventType,
  administrativeContractMachine,
  administrativeContractRules,
} from '../v1/administrative-contract.machine';
import type { ContractChecklistDto, IssueReviewOpinionPayload } from '../v1/administrative-contract.payloads';
import { payloadOf } from '../../common/machine-helpers';

type Rule = RuleDefinition<AdministrativeContractContext>;
const ZJ37 = '《浙江省人民政府办公厅关于加强行政机关合同管理工作的通知》（浙政办发〔2013〕37号）';

/** What a checklist found that no LEGAL opinion can stand with (policy C9), in checklist order. */
export const CHECKLIST_DEFECTS = {
  subjectQualified: { when: false, zh: '对方主体不适格', en: 'the counterparty is not qualified' },
  termsLawfulAndReasonable: { when: false, zh: '合同条款不合法或不合理', en: 'the terms are unlawful or unreasonable' },
  organGuarantee: { when: true, zh: '行政机关以机关名义提供担保', en: 'the organ gives a guarantee in its own name' },
  exceedsAuthority: { when: true, zh: '超越权限作出承诺', en: 'promises beyond the organ’s authority' },
} as const satisfies Partial<Record<keyof ContractChecklistDto, { when: boolean; zh: string; en: string }>>;

/** The checklist items (keys of CHECKLIST_DEFECTS) an opinion's checklist answers as defects. */
export function checklistDefects(checklist: Partial<ContractChecklistDto> | null | undefined): Array<keyof typeof CHECKLIST_DEFECTS> {
  const c = checklist ?? {};
  return (Object.keys(CHECKLIST_DEFECTS) as Array<keyof typeof CHECKLIST_DEFECTS>).filter((k) => c[k] === CHECKLIST_DEFECTS[k].when);
}

export const administrativeContractV2Rules = {
  ...administrativeContractRules,
  opinionConsistentWithChecklist: {
    check: ({ event }) => {
      const p = payloadOf<IssueReviewOpinionPayload>(event);
      const defects = checklistDefects(p.checklist);
      // a guarantee alone keeps INV-C3's own refusal (guaranteeNotApproved, as in v1)
      return p.outcome !== 'LEGAL' || defects.length === 0 || (defects.length === 1 && defects[0] === 'organGuarantee');
    },
    refusal: {
      code: 'OPINION_CONTRADICTS_CHECKLIST',
      article: '浙政办发〔2013〕37号',
      zh: `审查意见结论为“合法”，但审查要点载明对方主体不适格、条款不合法或不合理、以行政机关名义提供担保或者超越权限承诺；请更正审查要点，或者出具“修改后合法”或“不合法”的意见（${ZJ37}）`,
      en: 'The opinion says LEGAL while its checklist finds the counterparty not qualified, unlawful or unreasonable terms, a guarantee in the organ’s name or a promise beyond its authority: correct the checklist, or give LEGAL_WITH_REVISIONS or ILLEGAL (Zhejiang General Office Doc. [2013] No. 37).',
      details: { defects: Object.keys(CHECKLIST_DEFECTS) },
    },
  },
  subjectQualifiedForLegality: {
    check: ({ event }) => {
      const p = payloadOf<IssueReviewOpinionPayload>(event);
      return p.outcome === 'ILLEGAL' || p.checklist?.subjectQualified !== false;
    },
    refusal: {
      code: 'SUBJECT_NOT_QUALIFIED',
      article: '浙政办发〔2013〕37号',
      zh: `审查要点载明对方主体不适格，修改合同文本不能补正，不能出具“合法”或“修改后合法”的意见；应当认定不合法，另行选择适格的签约对象（${ZJ37}）`,
      en: 'The checklist finds the counterparty not qualified, which revising the text cannot cure: the opinion cannot be LEGAL or LEGAL_WITH_REVISIONS; find it ILLEGAL and choose a qualified counterparty (Zhejiang General Office Doc. [2013] No. 37).',
    },
  },
} satisfies Record<string, Rule>;

export type AdministrativeContractV2RuleName = keyof typeof administrativeContractV2Rules;

export const ADMINISTRATIVE_CONTRACT_V2_EVENT_RULES = {
  ...ADMINISTRATIVE_CONTRACT_EVENT_RULES,
  // policy C9 first (the issue's opinion is refused for contradicting itself), then C10, then INV-C3 (a guarantee alone) as in v1
  ISSUE_REVIEW_OPINION: ['separationOfDuties', 'opinionConsistentWithChecklist', 'subjectQualifiedForLegality', 'guaranteeNotApproved'],
} as const satisfies Record<AdministrativeContractEventType, readonly AdministrativeContractV2RuleName[]>;

export const administrativeContractV2Machine = administrativeContractMachine<AdministrativeContractV2RuleName>(
  administrativeContractV2Rules,
  ADMINISTRATIVE_CONTRACT_V2_EVENT_RULES,
);
