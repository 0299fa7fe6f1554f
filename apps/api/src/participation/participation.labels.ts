/** The docket's vocabularies with their labels (the console and the portal show the labels, never the codes). */
export type Label = { zh: string; en: string };

export const SUBMITTER_TYPES = ['INDIVIDUAL', 'ENTERPRISE', 'SOCIAL_ORGANIZATION', 'DEPUTY', 'OTHER'] as const;
export type SubmitterType = (typeof SUBMITTER_TYPES)[number];
export const SUBMITTER_TYPE_LABELS: Record<SubmitterType, Label> = {
  INDIVIDUAL: { zh: '个人', en: 'Individual' },
  ENTERPRISE: { zh: '企业', en: 'Enterprise' },
  SOCIAL_ORGANIZATION: { zh: '社会组织', en: 'Social organisation' },
  DEPUTY: { zh: '人大代表·政协委员', en: 'People’s congress deputy / CPPCC member' },
  OTHER: { zh: '其他', en: 'Other' },
};

/** PORTAL: submitted by the public on the portal; the others are entered by staff. */
export const STAFF_SOURCES = ['LETTER', 'PHONE', 'SYMPOSIUM', 'HEARING', 'OTHER'] as const;
export type StaffSource = (typeof STAFF_SOURCES)[number];
export const SOURCE_LABELS: Record<'PORTAL' | StaffSource, Label> = {
  PORTAL: { zh: '网上征求意见', en: 'Online portal' },
  LETTER: { zh: '信函', en: 'Letter' },
  PHONE: { zh: '电话', en: 'Phone call' },
  SYMPOSIUM: { zh: '座谈会', en: 'Symposium' },
  HEARING: { zh: '听证会', en: 'Hearing' },
  OTHER: { zh: '其他', en: 'Other' },
};

export const LATE_LABEL: Label = { zh: '逾期', en: 'Late' };

/** Why moderation hid a comment (it is hidden, never deleted, and still counted and sealed). */
export const HIDE_REASONS = ['ADVERTISING', 'ABUSE', 'PRIVACY', 'OFF_TOPIC', 'DUPLICATE'] as const;
export type HideReason = (typeof HIDE_REASONS)[number];
export const HIDE_REASON_LABELS: Record<HideReason, Label> = {
  ADVERTISING: { zh: '广告', en: 'Advertising' },
  ABUSE: { zh: '辱骂', en: 'Abuse' },
  PRIVACY: { zh: '泄露隐私', en: 'Discloses private information' },
  OFF_TOPIC: { zh: '与本事项无关', en: 'Unrelated to this matter' },
  DUPLICATE: { zh: '重复', en: 'Duplicate' },
};

/** How a comment (or a group of duplicates) was answered. */
export const DISPOSITIONS = ['ADOPTED', 'PARTIALLY_ADOPTED', 'NOT_ADOPTED', 'OUT_OF_SCOPE'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
export const DISPOSITION_LABELS: Record<Disposition, Label> = {
  ADOPTED: { zh: '采纳', en: 'Adopted' },
  PARTIALLY_ADOPTED: { zh: '部分采纳', en: 'Partly adopted' },
  NOT_ADOPTED: { zh: '未采纳', en: 'Not adopted' },
  OUT_OF_SCOPE: { zh: '不属于本次征求范围', en: 'Outside the scope of this consultation' },
};
/** a reason is required unless the comment was adopted in full */
export const REASON_REQUIRED: readonly Disposition[] = ['PARTIALLY_ADOPTED', 'NOT_ADOPTED', 'OUT_OF_SCOPE'];
/** the changed clause is required when the comment was adopted, in full or in part */
export const CLAUSE_REQUIRED: readonly Disposition[] = ['ADOPTED', 'PARTIALLY_ADOPTED'];

export const ACTION_LABELS: Record<string, Label> = {
  HIDE: { zh: '屏蔽', en: 'Hidden' },
  GROUP: { zh: '合并重复意见', en: 'Duplicates grouped' },
  DISPOSE: { zh: '答复', en: 'Answered' },
};
