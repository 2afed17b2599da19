import { z } from 'zod';

export const ProgramParams = z.object({ id: z.uuid('That program link does not look right.') });

export const CreateProgramBody = z.object({
  name: z.string().trim().min(1, 'Please give the program a name.').max(120, 'Please keep the name to 120 characters.'),
  description: z.string().trim().max(2000, 'Please keep the description to 2000 characters.').default(''),
  groups: z
    .array(z.object({ groupId: z.uuid('Choose a group from the list.'), capacity: z.number().int().min(1, 'Each group takes at least 1 person.').max(200, 'A group takes at most 200 people.') }))
    .min(1, 'Add at least one group.')
    .max(200, 'A program has at most 200 groups.')
    .refine((gs) => new Set(gs.map((g) => g.groupId)).size === gs.length, 'Each group can be added only once.'),
});
export type CreateProgramBody = z.infer<typeof CreateProgramBody>;

const ProgramGroup = z.object({ groupId: z.uuid(), name: z.string(), capacity: z.number().int(), assigned: z.number().int() });
export const Program = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  status: z.enum(['open', 'assigned']),
  groups: z.array(ProgramGroup),
  applicants: z.number().int(),
  createdAt: z.iso.datetime(),
  assignedAt: z.iso.datetime().nullable(),
  /** Whether I applied, and the group I was placed in once assigned. */
  mine: z.object({ applied: z.boolean(), groupId: z.uuid().nullable() }),
  /** withdraw: I applied and the groups are not assigned yet, so I can take my application back. */
  abilities: z.object({ apply: z.boolean(), withdraw: z.boolean(), manage: z.boolean(), assign: z.boolean() }),
});
export type Program = z.infer<typeof Program>;
export const ProgramList = z.object({ programs: z.array(Program), abilities: z.object({ create: z.boolean() }) });

export const Applicant = z.object({ userId: z.uuid(), displayName: z.string(), appliedAt: z.iso.datetime(), topics: z.array(z.string()), languages: z.array(z.string()), groupId: z.uuid().nullable() });
export const ApplicantList = z.object({ applicants: z.array(Applicant) });

const Reason = z.object({ kind: z.string(), text: z.string() }).catchall(z.union([z.string(), z.number(), z.boolean()]));
export const AssignmentPreview = z.object({
  programId: z.uuid(),
  totalMismatch: z.number().int(),
  /** The fast greedy's total on the same problem, for comparison (the optimum is never worse). */
  greedyTotalMismatch: z.number().int(),
  placements: z.array(z.object({ userId: z.uuid(), displayName: z.string(), groupId: z.uuid(), groupName: z.string(), mismatch: z.number().int(), summary: z.string(), reasons: z.array(Reason) })),
  unassigned: z.array(z.object({ userId: z.uuid(), displayName: z.string() })),
  groups: z.array(ProgramGroup),
});
export type AssignmentPreview = z.infer<typeof AssignmentPreview>;
