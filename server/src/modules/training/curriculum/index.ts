import { COMMUNITY } from './community.ts';
import { FOUNDATIONS } from './foundations.ts';
import { PRACTICE } from './practice.ts';
import type { BuiltInCourse } from './types.ts';

export type { BuiltInCourse } from './types.ts';
export { SOURCES } from './types.ts';

/**
 * The built-in curriculum, written for Hearth. It draws on public frameworks (cited on each module) and copies none of
 * their text. Every word is checked for safe messaging by curriculum.test.ts.
 */
export const BUILT_IN_CURRICULUM: BuiltInCourse[] = [...FOUNDATIONS, ...PRACTICE, ...COMMUNITY];
