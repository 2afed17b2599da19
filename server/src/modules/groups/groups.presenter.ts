import type { GroupWithStats } from './groups.repo.ts';
import type { GroupDetail, GroupSummary, Member } from './groups.schemas.ts';
import { canRemoveMember, groupAbilities, type PolicyActor, type PolicyGroup, type PolicyMembership } from './groups.policy.ts';
import { presentLocalTimes } from './local-time.ts';

/** A group's next scheduled session that has not ended (the sessions module's fact). */
export type NextSession = { id: string; startsAt: Date; endsAt: Date };

/** A group row with its next session, or null. */
export type GroupCardRow = GroupWithStats & { next: NextSession | null };

/** A group card: what discovery and "my groups" show, in the viewer's time zone, with what they may do next. */
export function presentGroupSummary(row: GroupCardRow, actor: PolicyActor, viewerTz: string): GroupSummary {
  const g = row.group;
  const membership: PolicyMembership = row.membership?.status ? row.membership : null;
  const placesLeft = g.capacity === null ? null : Math.max(0, g.capacity - row.memberCount);
  return {
    id: g.id,
    name: g.name,
    description: g.description,
    topics: g.topics,
    communities: g.communities,
    language: g.language,
    format: g.format,
    timezone: g.timezone,
    venue:
      g.format !== 'online' && g.venueName && g.venueAddress && g.venueLat !== null && g.venueLng !== null
        ? { name: g.venueName, address: g.venueAddress, lat: g.venueLat, lng: g.venueLng }
        : null,
    capacity: g.capacity,
    memberCount: row.memberCount,
    placesLeft,
    visibility: g.visibility,
    nextSession: row.next
      ? { id: row.next.id, startsAt: row.next.startsAt.toISOString(), endsAt: row.next.endsAt.toISOString(), local: presentLocalTimes(row.next.startsAt, row.next.endsAt, viewerTz) }
      : null,
    ...(row.distanceKm !== null && row.distanceKm !== undefined ? { distanceKm: Math.round(row.distanceKm * 10) / 10 } : {}),
    myMembership: membership ? { status: membership.status, role: membership.role } : null,
    abilities: groupAbilities(actor, g, membership, placesLeft),
  };
}

/** The group page: the card plus its agreements and, for those who manage members, waiting requests. */
export function presentGroupDetail(row: GroupCardRow, actor: PolicyActor, viewerTz: string, pendingRequestCount: number): GroupDetail {
  const summary = presentGroupSummary(row, actor, viewerTz);
  return {
    ...summary,
    agreements: row.group.agreements,
    archivedAt: row.group.archivedAt?.toISOString() ?? null,
    createdAt: row.group.createdAt.toISOString(),
    pendingRequestCount: summary.abilities.manageMembers ? pendingRequestCount : 0,
  };
}

/** A member as the caller sees them, with what the caller may do about their membership. */
export function presentMember(
  row: { userId: string; displayName: string; pronouns: string | null; role: Member['role']; status: Member['status']; joinedAt: Date | null },
  viewer: { actor: PolicyActor; group: PolicyGroup; membership: PolicyMembership },
): Member {
  return {
    userId: row.userId,
    displayName: row.displayName,
    pronouns: row.pronouns,
    role: row.role,
    status: row.status,
    joinedAt: row.joinedAt?.toISOString() ?? null,
    abilities: { remove: canRemoveMember(viewer.actor, viewer.group, viewer.membership, row) },
  };
}
