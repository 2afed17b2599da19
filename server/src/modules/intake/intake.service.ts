import type { Db } from '../../platform/db/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { Logger } from '../../platform/logger.ts';
import { createConversations } from './conversation.ts';
import type { IntakeDeps } from './intake.deps.ts';
import { createProfiles } from './profile.ts';

export type IntakeService = ReturnType<typeof createIntakeService>;

/** Intake: the person's profile (editable, deletable) and the guided conversation with the automated assistant. */
export function createIntakeService(input: { db: Db; cipher: FieldCipher; logger: Logger; now?: () => Date } & Pick<IntakeDeps, 'matching' | 'safety' | 'searchResources' | 'llm'>) {
  const profiles = createProfiles({ db: input.db, cipher: input.cipher });
  const deps: IntakeDeps = { ...input, now: input.now ?? (() => new Date()), profiles };
  return {
    getProfile: profiles.getProfile,
    saveProfile: profiles.saveProfile,
    deleteProfile: profiles.deleteProfile,
    findMatchProfile: profiles.findMatchProfile,
    ...createConversations(deps),
  };
}
