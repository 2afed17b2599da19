import { randomUUID } from 'node:crypto';
import { writeAudit } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { toBundle } from './fhir.ts';
import type { OutcomesDeps } from './outcomes.deps.ts';
import { OutcomesErrors } from './outcomes.errors.ts';
import { canExportResearch, canManageOutcomeSettings } from './outcomes.policy.ts';
import { openCheckin, openScreening, presentPreferences } from './outcomes.presenter.ts';
import * as repo from './outcomes.repo.ts';
import type { OutcomeSettingsBody, PreferencesBody } from './outcomes.schemas.ts';

const DAY_MS = 86_400_000;
/** Monday 00:00 UTC of the week an instant falls in, as a date string. */
export function weekStart(at: Date): string {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** "My progress", the person's choices, their FHIR export, the research export and the organization's rhythm. */
export function createProgress(deps: OutcomesDeps) {
  const { db, cipher, now, publicUrl } = deps;

  return {
    /** The person's own series: questionnaire totals, mood, sessions attended per week, message mood per week. */
    async getProgress(actor: Actor) {
      const [screeningRows, checkins, attended, moods] = await Promise.all([
        repo.listScreenings(db, [actor.userId]),
        repo.listCheckins(db, [actor.userId]),
        deps.sessions.listAttendedSessionStarts(actor.userId),
        repo.listMessageMoods(db, actor.userId, new Date(now().getTime() - 182 * DAY_MS)),
      ]);
      const attendance = new Map<string, number>();
      for (const at of attended) attendance.set(weekStart(at), (attendance.get(weekStart(at)) ?? 0) + 1);
      const weekly = new Map<string, { sum: number; n: number }>();
      for (const m of moods) {
        const w = weekStart(m.at);
        const cur = weekly.get(w) ?? { sum: 0, n: 0 };
        weekly.set(w, { sum: cur.sum + m.compound, n: cur.n + 1 });
      }
      return {
        screenings: screeningRows.map((r) => {
          const p = openScreening(r, cipher);
          return { id: r.id, instrument: r.instrument, total: p.total, severity: p.severity, at: r.createdAt.toISOString() };
        }),
        mood: checkins.map((c) => ({ at: c.createdAt.toISOString(), mood: openCheckin(c, cipher).mood })),
        attendance: [...attendance].sort(([a], [b]) => a.localeCompare(b)).map(([weekStart, sessions]) => ({ weekStart, sessions })),
        messageMood: [...weekly].sort(([a], [b]) => a.localeCompare(b)).map(([weekStart, { sum, n }]) => ({ weekStart, average: Math.round((sum / n) * 1000) / 1000, messages: n })),
      };
    },

    async getPreferences(actor: Actor) {
      return presentPreferences(await repo.findPreferences(db, actor.userId));
    },

    /** Saves the person's choices. Opting in to research draws a fresh random research id; opting out drops it. */
    async savePreferences(actor: Actor, body: PreferencesBody) {
      const current = await repo.findPreferences(db, actor.userId);
      const joining = body.researchOptIn && !current?.researchOptIn;
      const row = await db.transaction(async (tx) => {
        const saved = await repo.upsertPreferences(tx, {
          orgId: actor.orgId, userId: actor.userId, remindersEnabled: body.remindersEnabled, alertSupporterOnDecline: body.alertSupporterOnDecline,
          researchOptIn: body.researchOptIn,
          researchOptInAt: body.researchOptIn ? (joining ? now() : current!.researchOptInAt) : null,
          researchId: body.researchOptIn ? (joining ? randomUUID() : current!.researchId) : null,
        });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'outcome_preferences.saved', entityType: 'outcome_preferences', entityId: saved.id, data: { researchOptIn: body.researchOptIn, alertSupporterOnDecline: body.alertSupporterOnDecline, remindersEnabled: body.remindersEnabled } });
        return saved;
      });
      return presentPreferences(row);
    },

    /** My PHQ-9 and GAD-7 results as a FHIR R4 Bundle of QuestionnaireResponses, to take to a clinic. */
    async exportFhir(actor: Actor) {
      const rows = await repo.listScreenings(db, [actor.userId]);
      await db.transaction((tx) => writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'screenings.exported_fhir', entityType: 'user', entityId: actor.userId, data: { count: rows.length } }));
      return toBundle(
        rows.map((r) => ({ id: r.id, instrument: r.instrument, takenAt: r.createdAt, ...openScreening(r, cipher) })),
        { id: actor.userId, display: actor.displayName, system: `${publicUrl.replace(/\/$/, '')}/fhir` },
        now(),
      );
    },

    /**
     * De-identified rows of people who opted in: a random research id, days since that person's first record, the
     * score and item answers. No names, dates, notes, feeling words or messages.
     */
    async exportResearch(actor: Actor) {
      if (!canExportResearch(actor)) throw OutcomesErrors.notResearchSteward();
      const people = await repo.listResearchParticipants(db, actor.orgId);
      const ids = people.map((p) => p.userId);
      const researchIdOf = new Map(people.map((p) => [p.userId, p.researchId!]));
      const [screeningRows, checkins] = await Promise.all([repo.listScreenings(db, ids), repo.listCheckins(db, ids)]);
      const first = new Map<string, number>();
      for (const r of [...screeningRows, ...checkins]) first.set(r.userId, Math.min(first.get(r.userId) ?? Infinity, r.createdAt.getTime()));
      const day = (userId: string, at: Date) => Math.floor((at.getTime() - first.get(userId)!) / DAY_MS);
      const rows = [
        ...screeningRows.map((r) => {
          const p = openScreening(r, cipher);
          return { researchId: researchIdOf.get(r.userId)!, kind: r.instrument, day: day(r.userId, r.createdAt), score: p.total, answers: p.answers };
        }),
        ...checkins.map((c) => ({ researchId: researchIdOf.get(c.userId)!, kind: 'mood' as const, day: day(c.userId, c.createdAt), score: openCheckin(c, cipher).mood, answers: null })),
      ].sort((a, b) => a.researchId.localeCompare(b.researchId) || a.day - b.day || a.kind.localeCompare(b.kind));
      await db.transaction((tx) => writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'research_export.created', entityType: 'org', entityId: actor.orgId, data: { people: people.length, rows: rows.length } }));
      return { people: people.length, rows, note: 'Only people who opted in. Research ids are random and change if a person opts out and in again; days count from each person\'s first record.' };
    },

    async getSettings(actor: Actor) {
      return repo.findSettings(db, actor.orgId);
    },

    async saveSettings(actor: Actor, body: OutcomeSettingsBody) {
      if (!canManageOutcomeSettings(actor)) throw OutcomesErrors.notAdmin();
      return db.transaction(async (tx) => {
        const saved = await repo.upsertSettings(tx, actor.orgId, body);
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'outcome_settings.saved', entityType: 'org', entityId: actor.orgId, data: { ...body } });
        return saved;
      });
    },
  };
}
