import modelJson from './model.json' with { type: 'json' };
import type { RoleplayModel } from './model.ts';

/** The committed role-play reply model (trained by `npm run train:roleplay`). */
export const ROLEPLAY_MODEL = modelJson as RoleplayModel;
export { assessReply, type ReplyAssessment } from './assessor.ts';
