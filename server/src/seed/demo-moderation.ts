import { eq } from 'drizzle-orm';
import { messages } from '../db/schema/index.ts';
import type { Database } from '../platform/db/index.ts';
import type { Actor } from '../platform/http/actor.ts';
import type { ChatService } from '../modules/chat/index.ts';
import type { ModerationService } from '../modules/moderation/index.ts';

/**
 * Moderation that looks alive: a few trusted members, watched words, one message hidden by members' flags waiting in
 * the queue, one decided report (in the modlog, with the reporter told), and a held first post. Invented words only.
 */
export async function seedDemoModeration(
  services: { chat: ChatService; moderation: ModerationService },
  database: Database,
  actor: (key: string) => Actor,
  groupId: string,
  now: Date,
): Promise<void> {
  const { moderation, chat } = services;
  const mod = actor('moderator');
  for (const [key, level] of [['ben', 'trusted'], ['mei', 'member'], ['theo', 'member'], ['member', 'member'], ['dani', 'helper']] as const) {
    await moderation.setTrustLevel(mod, actor(key).userId, { level, reason: 'Long-standing member of the demo community' });
  }
  for (const [pattern, action] of [['crypto giveaway', 'block'], ['diet pills', 'require_approval'], ['dosage', 'flag']] as const) {
    await moderation.addWatchedWord(mod, { pattern, action });
  }
  const room = await chat.getGroupRoom(actor('dani'), groupId);
  // Dated two days back, before the group's friendly chat history, so the room does not end on hidden messages.
  let minutesAgo = 56 * 60;
  const post = async (key: string, body: string, clientId: string) => {
    const { message } = await chat.postMessage(actor(key), room.roomId, { clientId, body });
    await database.db.update(messages).set({ createdAt: new Date(now.getTime() - (minutesAgo -= 40) * 60_000) }).where(eq(messages.id, message.id));
    return message;
  };

  // Waiting in the queue: hidden after two members' reports.
  const unkind = await post('dani', 'Honestly some of you just need to stop whining and get over it.', 'demo-mod-1');
  await moderation.flagContent(actor('ben'), { targetKind: 'chat_message', targetId: unkind.id, reason: 'harassment' });
  await moderation.flagContent(actor('mei'), { targetKind: 'chat_message', targetId: unkind.id, reason: 'harassment', note: 'This felt aimed at people who shared earlier.' });

  // Decided: a spam message, reported and hidden, with the reporter told the outcome.
  const spam = await post('theo', 'Check out my cousin\u2019s shop for great deals on candles this week!', 'demo-mod-2');
  await moderation.flagContent(actor('member'), { targetKind: 'chat_message', targetId: spam.id, reason: 'spam' });
  const queue = await moderation.listQueue(mod);
  const spamItem = queue.items.find((i) => i.targetId === spam.id);
  if (spamItem) await moderation.actOnItem(mod, spamItem.id, { action: 'warn', template: 'no_spam', reason: 'Advertising in a support group' });

  // Held for review by a watched word.
  await post('theo', 'Has anyone tried diet pills to cope with stress eating?', 'demo-mod-3');
}
