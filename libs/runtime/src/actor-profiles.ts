import type { ActorProfile } from '@app/engine';
import type { UserEntity, UserRepository } from '@app/persistence';

/** Where the runtime reads what Docket records about the acting user (fact kind `actor`). */
export interface ActorProfiles {
  profile(userId: string): Promise<ActorProfile | null>;
}

export function toActorProfile(u: Pick<UserEntity, 'id' | 'displayName' | 'legalQualificationCertNo' | 'legalQualificationObtainedOn' | 'legalReviewSince'>): ActorProfile {
  return {
    userId: u.id,
    displayName: u.displayName,
    legalProfessionalQualification: u.legalQualificationCertNo
      ? { certificateNumber: u.legalQualificationCertNo, obtainedOn: u.legalQualificationObtainedOn ?? null }
      : null,
    legalReviewSince: u.legalReviewSince ?? null,
  };
}

/** Profiles from the users table. */
export class UserActorProfiles implements ActorProfiles {
  constructor(private readonly users: UserRepository) {}

  async profile(userId: string): Promise<ActorProfile | null> {
    const u = await this.users.findById(userId);
    return u ? toActorProfile(u) : null;
  }
}
