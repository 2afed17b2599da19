import { describe, expect, it } from 'vitest';
import { planProgramEdit, type ProgramState } from './cohort-program-edits.ts';

const now = new Date('2026-06-01T12:00:00Z');
const A = '01900000-0000-7000-8000-00000000000a';
const B = '01900000-0000-7000-8000-00000000000b';
const open: ProgramState = {
  status: 'open', name: 'Spring', description: '', startsAt: new Date('2026-06-20T18:00:00Z'), applicationsCloseAt: null,
  groups: [{ groupId: A, capacity: 4, assigned: 0 }, { groupId: B, capacity: 4, assigned: 0 }],
};

describe('planProgramEdit', () => {
  it('lists only the fields that really change, and sending the same values back is no change', () => {
    expect(planProgramEdit(open, { name: 'Spring', startsAt: '2026-06-20T20:00:00+02:00', groups: [{ groupId: B, capacity: 4 }, { groupId: A, capacity: 4 }] }, now).changed).toEqual([]);
    expect(planProgramEdit(open, { name: 'Spring evenings', description: 'Online' }, now)).toMatchObject({ changed: ['name', 'description'], meaningful: false, problems: [] });
  });

  it('counts moved dates and added or removed groups as worth telling applicants about; places alone are not', () => {
    expect(planProgramEdit(open, { startsAt: '2026-06-27T18:00:00Z' }, now).meaningful).toBe(true);
    expect(planProgramEdit(open, { applicationsCloseAt: '2026-06-10T18:00:00Z' }, now).meaningful).toBe(true);
    expect(planProgramEdit(open, { groups: [{ groupId: A, capacity: 4 }] }, now).meaningful).toBe(true);
    expect(planProgramEdit(open, { groups: [{ groupId: A, capacity: 9 }, { groupId: B, capacity: 1 }] }, now)).toMatchObject({ changed: ['groups'], meaningful: false });
  });

  it('refuses dates in the past and closing after the start', () => {
    expect(planProgramEdit(open, { startsAt: '2026-05-01T00:00:00Z' }, now).problems.map((p) => p.path)).toEqual(['startsAt']);
    expect(planProgramEdit(open, { applicationsCloseAt: '2026-06-25T00:00:00Z' }, now).problems.map((p) => p.path)).toEqual(['applicationsCloseAt']);
    // A start that is already stored and has passed does not block a wording edit.
    expect(planProgramEdit({ ...open, startsAt: new Date('2026-05-01T00:00:00Z') }, { name: 'Renamed' }, now).problems).toEqual([]);
  });

  it('after assignment locks everything but the wording, and never lets a group hold fewer places than people placed', () => {
    const assigned: ProgramState = { ...open, status: 'assigned', groups: [{ groupId: A, capacity: 4, assigned: 3 }, { groupId: B, capacity: 4, assigned: 0 }] };
    expect(planProgramEdit(assigned, { name: 'Renamed', startsAt: '2026-06-27T18:00:00Z' }, now).locked).toEqual(['startsAt']);
    expect(planProgramEdit(assigned, { name: 'Renamed' }, now)).toMatchObject({ changed: ['name'], locked: [] });
    expect(planProgramEdit(assigned, { groups: [{ groupId: A, capacity: 2 }, { groupId: B, capacity: 4 }] }, now).problems).toEqual([
      { path: 'groups.0.capacity', message: '3 people are already placed in this group, so it needs at least 3 places.' },
    ]);
  });
});
