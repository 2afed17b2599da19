import type { Actor } from '../../platform/http/actor.ts';
import type { ModerationContext } from './moderation.context.ts';
import { ModerationErrors } from './moderation.errors.ts';
import { isModerator } from './moderation.policy.ts';
import * as repo from './moderation.repo.ts';

const DAY_MS = 86_400_000;
const PUBLIC_DAYS = 90;

/**
 * The kinds of decision the public summary shows (the app words each kind for members): what was done, never to
 * whom or about what words. Automatic steps, trust changes and session ends are left out.
 */
const PUBLIC_ACTIONS: ReadonlySet<string> = new Set([
  'hide', 'helper_hide', 'live_remove', 'ask_edit', 'warn', 'mute', 'live_mute', 'suspend', 'ban', 'dismiss', 'approve', 'appeal_granted', 'appeal_denied',
]);

/** A reason category for the public summary: a template name or the kind of decision, never the moderator's words. */
function publicReason(row: { action: string; template: string | null }): string {
  if (row.template) return row.template.replace(/_/g, ' ');
  return row.action.startsWith('live_') ? 'session care' : 'community guidelines';
}

/** Every action with its reason for moderators; an anonymised summary per group for members. */
export function createModlogUseCases(ctx: ModerationContext) {
  const { db, now, groups } = ctx;

  return {
    /** The full modlog, newest first: who did what, to whom, and why. Moderators and admins only. */
    async listModlog(actor: Actor, query: { before?: string; limit: number }) {
      if (!isModerator(actor)) throw ModerationErrors.actionNotFound();
      const rows = await repo.listModlog(db, actor.orgId, { before: query.before ? new Date(query.before) : undefined, limit: query.limit + 1 });
      const page = rows.slice(0, query.limit);
      const subjects = await repo.findNames(db, [...new Set(page.map((r) => r.action.subjectId).filter((s): s is string => s !== null))]);
      const appeals = await Promise.all(page.map((r) => repo.findAppealByAction(db, r.action.id)));
      return {
        entries: page.map(({ action: a, moderatorName }, i) => ({
          id: a.id, action: a.action, reason: a.reason, template: a.template,
          moderator: a.moderatorId ? { id: a.moderatorId, displayName: moderatorName ?? '' } : null,
          subject: a.subjectId ? { id: a.subjectId, displayName: subjects.get(a.subjectId) ?? '' } : null,
          itemId: a.itemId, groupId: a.groupId, expiresAt: a.expiresAt?.toISOString() ?? null, createdAt: a.createdAt.toISOString(),
          appeal: appeals[i] ? { id: appeals[i]!.id, status: appeals[i]!.status } : null,
        })),
        nextBefore: rows.length > query.limit ? page.at(-1)!.action.createdAt.toISOString() : null,
      };
    },

    /**
     * What moderators did in one group (or in the organization's public spaces) over the last 90 days: counts and a
     * dated list of kinds of action. No names, no words, no reasons beyond a category. Members of the group only.
     */
    async getPublicSummary(actor: Actor, groupId: string | undefined) {
      if (groupId) {
        const [group, membership] = await Promise.all([groups.findGroup(groupId), groups.findMembership(groupId, actor.userId)]);
        if (!group || group.orgId !== actor.orgId || (membership?.status !== 'active' && !isModerator(actor))) throw ModerationErrors.contentNotFound();
      }
      const rows = await repo.listPublicActions(db, actor.orgId, groupId ?? null, new Date(now().getTime() - PUBLIC_DAYS * DAY_MS));
      const shown = rows.filter((r) => PUBLIC_ACTIONS.has(r.action));
      const totals: Record<string, number> = {};
      for (const r of shown) totals[r.action] = (totals[r.action] ?? 0) + 1;
      return {
        groupId: groupId ?? null,
        days: PUBLIC_DAYS,
        totals,
        entries: shown.map((r) => ({ action: r.action, reason: publicReason(r), date: r.createdAt.toISOString().slice(0, 10) })),
      };
    },

    /** Flag-to-action time (median, p90), open queue, upheld rate and appeals, computed from the modlog and flags. */
    async getDashboard(actor: Actor, days: number) {
      if (!isModerator(actor)) throw ModerationErrors.actionNotFound();
      const since = new Date(now().getTime() - days * DAY_MS);
      const [seconds, openQueue, flags, appeals] = await Promise.all([
        repo.listFlagToActionSeconds(db, actor.orgId, since),
        repo.countOpenItems(db, actor.orgId),
        repo.countFlagOutcomes(db, actor.orgId, since),
        repo.countAppeals(db, actor.orgId, since),
      ]);
      const decided = flags.upheld + flags.dismissed;
      return {
        days,
        flagToAction: { medianSeconds: percentile(seconds, 0.5), p90Seconds: percentile(seconds, 0.9), decided: seconds.length },
        openQueue,
        upheldRate: decided > 0 ? flags.upheld / decided : null,
        flags,
        appeals,
      };
    },
  };
}

/** Nearest-rank percentile; null for no data. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!);
}
