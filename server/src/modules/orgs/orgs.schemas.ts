import { z } from 'zod';

export const CreateOrgBody = z.object({
  name: z.string().trim().min(2, 'Please give the organization a name.').max(120),
  slug: z.string().regex(/^[a-z0-9-]{2,64}$/, 'Use 2–64 lowercase letters, numbers and dashes.'),
  country: z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as US or GB.').default('US'),
  timezone: z.string().min(1).default('UTC'),
});
export type CreateOrgBody = z.infer<typeof CreateOrgBody>;

export const Org = z.object({ id: z.string(), name: z.string(), slug: z.string(), country: z.string(), timezone: z.string() });
export type Org = z.infer<typeof Org>;
