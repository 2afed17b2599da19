import type { Db } from '../../platform/db/index.ts';
import { writeAudit } from '../../platform/db/index.ts';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { isTopic, resolvePlace, type MatchProfile } from '../matching/index.ts';
import { IntakeErrors } from './intake.errors.ts';
import * as repo from './intake.repo.ts';
import type { Profile, ProfileBody } from './intake.schemas.ts';

/** The sensitive part of a profile, stored as one encrypted blob. */
type Details = Pick<ProfileBody, 'whatBrings' | 'challenges' | 'communities' | 'supporter'>;

/** Reads and writes intake profiles. What a person wrote, their challenges and preferences are encrypted at rest. */
export function createProfiles(deps: { db: Db; cipher: FieldCipher }) {
  const { db, cipher } = deps;
  const readDetails = (row: repo.ProfileRow): Details => JSON.parse(cipher.decrypt(row.detailsCiphertext)) as Details;

  function present(row: repo.ProfileRow): Profile {
    const d = readDetails(row);
    return {
      whatBrings: d.whatBrings,
      challenges: d.challenges.filter(isTopic),
      communities: d.communities,
      languages: row.languages,
      timezone: row.timezone,
      availability: row.availability,
      format: row.format,
      place: row.placeLabel ? { label: row.placeLabel } : null,
      supporter: d.supporter,
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  return {
    readDetails,
    async getProfile(actor: Actor): Promise<Profile | null> {
      const row = await repo.findProfile(db, actor.userId);
      return row ? present(row) : null;
    },

    /** Saves the whole profile. A place is cut to its area's centre; an unknown place is a kind 422. */
    async saveProfile(actor: Actor, body: ProfileBody): Promise<Profile> {
      const place = body.place ? resolvePlace(body.place) : null;
      if (body.place && !place) throw IntakeErrors.placeUnknown();
      const details: Details = { whatBrings: body.whatBrings, challenges: body.challenges, communities: body.communities, supporter: body.supporter };
      const row = await db.transaction(async (tx) => {
        const saved = await repo.upsertProfile(tx, {
          orgId: actor.orgId, userId: actor.userId, detailsCiphertext: cipher.encrypt(JSON.stringify(details)), languages: body.languages, timezone: body.timezone,
          availability: body.availability, format: body.format, placeLabel: place?.label ?? null, placeLat: place?.lat ?? null, placeLng: place?.lng ?? null,
        });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'intake_profile.saved', entityType: 'intake_profile', entityId: saved.id });
        return saved;
      });
      return present(row);
    },

    /** Keeps everything else and replaces only what brings the person here (the assistant's first question). */
    async saveWhatBrings(actor: Actor, text: string, languages: string[]): Promise<void> {
      const row = await repo.findProfile(db, actor.userId);
      const details: Details = row ? { ...readDetails(row), whatBrings: text } : { whatBrings: text, challenges: [], communities: [], supporter: { gender: null, ageRange: null, livedExperience: [] } };
      await repo.upsertProfile(db, {
        orgId: actor.orgId, userId: actor.userId, detailsCiphertext: cipher.encrypt(JSON.stringify(details)),
        languages: row?.languages.length ? row.languages : languages, timezone: row?.timezone ?? actor.timezone, availability: row?.availability ?? [],
        format: row?.format ?? 'any', placeLabel: row?.placeLabel ?? null, placeLat: row?.placeLat ?? null, placeLng: row?.placeLng ?? null,
      });
    },

    async deleteProfile(actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        if (!(await repo.deleteProfile(tx, actor.userId))) throw IntakeErrors.profileNotFound();
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'intake_profile.deleted', entityType: 'intake_profile', entityId: null });
      });
    },

    /** The profile as matching needs it (bound in main.ts). */
    async findMatchProfile(userId: string): Promise<MatchProfile | null> {
      const row = await repo.findProfile(db, userId);
      if (!row) return null;
      const d = readDetails(row);
      return {
        text: d.whatBrings, challenges: d.challenges, communities: d.communities, languages: row.languages, timezone: row.timezone, windows: row.availability, format: row.format,
        place: row.placeLat !== null && row.placeLng !== null ? { lat: row.placeLat, lng: row.placeLng, label: row.placeLabel ?? '' } : null,
        supporter: d.supporter,
      };
    },
  };
}
