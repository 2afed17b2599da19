import type { Db } from '../../platform/db/index.ts';
import { runPrepared, type PreparedStatement } from '../../platform/db/prepared.ts';

// Chat's post path reads session rooms' facts through the sessions read port (session-facts.ts): one statement per batch.

const SESSION_POSTING_FACTS: PreparedStatement = {
  name: 'sessions_posting_facts_v1',
  text: `
    select p.session_id, p.user_id, s.group_id, s.title, s.starts_at, s.ends_at, s.status,
      g.name as group_name, g.archived_at, m.role, m.status as member_status
    from jsonb_to_recordset($1::jsonb) as p(session_id uuid, user_id uuid)
    join sessions s on s.id = p.session_id
    join groups g on g.id = s.group_id
    left join group_members m on m.group_id = s.group_id and m.user_id = p.user_id`,
};

/** What the post path needs to know about a session room, per person: the session's times, its group and their membership. */
export type SessionPostingFacts = {
  session: { id: string; groupId: string; title: string | null; startsAt: Date; endsAt: Date; status: 'scheduled' | 'cancelled' };
  groupName: string;
  archivedAt: Date | null;
  membership: { role: string; status: string } | null;
};

type Row = {
  session_id: string; user_id: string; group_id: string; title: string | null; starts_at: Date | string; ends_at: Date | string; status: 'scheduled' | 'cancelled';
  group_name: string; archived_at: Date | string | null; role: string | null; member_status: string | null;
};

/**
 * Session, group and membership facts for many (session, person) pairs in one statement, read fresh for every batch
 * of posts: nothing is kept, so a session ending, being cancelled or moved, an archived group or a member leaving is
 * seen by the very next message. Keyed `session:user`; a session (or group) that does not exist is missing. (Reads the
 * groups tables beside its own, with only the columns the chat policy needs.)
 */
export async function listSessionPostingFacts(db: Db, pairs: Array<{ sessionId: string; userId: string }>): Promise<Map<string, SessionPostingFacts>> {
  const input = pairs.map((p) => ({ session_id: p.sessionId, user_id: p.userId }));
  const result = await runPrepared<Row>(db, SESSION_POSTING_FACTS, [JSON.stringify(input)]);
  return new Map(result.rows.map((r) => [`${r.session_id}:${r.user_id}`, {
    session: { id: r.session_id, groupId: r.group_id, title: r.title, startsAt: new Date(r.starts_at), endsAt: new Date(r.ends_at), status: r.status },
    groupName: r.group_name,
    archivedAt: r.archived_at === null ? null : new Date(r.archived_at),
    membership: r.role && r.member_status ? { role: r.role, status: r.member_status } : null,
  }]));
}
