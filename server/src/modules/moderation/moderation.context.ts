import type { DbOrTx } from '../../platform/db/index.ts';
import type { TrustThresholds } from '../../db/schema/index.ts';
import { queueRoom, type ModerationDeps } from './moderation.deps.ts';
import * as repo from './moderation.repo.ts';
import * as standingRepo from './standing.repo.ts';
import { DEFAULT_TRUST_THRESHOLDS, type TrustLevel } from './trust.ts';

/** An organization's moderation settings, with the defaults filled in. */
export type OrgSettings = {
  hideThreshold: number;
  piiAction: 'redact' | 'hold';
  profanityAction: 'allow' | 'censor' | 'flag' | 'block';
  premoderatePosts: number;
  trustThresholds: TrustThresholds;
};

/** How long a node may keep an org's moderation settings and watched words before reading them again. */
export const RULES_TTL_MS = 5_000;

export const DEFAULT_SETTINGS: OrgSettings = { hideThreshold: 5, piiAction: 'redact', profanityAction: 'censor', premoderatePosts: 3, trustThresholds: DEFAULT_TRUST_THRESHOLDS };

/** Content (or a profile) that can be flagged, as every moderation use case needs it. */
export type Target = {
  kind: repo.TargetKind;
  id: string;
  orgId: string;
  authorId: string | null;
  authorName: string | null;
  groupId: string | null;
  roomId: string | null;
  /** For chat messages: the kind of room and its session, so notices can link back to the conversation. */
  roomKind: string | null;
  sessionId: string | null;
  threadId: string | null;
  body: string;
  title: string | null;
  hidden: boolean;
  deleted: boolean;
};

/** Shared helpers of the moderation use cases. */
export function createModerationContext(deps: ModerationDeps) {
  const { db, hub, logger, chat, forums, accounts } = deps;

  async function loadSettings(orgId: string, tx: DbOrTx = db): Promise<OrgSettings> {
    const row = await standingRepo.findSettings(tx, orgId);
    if (!row) return DEFAULT_SETTINGS;
    return {
      hideThreshold: row.hideThreshold,
      piiAction: row.piiAction,
      profanityAction: row.profanityAction,
      premoderatePosts: row.premoderatePosts,
      trustThresholds: row.trustThresholds ?? DEFAULT_TRUST_THRESHOLDS,
    };
  }

  /**
   * What the gate checks every message against: the org's settings and watched words. They change rarely and are
   * read on every message, so each node keeps them for RULES_TTL_MS; a change made through this node is seen at once,
   * one made through another node within RULES_TTL_MS.
   */
  const rules = new Map<string, { at: number; value: Promise<{ settings: OrgSettings; watched: standingRepo.WatchedWordRow[] }> }>();
  function loadRules(orgId: string) {
    const at = Date.now();
    const cached = rules.get(orgId);
    if (cached && at - cached.at < RULES_TTL_MS) return cached.value;
    const value = Promise.all([loadSettings(orgId), standingRepo.listWatchedWords(db, orgId)]).then(([settings, watched]) => ({ settings, watched }));
    rules.set(orgId, { at, value });
    // A failed read is not kept: the next message asks the database again.
    value.catch(() => rules.delete(orgId));
    if (rules.size > 10_000) rules.delete(rules.keys().next().value!);
    return value;
  }
  /** Forgets an org's cached rules after a moderator changed them. */
  function forgetRules(orgId: string) {
    rules.delete(orgId);
  }

  /** Loads what a flag or an action points at, whatever its kind; null when it does not exist. */
  async function loadTarget(kind: repo.TargetKind, id: string): Promise<Target | null> {
    if (kind === 'chat_message') {
      const m = await chat.findMessageForModeration(id);
      return m && { kind, id, orgId: m.orgId, authorId: m.authorId, authorName: m.authorName, groupId: m.groupId, roomId: m.roomId, roomKind: m.roomKind, sessionId: m.sessionId, threadId: null, body: m.body, title: null, hidden: m.hidden, deleted: m.deleted };
    }
    if (kind === 'forum_post') {
      const p = await forums.findPostForModeration(id);
      return p && { kind, id, orgId: p.orgId, authorId: p.authorId, authorName: p.authorName, groupId: p.groupId, roomId: null, roomKind: null, sessionId: null, threadId: p.threadId, body: p.body, title: p.title, hidden: p.hidden, deleted: p.deleted };
    }
    const u = await accounts.findUser(id);
    return u && { kind, id, orgId: u.orgId, authorId: u.id, authorName: u.displayName, groupId: null, roomId: null, roomKind: null, sessionId: null, threadId: null, body: '', title: null, hidden: false, deleted: false };
  }

  /** Hides or shows content everywhere it appears (profiles have nothing to hide). */
  async function setHidden(target: Pick<Target, 'kind' | 'id'>, hidden: boolean, moderatorId: string | null): Promise<void> {
    if (target.kind === 'chat_message') await chat.setMessageHidden(target.id, hidden, deps.now());
    else if (target.kind === 'forum_post') await forums.setPostHidden(target.id, hidden, deps.now(), moderatorId);
  }

  async function trustOf(orgId: string, userId: string, tx: DbOrTx = db): Promise<TrustLevel> {
    return (await standingRepo.ensureStanding(tx, orgId, userId)).trustLevel;
  }

  /**
   * Tells a person something moderation decided: recorded here (readable in-app, testable without notifications)
   * and sent through the notifier when one is wired. Params are never message text.
   */
  async function tell(tx: DbOrTx, n: { orgId: string; userId: string; kind: string; itemId?: string | null; actionId?: string | null; params?: Record<string, string | number> }) {
    const row = await repo.insertNotice(tx, { orgId: n.orgId, userId: n.userId, kind: n.kind, itemId: n.itemId ?? null, actionId: n.actionId ?? null, params: n.params ?? {} });
    await deps.notifier
      ?.notify({ userId: n.userId, kind: `moderation.${n.kind}`, url: '/moderation/notices', params: n.params, dedupeKey: `moderation:${row.id}` }, tx)
      .catch((err) => logger.error({ err }, 'moderation notification failed'));
    return row;
  }

  /** After commit: the live queue refetches. Best effort; the queue is also fetched on load. */
  async function announceQueue(orgId: string) {
    const event = { type: 'invalidate' as const, keys: ['modqueue'] };
    await hub.publish(queueRoom(orgId), event).catch((err) => logger.error({ err }, 'modqueue publish failed'));
  }

  return { ...deps, loadSettings, loadRules, forgetRules, loadTarget, setHidden, trustOf, tell, announceQueue };
}

export type ModerationContext = ReturnType<typeof createModerationContext>;
