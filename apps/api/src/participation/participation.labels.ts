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
