import { z } from 'zod';
import { CountryCode, LanguageCode, TimeZone } from '@hearth/contracts';
import { USER_ROLES } from '../../platform/http/actor.ts';

export const Pseudonym = z
  .string()
  .trim()
  .min(3, 'Please use at least 3 characters.')
  .max(32, 'Please use 32 characters or fewer.')
  .regex(/^[\p{L}\p{N}_.-]+$/u, 'Letters, numbers, dots, dashes and underscores only, with no spaces.');

export const Password = z
  .string()
  .min(10, 'Please use at least 10 characters. A few random words make a strong, memorable password.')
  .max(200, 'Please use 200 characters or fewer.');

export { LanguageCode, CountryCode };

export const SignUpBody = z.object({
  pseudonym: Pseudonym,
  password: Password,
  email: z.email('That e-mail address does not look right.').optional(),
  timezone: TimeZone.optional(),
  country: CountryCode.optional(),
  orgSlug: z.string().min(1).max(64).optional(),
});
export type SignUpBody = z.infer<typeof SignUpBody>;

export const SignInBody = z.object({
  pseudonym: z.string().trim().min(1, 'Please enter your pseudonym.').max(64),
  password: z.string().min(1, 'Please enter your password.').max(200),
});
export type SignInBody = z.infer<typeof SignInBody>;

export const UpdateProfileBody = z
  .object({
    displayName: z.string().trim().min(1, 'Please enter a name to show others.').max(60),
    pronouns: z.string().trim().max(40).nullable(),
    languages: z.array(LanguageCode).min(1, 'Choose at least one language.').max(10),
    timezone: TimeZone,
    country: CountryCode.nullable(),
    interests: z.array(z.string().trim().min(1).max(40)).max(20),
    email: z.email('That e-mail address does not look right.').nullable(),
    onboarded: z.literal(true),
  })
  .partial();
export type UpdateProfileBody = z.infer<typeof UpdateProfileBody>;

export const Role = z.enum(USER_ROLES);

export const Me = z.object({
  id: z.string(),
  orgId: z.string(),
  pseudonym: z.string(),
  displayName: z.string(),
  pronouns: z.string().nullable(),
  role: Role,
  email: z.string().nullable(),
  languages: z.array(z.string()),
  timezone: z.string(),
  country: z.string().nullable(),
  interests: z.array(z.string()),
  onboarded: z.boolean(),
  abilities: z.object({ createGroups: z.boolean(), moderate: z.boolean(), administer: z.boolean() }),
});
export type Me = z.infer<typeof Me>;

export const SessionResponse = z.object({ user: Me, csrfToken: z.string() });

export const LoginSession = z.object({
  id: z.string(),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  current: z.boolean(),
});

export const PublicProfile = z.object({
  id: z.string(),
  displayName: z.string(),
  pronouns: z.string().nullable(),
  role: Role,
  languages: z.array(z.string()),
  interests: z.array(z.string()),
});
