import { DateTime } from 'luxon';
import type { Db, DbOrTx } from '../../platform/db/index.ts';
import { writeAudit } from '../../platform/db/index.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { Notifier } from '../../platform/notify.ts';
import { RewardErrors } from './rewards.errors.ts';
import * as policy from './rewards.policy.ts';
import { CARD_LIMITS, type RewardsActor } from './rewards.policy.ts';
import * as repo from './rewards.repo.ts';
import type { Journey, Milestone, ReceivedCard, SendCardBody } from './rewards.schemas.ts';
import { computeRhythm, type Rhythm } from './rhythm.ts';
import { registerMilestoneSweep } from './milestone-sweep.ts';
import { loadCardTemplates, loadRuleBook, RHYTHM_METRIC, type Rule } from './rules.ts';

/**
 * What an activity source reports for one person: a count, and optionally when they were active, as instants
 * (`moments`, placed in the person's own time zone here) or as calendar days (`days`, yyyy-mm-dd, already local).
 */
export type ActivityValue = number | { count: number; days?: string[]; moments?: Date[] };
export type ActivitySource = (userId: string) => Promise<ActivityValue>;

export type RewardsDeps = {
  db: Db;
  notifier?: Notifier;
  now?: () => Date;
  /** Whether a supporter actually supported this member (wired in main.ts: shared groups, one-to-one support). */
  hasSupported?: (supporterId: string, memberId: string) => Promise<boolean>;
  /** With a queue, a daily sweep awards milestones to everyone, so nobody has to open their journey to earn one. */
  jobs?: JobQueue;
};
export type RewardsService = ReturnType<typeof createRewardsService>;

const DAY_MS = 86_400_000;

/**
 * Gentle, private rewards: milestones from data rules, a forgiving weekly rhythm, and thank-you cards. Everything
 * here is about one person, shown only to them: there is no leaderboard and no comparison anywhere.
 */
