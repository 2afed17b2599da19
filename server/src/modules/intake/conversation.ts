import { writeAudit } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { classifyTopics, detectIntent, type Topic } from '../matching/index.ts';
import { findUnsafePhrasing } from '../safety/index.ts';
import { botCopyFor, botLanguageFor, LLM_SYSTEM_PROMPT, topicLabelFor, type BotCopy } from './bot-copy.ts';
import type { IntakeDeps } from './intake.deps.ts';
import { IntakeErrors } from './intake.errors.ts';
import * as repo from './intake.repo.ts';
import type { BotExtras, Choice, IntakeConversation, IntakeMessage, SendBody } from './intake.schemas.ts';

type Level = 'none' | 'concern' | 'urgent';
type State = { whatBrings: string | null; topics: Topic[]; language: string };
type Line = { author: 'bot' | 'person'; text: string; extras?: BotExtras; level?: Level | null; generated?: boolean };
type Step = 'need' | 'preference' | 'matches';

const WANTS = ['group', 'supporter', 'resources', 'unsure'] as const;

/**
 * The guided intake conversation: welcome (it says it is automated, and what is private) → what the person needs →
 * self-help from the library → concrete matches with one tap to join or ask for a supporter. The person can reach a
 * human at any point. Every message is assessed first; concern or urgent stops the script, shows the crisis card,
 * offers the risk screener and hands the person to on-call.
 */
