export const CLOCK = Symbol('CLOCK');
export const WORKFLOW_REGISTRY = Symbol('WORKFLOW_REGISTRY');
export const BUSINESS_CALENDAR = Symbol('BUSINESS_CALENDAR');
export const EFFECT_SINK = Symbol('EFFECT_SINK');
export const DEADLINE_SCHEDULER = Symbol('DEADLINE_SCHEDULER');
/** the checkpoint signing key (`SigningKey | null`) */
export const SIGNING_KEY = Symbol('SIGNING_KEY');
/** ActorProfiles: what Docket records about the acting user (fact kind `actor`) */
export const ACTOR_PROFILES = Symbol('ACTOR_PROFILES');
/** OrgUnitDirectory: the org units (fact kind `orgUnit`) */
export const ORG_UNIT_DIRECTORY = Symbol('ORG_UNIT_DIRECTORY');
/** ConsultationDocket: the comment dockets of consultations (fact kind `commentDocket`) */
export const CONSULTATION_DOCKET = Symbol('CONSULTATION_DOCKET');
