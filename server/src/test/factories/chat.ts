import { WebSocket } from 'ws';
import { eq, sql } from 'drizzle-orm';
import type { ChatMessage, ServerEvent } from '@hearth/contracts';
import { groupMembers, groups, messages, rooms, sessions } from '../../db/schema/index.ts';
import { createFieldCipher } from '../../platform/crypto/index.ts';
import type { TestServer, TestUser } from '../server.ts';
import { grantCertificate } from './training.ts';

let counter = 0;

/** Inserts a group directly (chat tests do not depend on the groups module's API). */
export async function insertGroup(t: TestServer, overrides: Partial<typeof groups.$inferInsert> = {}) {
  const [row] = await t.database.db
    .insert(groups)
    .values({ orgId: t.org.id, name: `Chat test group ${++counter}`, ...overrides })
    .returning();
  return row!;
}

type MemberRole = 'member' | 'co_facilitator' | 'facilitator';
type MemberStatus = 'active' | 'requested' | 'invited' | 'declined' | 'left';

/** Inserts a membership directly; active member by default. */
export async function insertMembership(t: TestServer, groupId: string, user: TestUser, opts: { role?: MemberRole; status?: MemberStatus } = {}) {
  const status = opts.status ?? 'active';
  const [row] = await t.database.db
    .insert(groupMembers)
    .values({ groupId, userId: user.id, role: opts.role ?? 'member', status, joinedAt: status === 'active' ? new Date() : null })
    .returning();
  return row!;
}

/** Inserts a one-off session starting `startsInMinutes` from now (negative: already started). */
export async function insertSession(t: TestServer, groupId: string, opts: { startsInMinutes: number; durationMinutes?: number; title?: string | null; status?: 'scheduled' | 'cancelled' }) {
  const startsAt = new Date(Date.now() + opts.startsInMinutes * 60_000);
  const endsAt = new Date(startsAt.getTime() + (opts.durationMinutes ?? 60) * 60_000);
  const [row] = await t.database.db
    .insert(sessions)
    .values({ groupId, startsAt, endsAt, title: opts.title === undefined ? `Session ${++counter}` : opts.title, status: opts.status ?? 'scheduled' })
    .returning();
  return row!;
}

/** A group whose chat room exists, with the given people as active members. Returns the group and room id. */
export async function createGroupRoom(t: TestServer, members: TestUser[], groupOverrides: Partial<typeof groups.$inferInsert> = {}) {
  const group = await insertGroup(t, groupOverrides);
  for (const m of members) await insertMembership(t, group.id, m);
  const res = await t.client(members[0]).get(`/api/groups/${group.id}/room`);
  if (res.statusCode !== 200) throw new Error(`group room factory failed: ${res.body}`);
  return { group, roomId: res.json().roomId as string };
}

/** An accepted one-to-one conversation between a member and a peer supporter. */
export async function createDirectRoom(t: TestServer, member: TestUser, supporter: TestUser) {
  const requested = await t.client(member).post('/api/direct', { supporterId: supporter.id, intro: 'I would like to talk about a rough week.' });
  if (requested.statusCode !== 201) throw new Error(`direct request factory failed: ${requested.body}`);
  // Taking one-to-one requests needs the peer supporter certificate (enforced by default).
  await grantCertificate(t, supporter, 'peer_supporter');
  const accepted = await t.client(supporter).post(`/api/direct/${requested.json().id}/accept`);
  if (accepted.statusCode !== 200) throw new Error(`direct accept factory failed: ${accepted.body}`);
  return { conversationId: accepted.json().id as string, roomId: accepted.json().roomId as string };
}

let clientCounter = 0;

