import { createCoalescer } from '../../platform/coalesce.ts';
import { writeAudit } from '../../platform/db/index.ts';
import { reviewText, type AutomodDecision } from './automod/index.ts';
import { MODERATION_COPY } from './moderation.copy.ts';
import type { ModerationContext } from './moderation.context.ts';
import { ModerationErrors } from './moderation.errors.ts';
import { isNewMember, postsPerMinute } from './moderation.policy.ts';
import { createLocalPostRateLimiter } from './post-rate.ts';
import * as repo from './moderation.repo.ts';
import * as standingRepo from './standing.repo.ts';

type Author = { userId: string; orgId: string; role: string };
type Place = { roomId?: string; roomKind?: string; groupId: string | null; sessionId?: string | null; threadId?: string; boardId?: string };
export type GateInput = { kind: 'chat_message' | 'forum_post'; text: string; safetyLevel: 'none' | 'concern' | 'urgent'; place: Place; editOf?: string };
export type GateNotice = { kind: 'held' | 'redacted' | 'censored'; message: string };
export type GateResult = { text: string; hold: boolean; unhide: boolean; notice: GateNotice | null; record(source: { id: string }): Promise<void> };

/** Hidden states an author's own edit may lift (the moderator still sees the item in the queue). */
const LIFTED_BY_EDIT = new Set(['flags', 'ask_edit', 'auto']);
const RATE_WINDOW_MS = 60_000;

function blockError(code: AutomodDecision['blockCode']) {
  switch (code) {
    case 'asks_for_contact':
      return ModerationErrors.asksForContact();
    case 'new_member_link':
      return ModerationErrors.newMemberLink();
    case 'profanity':
      return ModerationErrors.profanityBlocked();
    default:
      return ModerationErrors.blockedWord();
  }
}

/**
 * The message path's moderation step, after the safety assessment and before storing. A person the assessment was
 * worried about is never stopped: restrictions, rate limits, holds, redaction and censoring are all skipped for
 * their words, which are only queued for a moderator to look at later.
 */
