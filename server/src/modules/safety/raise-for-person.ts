import { z } from 'zod';
import { writeAudit } from '../../platform/db/index.ts';
import type { SafetyDeps } from './safety.deps.ts';
import { openOrJoinCase, type SourceKind } from './case-routing.ts';
import { SafetyErrors } from './safety.errors.ts';
import * as repo from './safety.repo.ts';

/** Source kinds with their own label in the case view; anything else is stored as `other` with its name kept. */
const KNOWN_SOURCES = ['worry_report', 'phq9_item9', 'intake', 'decline'] as const satisfies readonly SourceKind[];

export const RaiseForPersonInput = z.object({
  orgId: z.uuid(),
  userId: z.uuid(),
  raisedBy: z.uuid().nullable(),
  level: z.enum(['concern', 'urgent']),
  source: z.object({ kind: z.string().trim().min(1).max(40), id: z.string().max(100).optional() }),
  reasons: z.array(z.string().trim().min(1).max(80)).max(20),
  note: z.string().trim().max(2000).optional(),
});
/** A concern about a person raised by another part of Hearth (a worry report, a screening answer, the intake chat). */
export type RaiseForPersonInput = {
  orgId: string;
  userId: string;
  /** Who raised it; null when Hearth itself did (an answer on a questionnaire). */
  raisedBy: string | null;
  level: 'concern' | 'urgent';
  source: { kind: 'worry_report' | 'phq9_item9' | 'intake' | 'decline' | (string & {}); id?: string };
  /** Short, non-identifying reasons a moderator reads, e.g. "phq9 item 9: several days". Never the person's words. */
  reasons: string[];
  /** Optional free text for the case timeline; encrypted at rest like every case note. */
  note?: string;
};

/** The port other modules take in their deps (moderation, outcomes, intake). */
export type RaiseForPerson = (input: RaiseForPersonInput) => Promise<{ caseId: string }>;

const SCORE = { concern: 0.5, urgent: 1 } as const;
const isUuid = (v: string | undefined) => v !== undefined && z.uuid().safeParse(v).success;

/**
 * Opens a case for a person (or joins their open one) on behalf of another module, with the same alerting and
 * escalation as an urgent message: urgent alerts on-call now, concern waits in the queue as a low-priority review.
 * Recorded on the person's risk history, the case timeline and the audit log. The person gets no card from here:
 * the calling screen decides what they see.
 */
export function createRaiseForPerson(deps: SafetyDeps) {
  const { db, cipher, logger } = deps;

  return {
    async raiseForPerson(input: RaiseForPersonInput): Promise<{ caseId: string }> {
      const parsed = RaiseForPersonInput.safeParse(input);
      if (!parsed.success) throw SafetyErrors.invalidRaise(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
      const { orgId, userId, raisedBy, level, source, reasons, note } = parsed.data;
      if (!(await repo.findOrgMember(db, orgId, userId))) throw SafetyErrors.personNotFound();
      if (raisedBy && !(await repo.findOrgMember(db, orgId, raisedBy))) throw SafetyErrors.personNotFound();
      const sourceKind: SourceKind = (KNOWN_SOURCES as readonly string[]).includes(source.kind) ? (source.kind as SourceKind) : 'other';
      const sourceId = isUuid(source.id) ? source.id! : null;

      const routed = await db.transaction(async (tx) => {
        await repo.insertAssessment(tx, { orgId, userId, sourceKind, sourceId, level, score: SCORE[level], reasons, aboutSomeoneElse: false });
        const result = await openOrJoinCase(deps, tx, {
          orgId, subjectUserId: userId, kind: 'raised', sourceKind, sourceId, roomId: null, level, actorId: raisedBy,
          data: {
            raised: { kind: source.kind, ...(source.id ? { id: source.id } : {}) },
            reasons,
            ...(note ? { textCiphertext: cipher.encrypt(note) } : {}),
          },
        });
        await writeAudit(tx, {
          orgId, actorId: raisedBy, action: 'safety_case.raised_for_person', entityType: 'safety_case', entityId: result!.caseRow.id,
          data: { sourceKind: source.kind, level },
        });
        return result;
      });
      // A concern or urgent level always opens or joins a case, so `routed` is set.
      await routed!.after().catch((err) => logger.error({ err, caseId: routed!.caseRow.id }, 'safety alert delivery failed'));
      return { caseId: routed!.caseRow.id };
    },
  };
}
