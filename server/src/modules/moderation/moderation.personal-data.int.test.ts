import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroupRoom, sendMessage } from '../../test/factories/chat.ts';
import { flag } from '../../test/factories/moderation.ts';
import { createTestServer, type TestServer } from '../../test/server.ts';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
afterAll(() => t.close());

const count = async (sql: string, id: string) => (await t.database.pool.query(sql, [id])).rows[0].n as number;

describe('moderation personal data', () => {
  it('exports the flags a person made and their blocks, and on erase removes them or strips their identity where the modlog keeps the record', async () => {
    const [person, author, other] = [await t.createUser(), await t.createUser(), await t.createUser()];
    const moderator = await t.createUser('moderator');
    const { roomId } = await createGroupRoom(t, [person, author]);
    const message = await sendMessage(t, author, roomId, 'something unkind');
    await flag(t, person, 'chat_message', message.id, 'other', { note: 'It felt aimed at me' });
    await t.client(person).post('/api/moderation/blocks', { userId: other.id, kind: 'mute' });
    await t.client(person).get(`/api/rooms/${roomId}/messages`);
    expect(await count('select count(*)::int as n from moderation_read_marks where user_id = $1', person.id)).toBe(1);
    await flag(t, other, 'profile', person.id, 'spam');
    const itemId = (await t.client(moderator).get('/api/moderation/queue')).json().items.find((i: { targetId: string }) => i.targetId === person.id).id;
    await t.client(moderator).post(`/api/moderation/items/${itemId}/actions`, { action: 'warn', template: 'no_spam', reason: 'Repeated adverts' });

    const contributor = t.services.moderation.personalData;
    const exported = JSON.stringify(await contributor.export(person.id));
    expect(exported).toContain('It felt aimed at me');
    expect(exported).toContain(other.id);

    await t.database.db.transaction((tx) => contributor.erase(tx, person.id));
    expect(await count('select count(*)::int as n from moderation_flags where reporter_id = $1', person.id)).toBe(0);
    expect(await count('select count(*)::int as n from person_blocks where owner_id = $1 or target_id = $1', person.id)).toBe(0);
    expect(await count('select count(*)::int as n from moderation_actions where subject_id = $1', person.id)).toBe(0);
    expect(await count('select count(*)::int as n from moderation_notices where user_id = $1', person.id)).toBe(0);
    expect(await count('select count(*)::int as n from moderation_read_marks where user_id = $1', person.id)).toBe(0);
    // The decision itself stays in the modlog, without the person.
    expect(await count(`select count(*)::int as n from moderation_actions where id in (select id from moderation_actions where reason = 'Repeated adverts') and subject_id is null and $1::text is not null`, person.id)).toBe(1);
    // The flag they made still counts on the item, but no longer says who made it or what they wrote.
    expect(await count(`select count(*)::int as n from moderation_flags where target_id = $1 and reporter_id is null and note_ciphertext is null`, message.id)).toBe(1);
  });
});