export function createGate(ctx: ModerationContext) {
  const { db, now } = ctx;
  /** Posts per minute per person: counted across nodes through Redis when REDIS_URL is set, in this process otherwise. */
  const postRate = ctx.postRate ?? createLocalPostRateLimiter();

  /**
   * Group commit for the message path: the standing of everyone posting at the same moment is read in one statement,
   * and their post counters are bumped in one statement. Read fresh for every batch, so a ban or mute made a moment
   * ago applies to the very next message.
   */
  const standings = createCoalescer<{ orgId: string; userId: string }, standingRepo.StandingRow>(async (people) => {
    const found = new Map((await standingRepo.listStandings(db, people.map((p) => p.userId))).map((row) => [row.userId, row]));
    // A first post creates the standing row (once per person): everyone's of this batch in one statement.
    const missing = people.filter((p) => !found.has(p.userId));
    if (missing.length === 0) return people.map((p) => found.get(p.userId)!);
    const created = await standingRepo.ensureStandings(db, missing).catch(() => null);
    // One row the database refused (e.g. its person was just erased) fails only that person's post.
    if (!created) return Promise.all(people.map((p) => found.get(p.userId) ?? standingRepo.ensureStanding(db, p.orgId, p.userId).catch((err: Error) => err)));
    for (const row of created) found.set(row.userId, row);
    return people.map((p) => found.get(p.userId) ?? new Error('standing could not be created'));
  });
  /** Groups' premoderation settings for a batch of new members' posts, in one statement, read fresh each batch. */
  const groupSettings = createCoalescer<string, { premoderateNewMembers: boolean } | null>(async (groupIds) => {
    const found = new Map((await standingRepo.listGroupSettings(db, groupIds)).map((row) => [row.groupId, row]));
    return groupIds.map((id) => found.get(id) ?? null);
  });
  /** Session mutes of a batch of posts in live session rooms, in one statement, read fresh each batch (a mute applies at once). */
  const sessionMutes = createCoalescer<{ sessionId: string; userId: string }, boolean>(async (pairs) => {
    const muted = await standingRepo.findSessionMutedPairs(db, pairs);
    return pairs.map((p) => muted.has(`${p.sessionId}:${p.userId}`));
  });
  const delivered = createCoalescer<string, void>(async (userIds) => {
    await standingRepo.bumpPostsDeliveredMany(db, userIds);
    return userIds.map(() => undefined);
  });

  async function checkRate(author: Author, trust: Parameters<typeof postsPerMinute>[1]) {
    const limit = postsPerMinute(author.role, trust);
    if (limit === null) return;
    if (!(await postRate.take(author.userId, limit, RATE_WINDOW_MS, now().getTime()))) throw ModerationErrors.tooFast();
  }

  async function check(author: Author, input: GateInput): Promise<GateResult> {
    const atRisk = input.safetyLevel !== 'none';
    const standing = await standings.add({ orgId: author.orgId, userId: author.userId });
    const at = now();
    if (!atRisk) {
      if (standing.bannedAt) throw ModerationErrors.banned();
      if (standing.suspendedUntil && standing.suspendedUntil > at) throw ModerationErrors.suspended();
      if (standing.mutedUntil && standing.mutedUntil > at) throw ModerationErrors.muted(standing.mutedUntil);
      if (input.place.sessionId && (await sessionMutes.add({ sessionId: input.place.sessionId, userId: author.userId }))) throw ModerationErrors.sessionMuted();
      if (!input.editOf) await checkRate(author, standing.trustLevel);
    }
    const { settings, watched } = await ctx.loadRules(author.orgId);
    const newMember = isNewMember(author.role, standing.trustLevel);
    const decision = reviewText(
      input.text,
      { piiAction: settings.piiAction, profanityAction: settings.profanityAction, watched: watched.map((w) => ({ pattern: w.pattern, action: w.action })) },
      { isPeerSupporter: author.role === 'peer_supporter', isNewMember: newMember },
      atRisk,
    );
    if (decision.verdict === 'block') throw blockError(decision.blockCode);

    let hold = decision.verdict === 'hold';
    let hiddenReason: string | null = hold ? 'auto' : null;
    const reasons = [...decision.reasons];
    // Groups may ask for a new member's first posts to be approved first (never for someone the assessment worried about).
    if (!hold && !atRisk && newMember && !input.editOf && input.place.groupId && standing.postsDelivered < settings.premoderatePosts) {
      const group = await groupSettings.add(input.place.groupId);
      if (group?.premoderateNewMembers) {
        hold = true;
        hiddenReason = 'premoderation';
        reasons.push('first posts of a new member');
      }
    }
    const existing = input.editOf ? await repo.findItemByTarget(db, input.kind, input.editOf) : null;
    const unhide = !hold && !!existing?.hidden && LIFTED_BY_EDIT.has(existing.hiddenReason ?? '');
    if (atRisk) reasons.push(`safety: ${input.safetyLevel}`);
    const queue = hold || decision.flag || unhide;

    const notice: GateNotice | null = hold
      ? { kind: 'held', message: MODERATION_COPY.held }
      : decision.redacted
        ? { kind: 'redacted', message: MODERATION_COPY.redacted }
        : decision.censored
          ? { kind: 'censored', message: MODERATION_COPY.censored }
          : null;

    async function record(source: { id: string }) {
      // The common case (nothing to queue, mark or redact) is one counter bump: no transaction needed around it.
      if (!queue && !atRisk && !decision.redacted) {
        if (!hold && !input.editOf) await delivered.add(author.userId);
        return;
      }
      const touched = await db.transaction(async (tx) => {
        if (!hold && !input.editOf) await standingRepo.bumpPostsDelivered(tx, author.userId);
        if (decision.redacted) {
          await repo.insertAction(tx, {
            orgId: author.orgId, subjectId: author.userId, action: 'auto_redact', reason: `Contact details removed (${decision.pii.filter((k) => k !== 'off_platform').join(', ')})`,
            groupId: input.place.groupId, data: { targetKind: input.kind, targetId: source.id },
          });
        }
        if (!queue) {
          // Words of a person at risk are marked, so members' flags can queue them but never hide them.
          if (atRisk) {
            const marked = await repo.lockOrCreateItem(tx, {
              orgId: author.orgId, targetKind: input.kind, targetId: source.id, authorId: author.userId, groupId: input.place.groupId,
              roomId: input.place.roomId ?? null, threadId: input.place.threadId ?? null, status: 'resolved', resolution: 'safety_marked', queuedAt: at,
            });
            await repo.updateItem(tx, marked.id, { autoReasons: [...new Set([...marked.autoReasons, ...reasons])] });
          }
          return false;
        }
        const item = await repo.lockOrCreateItem(tx, {
          orgId: author.orgId, targetKind: input.kind, targetId: source.id, authorId: author.userId, groupId: input.place.groupId,
          roomId: input.place.roomId ?? null, threadId: input.place.threadId ?? null, queuedAt: at,
        });
        await repo.updateItem(tx, item.id, {
          status: 'open',
          resolvedAt: null,
          resolution: null,
          queuedAt: item.status === 'resolved' ? at : item.queuedAt,
          autoReasons: [...new Set([...item.autoReasons, ...reasons])],
          ...(hold ? { hidden: true, hiddenReason } : {}),
          ...(unhide ? { hidden: false, hiddenReason: null, editedAt: at } : {}),
          ...(input.editOf && !unhide ? { editedAt: at } : {}),
        });
        if (hold) {
          const reason = hiddenReason === 'premoderation' ? 'Waiting for approval: first posts of a new member in this group' : `Held for review: ${reasons.join(', ')}`;
          await repo.insertAction(tx, { orgId: author.orgId, itemId: item.id, subjectId: author.userId, action: 'auto_hold', reason, groupId: input.place.groupId });
        }
        await writeAudit(tx, {
          orgId: author.orgId, actorId: author.userId, action: hold ? 'moderation.held' : unhide ? 'moderation.edited_after_hide' : 'moderation.queued',
          entityType: 'moderation_item', entityId: item.id, data: { reasons },
        });
        return true;
      });
      if (touched) await ctx.announceQueue(author.orgId);
    }

    return { text: decision.text, hold, unhide, notice, record };
  }

  return { check };
}
