import type { UserRole } from '../../platform/http/actor.ts';
import type { UserRow } from './accounts.repo.ts';
import { canAdminister, canCreateGroups, canModerate } from './accounts.policy.ts';
import type { Me } from './accounts.schemas.ts';

/** The signed-in person's own view of their account, with what they may do next. */
export function presentMe(user: UserRow): Me {
  const actor = { role: user.role as UserRole };
  return {
    id: user.id,
    orgId: user.orgId,
    pseudonym: user.pseudonym,
    displayName: user.displayName,
    pronouns: user.pronouns,
    role: user.role,
    email: user.email,
    languages: user.languages,
    timezone: user.timezone,
    country: user.country,
    interests: user.interests,
    onboarded: user.onboardedAt !== null,
    abilities: { createGroups: canCreateGroups(actor), moderate: canModerate(actor), administer: canAdminister(actor) },
  };
}

/** What other people may see: never the pseudonym's login, e-mail, country or time zone. */
export function presentPublicProfile(user: UserRow) {
  return {
    id: user.id,
    displayName: user.displayName,
    pronouns: user.pronouns,
    role: user.role,
    languages: user.languages,
    interests: user.interests,
  };
}
