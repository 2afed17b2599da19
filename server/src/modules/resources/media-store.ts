import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { AppError } from '../../platform/errors.ts';

/** A byte range to send, inclusive at both ends (as in HTTP). */
export type ByteRange = { start: number; end: number };

/**
 * Parses a single `Range: bytes=…` header for a file of `size` bytes. Returns null to send the whole file (no header,
 * or several ranges, which we answer in full as RFC 9110 allows) and 'unsatisfiable' for a range past the end.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, from, to] = match;
  if (from === '' && to === '') return null;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

const tooLarge = (max: number) =>
  new AppError('media_too_large', 413, `That file is larger than ${Math.round(max / 1024 / 1024)} MB. Please upload a shorter or more compressed version, or link to it instead.`);

/** Uploaded library files on local disk under `dir`; names are random so nothing a person typed becomes a path. */
export function createMediaStore(dir: string) {
  const fullPath = (key: string) => {
    if (!/^[0-9a-f-]{36}$/.test(key)) throw new Error('invalid media key');
    return path.join(dir, key);
  };
  return {
    /** Streams an upload to disk, stopping at `maxBytes`; returns the new key and size. */
    async save(input: Readable, maxBytes: number): Promise<{ key: string; bytes: number }> {
      await fs.promises.mkdir(dir, { recursive: true });
      const key = randomUUID();
      const target = fullPath(key);
      const temp = `${target}.part`;
      let bytes = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          bytes += chunk.length;
          if (bytes > maxBytes) done(tooLarge(maxBytes));
          else done(null, chunk);
        },
      });
      try {
        await pipeline(input, counter, fs.createWriteStream(temp));
        await fs.promises.rename(temp, target);
      } catch (err) {
        await fs.promises.rm(temp, { force: true });
        throw err;
      }
      return { key, bytes };
    },
    /** Writes bytes already in memory (used by the demo seed). */
    async saveBuffer(data: Buffer): Promise<{ key: string; bytes: number }> {
      await fs.promises.mkdir(dir, { recursive: true });
      const key = randomUUID();
      await fs.promises.writeFile(fullPath(key), data);
      return { key, bytes: data.length };
    },
    async remove(key: string): Promise<void> {
      await fs.promises.rm(fullPath(key), { force: true });
    },
    /** Sends the file with range support, so audio and video can seek and resume. */
    async send(reply: FastifyReply, key: string, opts: { type: string; rangeHeader?: string; disposition: 'inline' | 'attachment'; filename: string }) {
      const file = fullPath(key);
      const stat = await fs.promises.stat(file).catch(() => null);
      if (!stat) throw new AppError('not_found', 404, 'This file could not be found. It may have been replaced; please reload the page.');
      const size = stat.size;
      reply
        .header('accept-ranges', 'bytes')
        .header('content-type', opts.type)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600')
        .header('content-disposition', `${opts.disposition}; filename="${opts.filename.replace(/[^\w.-]/g, '_')}"`);
      const range = parseRange(opts.rangeHeader, size);
      if (range === 'unsatisfiable') {
        return reply.status(416).header('content-range', `bytes */${size}`).send();
      }
      if (range) {
        reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${size}`).header('content-length', range.end - range.start + 1);
        return reply.send(fs.createReadStream(file, { start: range.start, end: range.end }));
      }
      reply.status(200).header('content-length', size);
      return reply.send(fs.createReadStream(file));
    },
  };
}

export type MediaStore = ReturnType<typeof createMediaStore>;
