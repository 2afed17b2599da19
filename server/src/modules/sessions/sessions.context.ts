import type { Db } from '../../platform/db/index.ts';
import { CommonErrors } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { RealtimeHub } from '../../platform/realtime/index.ts';
import type { Notifier } from '../../platform/notify.ts';
import { GroupErrors, type GroupsService } from '../groups/index.ts';
import * as repo from './sessions.repo.ts';
import { canManageSessions, canReadSession } from './sessions.policy.ts';
import { presentSession } from './sessions.presenter.ts';
import { createMaterializer } from './materialize.ts';

export type SessionsDeps = { db: Db; hub: RealtimeHub; groups: GroupsService; now?: () => Date; /** Session reminders (wired in main.ts). */ notifier?: Notifier };

/** What every sessions use case shares: the database, the clock, the materializer and the read/authorize helpers. */
export function createSessionsContext(deps: SessionsDeps) {
  const { db, groups } = deps;
  const now = deps.now ?? (() => new Date());
  const materializer = createMaterializer({ db, now });

  /** The session as the actor sees it, or a 404 when its group is hidden from them. */
  async function loadReadable(actor: Actor, sessionId: string) {
    const [view] = await repo.listSessionViews(db, { viewerId: actor.userId, where: repo.where.session(sessionId) });
    const membership = view?.membership?.status ? view.membership : null;
    if (!view || !canReadSession(actor, view.group, membership)) throw CommonErrors.notFound('That session');
    return { view, membership };
  }

  async function viewSession(actor: Actor, sessionId: string, tz = actor.timezone) {
    const { view } = await loadReadable(actor, sessionId);
    return presentSession(view, actor, tz, now());
  }

  /** The group, when the actor may add, move and cancel its sessions (404 hidden, 409 archived, 403 otherwise). */
  async function requireManager(actor: Actor, groupId: string) {
    const { group, membership } = await groups.getVisibleGroup(actor, groupId);
    if (group.archivedAt) throw GroupErrors.archived();
    if (!canManageSessions(actor, group, membership)) throw CommonErrors.forbidden();
    return { group, membership };
  }

  return {
    ...deps,
    now,
    materializer,
    loadReadable,
    viewSession,
    requireManager,
    /** Tells open group pages to refetch sessions (after commit). */
    invalidate: (groupId: string) => groups.invalidate(groupId, ['sessions']),
  };
}

export type SessionsContext = ReturnType<typeof createSessionsContext>;
