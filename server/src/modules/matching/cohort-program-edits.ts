import type { FieldProblem } from '../../platform/errors.ts';
import type { UpdateProgramBody } from './cohort.schemas.ts';

/** What the edit rules need to know about a program as it is stored now. */
export type ProgramState = {
  status: 'open' | 'assigned';
  name: string;
  description: string;
  startsAt: Date | null;
  applicationsCloseAt: Date | null;
  groups: { groupId: string; capacity: number; assigned: number }[];
};

/** The fields an edit really changes, and whether applicants should hear about it. */
export type ProgramEdit = {
  changed: ('name' | 'description' | 'startsAt' | 'applicationsCloseAt' | 'groups')[];
  /** Dates moved or a group was added or taken away: people who applied are told, as it may change whether it suits them. */
  meaningful: boolean;
  /** Fields that may not change in the program's state (after assignment only the wording may). */
  locked: ('startsAt' | 'applicationsCloseAt' | 'groups')[];
  /** Field problems a person can fix (a date in the past, fewer places than people already placed). */
  problems: FieldProblem[];
  next: { name: string; description: string; startsAt: Date | null; applicationsCloseAt: Date | null; groups: { groupId: string; capacity: number }[] };
};

const sameInstant = (a: Date | null, b: Date | null) => (a === null || b === null ? a === b : a.getTime() === b.getTime());
const toDate = (value: string | null | undefined, current: Date | null) => (value === undefined ? current : value === null ? null : new Date(value));

function sameGroups(a: { groupId: string; capacity: number }[], b: { groupId: string; capacity: number }[]) {
  if (a.length !== b.length) return false;
  const byId = new Map(a.map((g) => [g.groupId, g.capacity]));
  return b.every((g) => byId.get(g.groupId) === g.capacity);
}

/**
 * The rules for editing a program, as one pure function. Until the groups are assigned everything may change, but a
 * date that moves must not be in the past, and a group never takes fewer places than the people already placed in
 * it. Once the assignment is applied, people are in their groups and meeting times live with each group, so only the
 * name and the description may change; sending the same dates or groups again is not a change and is fine.
 */
export function planProgramEdit(current: ProgramState, body: UpdateProgramBody, now: Date): ProgramEdit {
  const next = {
    name: body.name ?? current.name,
    description: body.description ?? current.description,
    startsAt: toDate(body.startsAt, current.startsAt),
    applicationsCloseAt: toDate(body.applicationsCloseAt, current.applicationsCloseAt),
    groups: body.groups ?? current.groups.map(({ groupId, capacity }) => ({ groupId, capacity })),
  };
  const changed: ProgramEdit['changed'] = [];
  if (next.name !== current.name) changed.push('name');
  if (next.description !== current.description) changed.push('description');
  if (!sameInstant(next.startsAt, current.startsAt)) changed.push('startsAt');
  if (!sameInstant(next.applicationsCloseAt, current.applicationsCloseAt)) changed.push('applicationsCloseAt');
  if (!sameGroups(current.groups, next.groups)) changed.push('groups');

  const locked = current.status === 'assigned' ? changed.filter((f): f is ProgramEdit['locked'][number] => f !== 'name' && f !== 'description') : [];
  const problems: FieldProblem[] = [];
  if (changed.includes('startsAt') && next.startsAt && next.startsAt <= now) {
    problems.push({ path: 'startsAt', message: 'Please choose a start time that has not passed yet.' });
  }
  if (changed.includes('applicationsCloseAt') && next.applicationsCloseAt && next.applicationsCloseAt <= now) {
    problems.push({ path: 'applicationsCloseAt', message: 'Please choose a closing time that has not passed yet, or leave it empty.' });
  }
  if (next.startsAt && next.applicationsCloseAt && next.applicationsCloseAt > next.startsAt && (changed.includes('startsAt') || changed.includes('applicationsCloseAt'))) {
    problems.push({ path: 'applicationsCloseAt', message: 'Applications need to close before the program starts.' });
  }
  next.groups.forEach((g, i) => {
    const placed = current.groups.find((c) => c.groupId === g.groupId)?.assigned ?? 0;
    if (g.capacity < placed) problems.push({ path: `groups.${i}.capacity`, message: `${placed} people are already placed in this group, so it needs at least ${placed} places.` });
  });
  // A change of places alone does not change anything for an applicant; a group added or taken away does.
  const groupSetChanged = next.groups.length !== current.groups.length || next.groups.some((g) => !current.groups.some((c) => c.groupId === g.groupId));
  const meaningful = changed.includes('startsAt') || changed.includes('applicationsCloseAt') || groupSetChanged;
  return { changed, meaningful, locked, problems, next };
}
