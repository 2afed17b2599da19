import type { Tx } from './db/index.ts';

/**
 * Each module that stores data about a person registers one contributor, so "export my data" and
 * "delete my account" cover the whole product without a central list of tables.
 */
export type PersonalDataContributor = {
  /** A stable section name in the export, e.g. "chat" or "outcomes". */
  name: string;
  /** Everything this module holds about the person, decrypted, in a JSON-friendly shape. */
  export(userId: string): Promise<unknown>;
  /**
   * Removes (or, where another person's record must survive, de-identifies) everything about the person.
   * Runs inside the one account-deletion transaction, before the user row itself is deleted.
   */
  erase(tx: Tx, userId: string): Promise<void>;
};

/** Collects contributors at wiring time; the privacy module reads them. */
export function createPersonalDataRegistry() {
  const contributors: PersonalDataContributor[] = [];
  return {
    register(contributor: PersonalDataContributor) {
      if (contributors.some((c) => c.name === contributor.name)) throw new Error(`personal data section ${contributor.name} registered twice`);
      contributors.push(contributor);
    },
    list(): readonly PersonalDataContributor[] {
      return contributors;
    },
  };
}

export type PersonalDataRegistry = ReturnType<typeof createPersonalDataRegistry>;