export function createRewardsService(deps: RewardsDeps) {
  const { db, notifier } = deps;
  const now = deps.now ?? (() => new Date());
  const book = loadRuleBook();
  const templates = loadCardTemplates();
  const sources = new Map<string, ActivitySource>();
  sources.set('thank_you_cards_received', (userId) => repo.countReceivedCards(db, userId));

  const hasExternalSource = () => [...sources.keys()].some((m) => m !== 'thank_you_cards_received');
  const isEarnable = (rule: Rule) => (rule.metric === RHYTHM_METRIC ? hasExternalSource() : sources.has(rule.metric));

  /** Asks every source once and folds their days into the weekly rhythm. */
  async function measure(userId: string, timezone: string): Promise<{ values: Map<string, number>; rhythm: Rhythm }> {
    const values = new Map<string, number>();
    const days: string[] = [];
    const wanted = new Set(book.rules.map((r) => r.metric));
    await Promise.all(
      [...sources].filter(([metric]) => wanted.has(metric)).map(async ([metric, source]) => {
        const value = await source(userId);
        if (typeof value === 'number') values.set(metric, value);
        else {
          values.set(metric, value.count);
          if (value.days) days.push(...value.days);
          // A rhythm week is the person's own week: Sunday night in Los Angeles is not Monday.
          for (const at of value.moments ?? []) {
            const day = DateTime.fromJSDate(at).setZone(timezone).toISODate();
            if (day) days.push(day);
          }
        }
      }),
    );
    const today = DateTime.fromJSDate(now()).setZone(timezone).toISODate() ?? now().toISOString().slice(0, 10);
    const rhythm = computeRhythm(days, today, book.graceWeeks);
    values.set(RHYTHM_METRIC, rhythm.longest);
    return { values, rhythm };
  }

  /**
   * Stores each newly met milestone once and announces it privately to its owner. Pass `inTx` to do it inside the
   * caller's transaction (the daily sweep's job), so the award and its announcement commit or roll back together.
   */
  async function award(userId: string, values: Map<string, number>, inTx?: DbOrTx): Promise<repo.MilestoneRow[]> {
    const stored = await repo.listMilestones(inTx ?? db, userId);
    const have = new Set(stored.map((m) => m.ruleId));
    const due = book.rules.filter((r) => !have.has(r.id) && isEarnable(r) && (values.get(r.metric) ?? 0) >= r.threshold);
    if (due.length === 0) return stored;
    const orgId = await repo.findUserOrg(inTx ?? db, userId);
    const write = async (tx: DbOrTx) => {
      const rows: repo.MilestoneRow[] = [];
      for (const rule of due) {
        const row = await repo.insertMilestoneOnce(tx, userId, rule.id, now());
        if (!row) continue;
        rows.push(row);
        await writeAudit(tx, { orgId, actorId: null, action: 'reward.milestone_awarded', entityType: 'reward_milestone', entityId: row.id, data: { ruleId: rule.id } });
        if (notifier) await notifier.notify({ userId, kind: 'milestone.reached', url: '/journey', params: { title: rule.title, milestone: rule.id }, dedupeKey: `milestone:${rule.id}` }, tx);
      }
      return rows;
    };
    const added = inTx ? await write(inTx) : await db.transaction(write);
    return [...stored, ...added];
  }

  function presentMilestones(stored: repo.MilestoneRow[], values: Map<string, number>): Milestone[] {
    const earned = new Map(stored.map((m) => [m.ruleId, m]));
    return book.rules
      .filter((r) => earned.has(r.id) || isEarnable(r))
      .map((r) => ({
        id: r.id,
        category: r.category,
        title: r.title,
        description: r.description,
        earned: earned.has(r.id),
        awardedAt: earned.get(r.id)?.awardedAt.toISOString() ?? null,
        progress: { current: Math.min(values.get(r.metric) ?? 0, r.threshold), target: r.threshold },
      }))
      .sort((a, b) => Number(b.earned) - Number(a.earned) || (a.awardedAt ?? '').localeCompare(b.awardedAt ?? '') || a.progress.target - b.progress.target);
  }

  /** Measures and awards one person's milestones, in their own time zone (looked up when not given). */
  async function checkMilestones(userId: string, timezone?: string, inTx?: DbOrTx) {
    const zone = timezone ?? (await repo.findUserTimezone(db, userId)) ?? 'UTC';
    const { values } = await measure(userId, zone);
    return award(userId, values, inTx);
  }

  const sweep = deps.jobs ? registerMilestoneSweep({ db, jobs: deps.jobs, now, checkPerson: (tx, person) => checkMilestones(person.id, person.timezone, tx).then(() => undefined) }) : null;

  return {
    /** Lets another module report a kind of activity (main.ts wires them). A metric with no source is not shown as earnable. */
    registerActivitySource(metric: string, source: ActivitySource) {
      if (sources.has(metric)) throw new Error(`rewards: activity source "${metric}" registered twice`);
      sources.set(metric, source);
    },

    /** Evaluates a person's milestones now (e.g. right after a qualifying action); returns what they hold. */
    checkMilestones,

    /** Makes sure the next daily sweep is queued (called at boot on every node; only one is ever pending). */
    async scheduleDailySweep(): Promise<void> {
      if (!sweep) throw new Error('rewards: the daily sweep needs a job queue');
      await sweep.scheduleNext();
    },

    /** How each milestone is earned, from the rules file; the same for everyone. */
    listRules() {
      return {
        graceWeeks: book.graceWeeks,
        rules: book.rules.map((r) => ({ ...r, howToEarn: book.metrics[r.metric]!, earnable: isEarnable(r) })),
      };
    },

    /** My own journey: milestones (earned and next), my rhythm and the cards I received. Never anyone else's. */
    async getJourney(actor: RewardsActor & { timezone: string }): Promise<Journey> {
      const { values, rhythm } = await measure(actor.userId, actor.timezone);
      const stored = await award(actor.userId, values);
      const cards = await repo.listReceivedCards(db, actor.userId);
      const text = new Map(templates.map((t) => [t.id, t.text]));
      return {
        milestones: presentMilestones(stored, values),
        rhythm: { ...rhythm, graceWeeks: book.graceWeeks, current: hasExternalSource() ? rhythm.current : 0 },
        cards: cards.map(({ card, fromName }): ReceivedCard => ({ id: card.id, template: card.template, text: text.get(card.template) ?? '', fromName, createdAt: card.createdAt.toISOString() })),
        abilities: { sendCards: policy.canSendCards(actor) },
      };
    },

    listCardTemplates() {
      return templates;
    },

    /** A kind, fixed-text card to a member the supporter supported; rate-limited so it stays special. */
    async sendCard(actor: RewardsActor, body: SendCardBody) {
      if (!policy.canSendCards(actor)) throw RewardErrors.cannotSendCards();
      const template = templates.find((t) => t.id === body.template);
      if (!template) throw RewardErrors.unknownTemplate();
      const recipientOrg = await repo.findUserOrg(db, body.recipientId);
      const supported = recipientOrg !== null && (await (deps.hasSupported?.(actor.userId, body.recipientId) ?? Promise.resolve(false)));
      if (!policy.canSendCardTo(actor, { id: body.recipientId, orgId: recipientOrg }, supported)) throw RewardErrors.recipientNotFound();
      const card = await db.transaction(async (tx) => {
        await repo.lockSender(tx, actor.userId);
        const at = now();
        if ((await repo.countSentSince(tx, actor.userId, new Date(at.getTime() - DAY_MS))) >= CARD_LIMITS.perDay) throw RewardErrors.tooManyToday();
        if ((await repo.countSentSince(tx, actor.userId, new Date(at.getTime() - 7 * DAY_MS), body.recipientId)) >= CARD_LIMITS.perRecipientPerWeek) throw RewardErrors.alreadyThisWeek();
        const row = await repo.insertCard(tx, { orgId: actor.orgId, senderId: actor.userId, recipientId: body.recipientId, template: template.id, createdAt: at });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'reward.card_sent', entityType: 'thank_you_card', entityId: row.id });
        if (notifier) await notifier.notify({ userId: body.recipientId, kind: 'milestone.thank_you_card', url: '/journey', params: {}, dedupeKey: `card:${row.id}` }, tx);
        return row;
      });
      await checkMilestones(body.recipientId);
      return { id: card.id, template: card.template, text: template.text, createdAt: card.createdAt.toISOString() };
    },
  };
}
