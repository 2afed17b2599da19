import type { ResourceRow } from './resources.repo.ts';
import type { Resource, ResourceSummary } from './resources.schemas.ts';

export function presentSummary(row: ResourceRow, rank: number | null = null): ResourceSummary {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    language: row.language,
    topics: row.topics,
    tags: row.tags,
    audience: row.audience,
    hasMedia: Boolean(row.mediaFile || row.mediaUrl),
    durationMinutes: row.durationMinutes,
    starter: row.orgId === null,
    rank: rank === null ? null : Math.round(rank * 10_000) / 10_000,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The full resource: markdown body, media and where to download it. */
export function presentResource(row: ResourceRow, abilities: Resource['abilities']): Resource {
  return {
    ...presentSummary(row),
    body: row.body,
    mediaUrl: row.mediaUrl,
    media: row.mediaFile && row.mediaType ? { url: `/api/resources/${row.id}/media`, type: row.mediaType, bytes: row.mediaBytes ?? 0 } : null,
    downloadUrl: row.kind === 'worksheet' ? `/api/resources/${row.id}/download` : null,
    abilities,
  };
}