export function createConversations(deps: IntakeDeps) {
  const { db, cipher, logger, safety, matching, profiles } = deps;

  const readState = (row: repo.ConversationRow): State => JSON.parse(cipher.decrypt(row.stateCiphertext)) as State;
  const writeState = (s: State) => cipher.encrypt(JSON.stringify(s));

  function presentMessage(m: repo.MessageRow): IntakeMessage {
    const body = JSON.parse(cipher.decrypt(m.bodyCiphertext)) as { text: string; extras?: BotExtras };
    return { id: m.id, seq: m.seq, author: m.author, text: body.text, generated: m.generated, extras: body.extras ?? {}, createdAt: m.createdAt.toISOString() };
  }

  async function present(row: repo.ConversationRow): Promise<IntakeConversation> {
    const messages = (await repo.listMessages(db, row.id)).map(presentMessage);
    return {
      id: row.id, status: row.status, step: row.step, automated: true, language: botLanguageFor(readState(row).language), messages,
      abilities: { send: true, talkToPerson: row.status !== 'human_requested', delete: true },
    };
  }

  async function getOwn(actor: Actor, id: string) {
    const row = await repo.findConversation(db, id);
    if (!row || row.userId !== actor.userId) throw IntakeErrors.conversationNotFound();
    return row;
  }

  const toRows = (lines: Line[]) =>
    lines.map((l) => ({ author: l.author, bodyCiphertext: cipher.encrypt(JSON.stringify({ text: l.text, extras: l.extras ?? {} })), level: l.level ?? null, generated: l.generated ?? false }));

  // ---- what the assistant says ----

  async function resourcesFor(actor: Actor, state: State): Promise<Line> {
    const hits = deps.searchResources && state.whatBrings
      ? await deps.searchResources(state.whatBrings, { language: state.language, limit: 3, orgId: actor.orgId }).catch((err) => {
          logger.error({ err }, 'resource retrieval failed');
          return [];
        })
      : [];
    const copy = botCopyFor(state.language);
    if (hits.length === 0) return { author: 'bot', text: copy.noResources };
    return { author: 'bot', text: copy.resourcesIntro, extras: { resources: hits.map((h) => ({ title: h.title, summary: h.summary, url: h.url })) } };
  }

  async function groupsFor(actor: Actor, state: State): Promise<Line> {
    const { recommendations } = await matching.recommendGroups(actor, { text: state.whatBrings ?? undefined, limit: 3 });
    const copy = botCopyFor(state.language);
    if (recommendations.length === 0) return { author: 'bot', text: copy.noGroups, extras: { actions: ['request_supporter'] } };
    return {
      author: 'bot',
      text: copy.groupsIntro,
      extras: { groups: recommendations.map((r) => ({ id: r.group.id, name: r.group.name, summary: r.summary, reasons: r.reasons, abilities: r.abilities })) },
    };
  }

  async function supportersFor(actor: Actor, state: State): Promise<Line> {
    const ranked = (await matching.recommendSupporters(actor, state.whatBrings ?? undefined)).slice(0, 3);
    const copy = botCopyFor(state.language);
    if (ranked.length === 0) return { author: 'bot', text: copy.noSupporters, extras: { actions: ['request_supporter'] } };
    return { author: 'bot', text: `${copy.supportersIntro} ${copy.requestNow}`, extras: { supporters: ranked.map((s) => ({ userId: s.userId, displayName: s.displayName, reasons: s.reasons })), actions: ['request_supporter'] } };
  }

  const closing = (copy: BotCopy): Line => ({ author: 'bot', text: `${copy.smallGroupOffer} ${copy.anythingElse}`, extras: { actions: ['small_group'], choices: ['group', 'supporter', 'resources', 'human'] } });

  async function matchesFor(actor: Actor, state: State, want: (typeof WANTS)[number]): Promise<Line[]> {
    const lines: Line[] = [];
    const copy = botCopyFor(state.language);
    if (want === 'unsure') lines.push({ author: 'bot', text: copy.notSure });
    lines.push(await resourcesFor(actor, state));
    if (want === 'supporter') lines.push(await supportersFor(actor, state));
    else lines.push(await groupsFor(actor, state));
    lines.push(closing(copy));
    return lines;
  }

  /** A generated reply, only if it passes the same safety assessment and safe-messaging rules as everything else. */
  async function generatedReply(actor: Actor, conversationId: string, language: string): Promise<Line | null> {
    if (!deps.llm) return null;
    const history = (await repo.listMessages(db, conversationId)).slice(-12).map(presentMessage);
    const reply = await deps.llm.reply([
      { role: 'system', content: `${LLM_SYSTEM_PROMPT} Reply in ${botLanguageFor(language) === 'es' ? 'Spanish' : 'English'}.` },
      ...history.map((m) => ({ role: m.author === 'bot' ? ('assistant' as const) : ('user' as const), content: m.text })),
    ]);
    if (!reply) return null;
    if (findUnsafePhrasing(reply)) return null;
    const checked = await safety.assess({ userId: actor.userId, orgId: actor.orgId }, reply);
    if (checked.level !== 'none') return null;
    return { author: 'bot', text: reply, generated: true, extras: { choices: ['group', 'supporter', 'human'] } };
  }

  async function requestHuman(actor: Actor, state: State): Promise<{ lines: Line[]; requested: boolean }> {
    const copy = botCopyFor(state.language);
    try {
      const request = await matching.createSupportRequest(actor, { intro: state.whatBrings ?? copy.talkToPersonIntro });
      return { requested: true, lines: [{ author: 'bot', text: copy.humanRequested, extras: { actions: ['request_status'], requestId: request.id } }] };
    } catch (err) {
      if (err instanceof AppError && err.code === 'request_waiting') {
        const waiting = (await matching.listMySupportRequests(actor)).find((r) => r.status === 'waiting');
        return { requested: true, lines: [{ author: 'bot', text: copy.humanAlreadyWaiting, extras: { actions: ['request_status'], ...(waiting ? { requestId: waiting.id } : {}) } }] };
      }
      throw err;
    }
  }

  function crisisLines(copy: BotCopy, level: 'concern' | 'urgent', again: boolean): Line[] {
    if (again) return [{ author: 'bot', text: copy.crisis.afterHandOff, extras: { card: level, actions: ['talk_now', 'screener'], choices: ['human'] } }];
    return [
      { author: 'bot', text: copy.crisis[level], extras: { card: level, actions: ['talk_now'] } },
      { author: 'bot', text: copy.crisis.screener, extras: { actions: ['screener'], choices: ['human'] } },
    ];
  }

  const service = {
    /** Starts a conversation: the assistant introduces itself as automated, says what is private, and asks. */
    async startConversation(actor: Actor, body: { language?: string } = {}): Promise<IntakeConversation> {
      // The script is served in the language the person reads the app in, else their profile's first language.
      const language = botLanguageFor(body.language ?? (await profiles.findMatchProfile(actor.userId))?.languages[0]);
      const copy = botCopyFor(language);
      const row = await db.transaction(async (tx) => {
        const conv = await repo.insertConversation(tx, { orgId: actor.orgId, userId: actor.userId, step: 'need', stateCiphertext: writeState({ whatBrings: null, topics: [], language }) });
        await repo.appendMessages(tx, conv.id, toRows([
          ...copy.welcome.map((text) => ({ author: 'bot' as const, text })),
          { author: 'bot', text: copy.askNeed, extras: { choices: ['human'] } },
        ]));
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'intake.started', entityType: 'intake_conversation', entityId: conv.id });
        return conv;
      });
      return present(row);
    },

    async getConversation(actor: Actor, id: string): Promise<IntakeConversation> {
      return present(await getOwn(actor, id));
    },

    /** The person writes or taps a choice; the assistant answers. Assessment always comes first. */
    async sendToConversation(actor: Actor, id: string, body: SendBody): Promise<IntakeConversation> {
      const row = await getOwn(actor, id);
      let level: Level = 'none';
      if (body.text !== undefined) {
        // Recorded on the person's risk history at every level, so on-call sees the trajectory. Concern or urgent also
        // opens or joins their case and alerts on-call before anything else happens (and before the script goes on).
        level = (await safety.assessAndRecord({ userId: actor.userId, orgId: actor.orgId }, body.text, { kind: 'intake', id: row.id })).level;
      }
      const state = readState(row);
      const copy = botCopyFor(state.language);
      const choice: Choice | undefined = body.choice;
      const personLine: Line = { author: 'person', text: body.text ?? copy.choices[choice!], level: body.text !== undefined ? level : null };
      let step = row.step as Step;
      let status = row.status;
      let replies: Line[] = [];

      const wantsHuman = choice === 'human' || (body.text !== undefined && level === 'none' && detectIntent(body.text).intent === 'human' && detectIntent(body.text).p >= 0.5);
      if (level !== 'none') {
        replies = crisisLines(copy, level, row.status === 'handed_off');
        status = 'handed_off';
      } else if (wantsHuman) {
        const result = await requestHuman(actor, state);
        replies = result.lines;
        if (status !== 'handed_off') status = 'human_requested';
      } else if (row.status === 'handed_off') {
        // The script stays stopped once someone may be in crisis: only people and crisis help from here.
        replies = crisisLines(copy, 'concern', true);
      } else if (step === 'need') {
        if (body.text === undefined) replies = [{ author: 'bot', text: copy.askNeedAgain, extras: { choices: ['human'] } }];
        else {
          state.whatBrings = body.text;
          state.topics = classifyTopics(body.text, 3).filter((t, i) => i === 0 || t.p >= 0.2).map((t) => t.topic);
          await profiles.saveWhatBrings(actor, body.text, [state.language]);
          const top = classifyTopics(body.text, 1)[0];
          replies = [
            { author: 'bot', text: copy.thanks },
            ...(top && top.p >= 0.3 ? [{ author: 'bot' as const, text: copy.topicGuess(topicLabelFor(state.language, top.topic)) }] : []),
            { author: 'bot', text: copy.askPreference, extras: { choices: ['group', 'supporter', 'resources', 'unsure', 'human'] } },
          ];
          step = 'preference';
        }
      } else if (choice === 'small_group') {
        replies = [{ author: 'bot', text: copy.smallGroupOffer, extras: { actions: ['small_group'], choices: ['group', 'supporter', 'human'] } }];
        step = 'matches';
      } else {
        // Free text counts as a clear wish only when the intent model is confident; otherwise it is more context.
        const detected = body.text !== undefined ? detectIntent(body.text) : null;
        const intent = choice ?? (detected && detected.p >= 0.6 ? detected.intent : 'unsure');
        const want = (WANTS as readonly string[]).includes(intent) ? (intent as (typeof WANTS)[number]) : 'unsure';
        if (step === 'matches' && body.text !== undefined && want === 'unsure') {
          // Free text after the matches: the optional model may answer, and the matches are refreshed with the new words.
          state.whatBrings = `${state.whatBrings ?? ''} ${body.text}`.trim().slice(0, 2000);
          const generated = await generatedReply(actor, row.id, state.language).catch(() => null);
          replies = generated ? [generated, await groupsFor(actor, state)] : [await groupsFor(actor, state), closing(copy)];
        } else {
          replies = await matchesFor(actor, state, want);
        }
        step = 'matches';
      }

      const updated = await db.transaction(async (tx) => {
        const locked = await repo.lockConversation(tx, row.id);
        if (!locked) throw IntakeErrors.conversationNotFound();
        await repo.appendMessages(tx, row.id, toRows([personLine, ...replies]));
        await repo.updateConversation(tx, row.id, { step, status, stateCiphertext: writeState(state), ...(status === 'handed_off' && !locked.handedOffAt ? { handedOffAt: deps.now() } : {}) });
        if (status !== row.status) await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: `intake.${status}`, entityType: 'intake_conversation', entityId: row.id, data: { level } });
        return (await repo.findConversation(tx, row.id))!;
      });
      return present(updated);
    },

    /** "Talk to a person" at any point: asks the on-demand queue for a peer supporter. */
    async talkToPerson(actor: Actor, id: string): Promise<IntakeConversation> {
      return service.sendToConversation(actor, id, { choice: 'human' });
    },

    async deleteConversation(actor: Actor, id: string): Promise<void> {
      const row = await getOwn(actor, id);
      await db.transaction(async (tx) => {
        await repo.deleteConversation(tx, row.id);
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'intake.deleted', entityType: 'intake_conversation', entityId: row.id });
      });
    },
  };
  return service;
}
