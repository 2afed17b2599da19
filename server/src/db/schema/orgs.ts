import { pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns.ts';

/** Organizations (clinics, charities, employers) that host groups. */
export const orgs = pgTable(
  'orgs',
  {
    id: id(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    country: text('country').notNull().default('US'),
    timezone: text('timezone').notNull().default('UTC'),
    ...timestamps,
  },
  (t) => [uniqueIndex('orgs_slug_key').on(t.slug)],
);
