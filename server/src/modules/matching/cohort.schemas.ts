import { z } from 'zod';

export const ProgramParams = z.object({ id: z.uuid('That program link does not look right.') });

const ProgramName = z.string().trim().min(1, 'Please give the program a name.').max(120, 'Please keep the name to 120 characters.');
const ProgramDescription = z.string().trim().max(2000, 'Please keep the description to 2000 characters.');
const ProgramGroups = z
  .array(z.object({ groupId: z.uuid('Choose a group from the list.'), capacity: z.number().int('Places are whole numbers.').min(1, 'Each group takes at least 1 person.').max(200, 'A group takes at most 200 people.') }))
  .min(1, 'Add at least one group.')
  .max(200, 'A program has at most 200 groups.')
  .refine((gs) => new Set(gs.map((g) => g.groupId)).size === gs.length, 'Each group can be added only once.');
const StartsAt = z.iso.datetime({ offset: true, message: 'Please choose a date and time for the first meeting.' }).nullable();
const ApplicationsCloseAt = z.iso.datetime({ offset: true, message: 'Please choose a date and time for applications to close.' }).nullable();

/** Applications have to close before (or when) the program starts, so everyone placed can join the first meeting. */
function closesBeforeStart(body: { startsAt?: string | null; applicationsCloseAt?: string | null }, ctx: z.RefinementCtx) {
  if (body.startsAt && body.applicationsCloseAt && Date.parse(body.applicationsCloseAt) > Date.parse(body.startsAt)) {
    ctx.addIssue({ code: 'custom', path: ['applicationsCloseAt'], message: 'Applications need to close before the program starts.' });
  }
}

export const CreateProgramBody = z
  .object({
    name: ProgramName,
    description: ProgramDescription.default(''),
    groups: ProgramGroups,
    startsAt: StartsAt.default(null),
    applicationsCloseAt: ApplicationsCloseAt.default(null),
  })
  .superRefine(closesBeforeStart);
export type CreateProgramBody = z.infer<typeof CreateProgramBody>;

/**
 * An edit: any of the create fields; a missing field stays as it is, null clears a date. Which fields may change
 * depends on the program's state (see cohort-program-edits.ts); the server re-checks the dates against the stored ones.
 */
export const UpdateProgramBody = z
  .object({
    name: ProgramName.optional(),
    description: ProgramDescription.optional(),
    groups: ProgramGroups.optional(),
    startsAt: StartsAt.optional(),
    applicationsCloseAt: ApplicationsCloseAt.optional(),
  })
  .superRefine(closesBeforeStart)
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'There is nothing to change yet. Edit a field, then save.');
export type UpdateProgramBody = z.infer<typeof UpdateProgramBody>;

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
  startsAt: z.iso.datetime().nullable(),
  applicationsCloseAt: z.iso.datetime().nullable(),
  /** Whether I applied, and the group I was placed in once assigned. */
  mine: z.object({ applied: z.boolean(), groupId: z.uuid().nullable() }),
  /**
   * withdraw: I applied and the groups are not assigned yet, so I can take my application back. edit: I may edit the
   * name and description; editSchedule: also the dates, groups and places (only until the groups are assigned).
   */
  abilities: z.object({ apply: z.boolean(), withdraw: z.boolean(), manage: z.boolean(), assign: z.boolean(), edit: z.boolean(), editSchedule: z.boolean() }),
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
