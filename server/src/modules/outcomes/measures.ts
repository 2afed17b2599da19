import { writeAudit, type DbOrTx } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import type { NotificationInput } from '../../platform/notify.ts';
import { DEFINITIONS, FREQUENCY_ANSWERS, PFIZER_ATTRIBUTION, scoreScreening, type Instrument } from './instruments.ts';
import type { OutcomesDeps } from './outcomes.deps.ts';
import { findSessionStanding } from './feedback.ts';
import { OutcomesErrors } from './outcomes.errors.ts';
import { presentCheckin, presentPreferences, presentScreening } from './outcomes.presenter.ts';
import * as repo from './outcomes.repo.ts';
import type { CheckinBody, ScreeningBody } from './outcomes.schemas.ts';
import { AFTER_SESSION_MS, checkinDue, reminderKey, screeningDue } from './schedule.ts';

const DAY_MS = 86_400_000;
const questionnaireUrl = (instrument: Instrument) => `/progress/questionnaires/${instrument}`;

/**
 * Mood check-ins and PHQ-9 / GAD-7: what is due, submitting them (encrypted), gentle reminders, and the safety flow
 * for PHQ-9 item 9. `afterCheckin` lets the trend check run once a check-in is stored.
 */
export function createMeasures(deps: OutcomesDeps, afterCheckin: (actor: Actor) => Promise<void>) {
  const { db, cipher, logger, now, notifier, raiseForPerson } = deps;

  /** Schedules one reminder, only when the person keeps reminders on. Never fails the caller. */
  async function scheduleReminder(tx: DbOrTx, userId: string, input: Omit<NotificationInput, 'userId' | 'dedupeKey'>, at: Date) {
    if (!notifier) return;
    const prefs = await repo.findPreferences(tx, userId);
    if (prefs && !prefs.remindersEnabled) return;
    await notifier.schedule(tx, { ...input, userId, dedupeKey: reminderKey(input.kind, userId, at) }, at);
  }

  return {
    /** The questionnaire as shown to the person, with its attribution. */
    describeInstrument(instrument: Instrument) {
      const def = DEFINITIONS[instrument];
      return { instrument, title: def.title, stem: def.stem, items: [...def.items], answers: FREQUENCY_ANSWERS.map((a) => ({ value: a.value, text: a.text })), attribution: PFIZER_ATTRIBUTION };
    },

    /** What is due now (check-in, PHQ-9, GAD-7), the person's choices, and an open nudge if any. */
    async getOverview(actor: Actor) {
      const at = now();
      const [settings, lastCheckin, lastPhq, lastGad, prefs, nudge, session] = await Promise.all([
        repo.findSettings(db, actor.orgId),
        repo.findLastCheckin(db, actor.userId),
        repo.findLastScreening(db, actor.userId, 'phq9'),
        repo.findLastScreening(db, actor.userId, 'gad7'),
        repo.findPreferences(db, actor.userId),
        repo.findOpenNudge(db, actor.userId),
        deps.sessions.findLatestAttendedSession(actor.userId, new Date(at.getTime() - AFTER_SESSION_MS), at),
      ]);
      const checkin = checkinDue(lastCheckin?.createdAt ?? null, settings.checkinIntervalDays, at, session?.endsAt ?? null);
      const iso = (d: Date | null) => d?.toISOString() ?? null;
      const due = (d: ReturnType<typeof screeningDue>) => ({ due: d.due, dueAt: iso(d.dueAt), lastAt: iso(d.lastAt) });
      return {
        checkin: { ...due(checkin), afterSession: checkin.afterSession && session ? { sessionId: session.id, title: session.title, endedAt: session.endsAt.toISOString() } : null },
        phq9: due(screeningDue(lastPhq?.createdAt ?? null, settings.screeningIntervalDays, at)),
        gad7: due(screeningDue(lastGad?.createdAt ?? null, settings.screeningIntervalDays, at)),
        preferences: presentPreferences(prefs),
        nudge: nudge ? { id: nudge.id, createdAt: nudge.createdAt.toISOString() } : null,
        attribution: PFIZER_ATTRIBUTION,
      };
    },

    /** Stores a mood check-in (mood, words and note encrypted together) and schedules the next gentle reminder. */
    async submitCheckin(actor: Actor, body: CheckinBody) {
      if (body.sessionId) {
        const session = await findSessionStanding(deps, body.sessionId, actor.userId);
        if (!session || session.orgId !== actor.orgId || (!session.attended && session.memberStatus !== 'active')) throw OutcomesErrors.sessionNotFound();
      }
      const settings = await repo.findSettings(db, actor.orgId);
      const row = await db.transaction(async (tx) => {
        const stored = await repo.insertCheckin(tx, {
          orgId: actor.orgId, userId: actor.userId, sessionId: body.sessionId ?? null,
          payloadCiphertext: cipher.encrypt(JSON.stringify({ mood: body.mood, feelings: body.feelings, note: body.note || null })),
        });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'mood_checkin.created', entityType: 'mood_checkin', entityId: stored.id });
        await scheduleReminder(tx, actor.userId, { kind: 'checkin.due', url: '/progress/check-in' }, new Date(stored.createdAt.getTime() + settings.checkinIntervalDays * DAY_MS));
        return stored;
      });
      await afterCheckin(actor).catch((err) => logger.error({ err }, 'mood trend check failed'));
      return presentCheckin(row, cipher);
    },

    async listCheckins(actor: Actor) {
      return (await repo.listCheckins(db, [actor.userId])).map((r) => presentCheckin(r, cipher)).reverse();
    },

    /**
     * Scores and stores a PHQ-9 or GAD-7 (answers encrypted). A PHQ-9 item 9 answer above 0 opens a safety case at once,
     * whatever the total (on-call now when the answer is "more than half the days" or more), and the person sees the
     * support card and the risk screener straight away, even if opening the case fails.
     */
    async submitScreening(actor: Actor, body: ScreeningBody) {
      const scored = scoreScreening(body.instrument, body.answers);
      const settings = await repo.findSettings(db, actor.orgId);
      const row = await db.transaction(async (tx) => {
        const stored = await repo.insertScreening(tx, {
          orgId: actor.orgId, userId: actor.userId, instrument: body.instrument,
          payloadCiphertext: cipher.encrypt(JSON.stringify({ answers: scored.answers, total: scored.total, severity: scored.severity })),
        });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'screening.completed', entityType: 'screening', entityId: stored.id, data: { instrument: body.instrument } });
        const next = new Date(stored.createdAt.getTime() + settings.screeningIntervalDays * DAY_MS);
        await scheduleReminder(tx, actor.userId, { kind: 'checkin.questionnaire_due', url: questionnaireUrl(body.instrument), params: { questionnaire: DEFINITIONS[body.instrument].title } }, next);
        return stored;
      });

      let safety: { card: 'concern' | 'urgent'; aboutSomeoneElse: false; offerScreener: true; caseId: string | null } | null = null;
      if (scored.item9Positive) {
        const item9 = scored.answers[8]!;
        const level = item9 >= 2 ? 'urgent' : 'concern';
        let caseId: string | null = null;
        try {
          if (!raiseForPerson) throw new Error('raiseForPerson is not wired');
          caseId = (await raiseForPerson({
            orgId: actor.orgId, userId: actor.userId, raisedBy: null, level, source: { kind: 'phq9_item9', id: row.id },
            reasons: [`phq9 item 9: ${FREQUENCY_ANSWERS[item9]!.text.toLowerCase()}`],
          })).caseId;
        } catch (err) {
          // The person still sees the card and the screener; staff find the failure in the logs.
          logger.error({ err, screeningId: row.id }, 'PHQ-9 item 9 could not open a safety case');
        }
        safety = { card: level, aboutSomeoneElse: false, offerScreener: true, caseId };
      }
      return { screening: presentScreening(row, cipher), safety };
    },

    async listScreenings(actor: Actor) {
      return (await repo.listScreenings(db, [actor.userId])).map((r) => presentScreening(r, cipher)).reverse();
    },

    /** For the notifications module: a scheduled reminder is sent only if it is still due and reminders are on. */
    async isReminderStillDue(input: NotificationInput): Promise<boolean> {
      const user = await deps.findPerson(input.userId);
      if (!user) return false;
      const prefs = await repo.findPreferences(db, input.userId);
      if (prefs && !prefs.remindersEnabled) return false;
      const [settings, at] = [await repo.findSettings(db, user.orgId), now()];
      // A day's slack, so a reminder scheduled exactly at the due time is not dropped by a second.
      const slack = DAY_MS;
      if (input.kind === 'checkin.due') {
        const last = await repo.findLastCheckin(db, input.userId);
        return !last || at.getTime() - last.createdAt.getTime() >= settings.checkinIntervalDays * DAY_MS - slack;
      }
      if (input.kind === 'checkin.questionnaire_due') {
        const instrument: Instrument = input.url.endsWith('gad7') ? 'gad7' : 'phq9';
        const last = await repo.findLastScreening(db, input.userId, instrument);
        return !last || at.getTime() - last.createdAt.getTime() >= settings.screeningIntervalDays * DAY_MS - slack;
      }
      return true;
    },
  };
}
