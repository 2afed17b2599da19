import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';

/** Sortable uuid v7 primary key, so ids double as creation order. */
export const id = () => uuid('id').primaryKey().$defaultFn(() => uuidv7());

/** created_at / updated_at on every table (house style). */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdateFn(() => new Date()),
};