/** Sends a chat message over HTTP and returns it (throws unless stored). */
export async function sendMessage(t: TestServer, user: TestUser, roomId: string, body: string, clientId = `c-${++clientCounter}`): Promise<ChatMessage> {
  const res = await t.client(user).post(`/api/rooms/${roomId}/messages`, { clientId, body });
  if (res.statusCode !== 201) throw new Error(`send failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A real websocket client for tests: records every event and lets a test wait for the ones it expects. */
/**
 * What a node leaves behind when it dies (or cannot reach Redis) between committing a message and publishing it: the
 * message is stored as the chat service stores it (next seq, body encrypted with the test server's key), but no node
 * has heard of it. Returns its seq.
 */
export async function storeWithoutPublishing(t: TestServer, roomId: string, author: TestUser, body: string, clientId?: string): Promise<number> {
  const cipher = createFieldCipher('0'.repeat(64));
  return t.database.db.transaction(async (tx) => {
    const [room] = await tx.update(rooms).set({ lastSeq: sql`${rooms.lastSeq} + 1` }).where(eq(rooms.id, roomId)).returning({ seq: rooms.lastSeq });
    await tx.insert(messages).values({ roomId, seq: room!.seq, authorId: author.id, clientId: clientId ?? `unpublished-${room!.seq}`, bodyCiphertext: cipher.encrypt(body) });
    return room!.seq;
  });
}

export type LiveClient = {
  events: ServerEvent[];
  send(event: unknown): void;
  /** Resolves with the first recorded event (past or future) matching `match`. */
  waitFor<T extends ServerEvent>(match: (e: ServerEvent) => e is T): Promise<T>;
  waitFor(match: (e: ServerEvent) => boolean): Promise<ServerEvent>;
  /** Subscribes and waits for `subscribed` or an error for that room. */
  subscribe(room: string, after?: number): Promise<ServerEvent>;
  /** A ping round trip: every event the server sent before the pong has arrived. */
  flush(): Promise<void>;
  close(): Promise<void>;
  socket: WebSocket;
};

/** Opens a websocket to `/ws` as `user` (or anonymously). */
export async function connectLive(baseUrl: string, user?: TestUser): Promise<LiveClient> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws`, { headers: user ? { cookie: `hearth_sid=${user.cookie}` } : {} });
  const events: ServerEvent[] = [];
  const waiters: { match: (e: ServerEvent) => boolean; resolve: (e: ServerEvent) => void }[] = [];
  socket.on('message', (data) => {
    const event = JSON.parse(data.toString()) as ServerEvent;
    events.push(event);
    for (const w of [...waiters]) {
      if (w.match(event)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(event);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const waitFor = (match: (e: ServerEvent) => boolean) =>
    new Promise<ServerEvent>((resolve) => {
      const seen = events.find(match);
      if (seen) resolve(seen);
      else waiters.push({ match, resolve });
    });
  const client: LiveClient = {
    events,
    socket,
    send: (event) => socket.send(JSON.stringify(event)),
    waitFor: waitFor as LiveClient['waitFor'],
    subscribe(room, after) {
      const from = events.length;
      client.send({ type: 'subscribe', room, ...(after !== undefined ? { after } : {}) });
      return new Promise((resolve) => {
        const match = (e: ServerEvent) => (e.type === 'subscribed' || e.type === 'error') && 'room' in e && e.room === room;
        const seen = events.slice(from).find(match);
        if (seen) resolve(seen);
        else waiters.push({ match: (e) => match(e) && events.indexOf(e) >= from, resolve });
      });
    },
    async flush() {
      const from = events.length;
      client.send({ type: 'ping' });
      await new Promise<ServerEvent>((resolve) => waiters.push({ match: (e) => e.type === 'pong' && events.indexOf(e) >= from, resolve }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (socket.readyState === socket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      }),
  };
  return client;
}

/** The chat messages a live client received, in arrival order. */
export function receivedMessages(client: LiveClient, roomId: string): ChatMessage[] {
  return client.events.flatMap((e) => (e.type === 'message.created' && e.room === `room:${roomId}` ? [e.message] : []));
}
