import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { uuidv7 } from 'uuidv7';
import { writeAudit } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/http/actor.ts';
import { isCourseAuthor, type TrainingDeps } from './courses.ts';
import { TrainingErrors } from './training.errors.ts';
import { mediaSrc } from './training.presenter.ts';
import * as repo from './training.repo.ts';

/** Upload limit per file. Large enough for a short training video; long recordings belong on a video host, linked. */
export const MAX_MEDIA_BYTES = 200 * 1024 * 1024;

/** Types authors may upload. No HTML or SVG: uploaded files are served from Hearth's own origin. */
export const ALLOWED_MEDIA_TYPES = new Set([
  'video/mp4', 'video/webm', 'audio/mpeg', 'audio/mp4', 'audio/ogg', 'audio/webm', 'audio/wav', 'audio/x-wav', 'application/pdf', 'text/plain',
]);

export type UploadedFile = { filename: string; mimetype: string; file: Readable & { truncated?: boolean } };

/** A byte range of a file, parsed from an HTTP Range header; null when the header asks for the whole file. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'invalid' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  let start: number;
  let end: number;
  if (m[1] === '') {
    // Suffix range: the last N bytes.
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start > end || start >= size) return 'invalid';
  return { start, end };
}

/** Uploading and serving lesson media. Files live under the data directory; the database keeps their metadata. */
export function createMediaUseCases(deps: TrainingDeps) {
  const { db, mediaDir } = deps;

  return {
    async uploadMedia(actor: Actor, upload: UploadedFile | undefined) {
      if (!(await isCourseAuthor(deps, actor))) {
        upload?.file.resume();
        throw TrainingErrors.notAuthor();
      }
      if (!upload) throw TrainingErrors.noFile();
      const mimeType = upload.mimetype.split(';')[0]!.trim().toLowerCase();
      if (!ALLOWED_MEDIA_TYPES.has(mimeType)) {
        upload.file.resume();
        throw TrainingErrors.fileType();
      }
      const storageKey = path.join(actor.orgId, uuidv7());
      const target = path.join(mediaDir, storageKey);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await pipeline(upload.file, fs.createWriteStream(target, { mode: 0o600 }));
      if (upload.file.truncated) {
        await fs.promises.rm(target, { force: true });
        throw TrainingErrors.fileTooLarge(MAX_MEDIA_BYTES / 1024 / 1024);
      }
      const { size } = await fs.promises.stat(target);
      if (size === 0) {
        await fs.promises.rm(target, { force: true });
        throw TrainingErrors.noFile();
      }
      const filename = path.basename(upload.filename || 'file').replace(/[^\w.\- ]+/g, '_').slice(0, 120) || 'file';
      const row = await db.transaction(async (tx) => {
        const media = await repo.insertMedia(tx, { orgId: actor.orgId, uploadedBy: actor.userId, filename, mimeType, sizeBytes: size, storageKey });
        await writeAudit(tx, { orgId: actor.orgId, actorId: actor.userId, action: 'training_media.uploaded', entityType: 'training_media', entityId: media.id, data: { mimeType, sizeBytes: size } });
        return media;
      });
      return { id: row.id, filename: row.filename, mimeType: row.mimeType, sizeBytes: row.sizeBytes, src: mediaSrc(row.id) };
    },

    /** A file for anyone signed in to the same organization (lessons are org-wide). */
    async openMedia(actor: Actor, mediaId: string) {
      const media = await repo.findMedia(db, mediaId);
      if (!media || media.orgId !== actor.orgId) throw TrainingErrors.mediaNotFound();
      const filePath = path.join(mediaDir, media.storageKey);
      const stat = await fs.promises.stat(filePath).catch(() => null);
      if (!stat) throw TrainingErrors.mediaNotFound();
      return { media, filePath, size: stat.size };
    },
  };
}
