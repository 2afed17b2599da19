import { z } from 'zod';

/** Which file the person wants: one JSON document, or a zip with one CSV per table. */
export const ExportQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });
export type ExportQuery = z.infer<typeof ExportQuery>;

/** Deleting an account needs the password again, so a borrowed unlocked phone cannot do it. */
export const DeleteAccountBody = z.object({
  password: z.string().min(1, 'Please enter your password to confirm.').max(200),
  confirm: z.literal('delete my account', { message: 'Please type “delete my account” to confirm.' }),
});
export type DeleteAccountBody = z.infer<typeof DeleteAccountBody>;

/** What is in an export, so the page can say it plainly before the download. */
export const DataSummary = z.object({
  sections: z.array(z.object({ name: z.string(), records: z.number().int() })),
});
export type DataSummary = z.infer<typeof DataSummary>;
