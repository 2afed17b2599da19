import type { Db } from '../../platform/db/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { Logger } from '../../platform/logger.ts';
import type { MatchingService, SafetyPort } from '../matching/index.ts';
import type { LlmAdapter } from './llm-adapter.ts';
import type { createProfiles } from './profile.ts';

/** A self-help resource from the library, as the assistant offers it (retrieval, never generation). */
export type LibraryHit = { title: string; summary: string; url: string };

/**
 * Safety as intake uses it: every message is assessed and recorded on the person's risk history at every level (the
 * safety module's `assessAndRecord`); concern and urgent also open or join their case and alert on-call.
 */
export type IntakeSafetyPort = SafetyPort & {
  assessAndRecord(author: { userId: string; orgId: string }, text: string, source: { kind: 'intake'; id?: string | null }): Promise<{ level: 'none' | 'concern' | 'urgent' }>;
};

/** The intake service's factory arguments. */
export type IntakeDeps = {
  db: Db;
  cipher: FieldCipher;
  logger: Logger;
  now: () => Date;
  profiles: ReturnType<typeof createProfiles>;
  matching: Pick<MatchingService, 'recommendGroups' | 'recommendSupporters' | 'createSupportRequest' | 'listMySupportRequests'>;
  safety: IntakeSafetyPort;
  /** The resource library's retrieval (the resources module), when wired. */
  searchResources?: (query: string, opts: { language?: string; limit?: number; orgId?: string }) => Promise<LibraryHit[]>;
  /** Optional language model; undefined unless an admin configured INTAKE_LLM_URL. */
  llm?: LlmAdapter;
};
