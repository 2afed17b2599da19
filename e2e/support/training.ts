import type { Page } from 'playwright-core';
import { ANONYMOUS_CSRF_HEADER, SESSION_COOKIE } from '../../server/src/platform/http/index.ts';
import type { TestServer, TestUser } from './app.ts';

/** Records a real WebM video in Chromium (canvas + MediaRecorder), `frames` × 50 ms long, so tests need no binary fixture. */
export async function recordVideo(page: Page, frames = 40): Promise<Buffer> {
  const base64 = await page.evaluate(async (count) => {
    const canvas = document.createElement('canvas');
    canvas.width = 160;
    canvas.height = 120;
    const ctx = canvas.getContext('2d')!;
    const recorder = new MediaRecorder(canvas.captureStream(15), { mimeType: 'video/webm' });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.start(100);
    for (let i = 0; i < count; i++) {
      ctx.fillStyle = `hsl(${(i * 360) / count}, 60%, 60%)`;
      ctx.fillRect(0, 0, 160, 120);
      await new Promise((r) => setTimeout(r, 50));
    }
    recorder.stop();
    await stopped;
    const bytes = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer());
    let s = '';
    for (const b of bytes) s += String.fromCharCode(b);
    return btoa(s);
  }, frames);
  return Buffer.from(base64, 'base64');
}

/** Uploads a WebM video as a training author (multipart, as the editor does); returns the media id. */
export async function uploadTrainingVideo(server: TestServer, author: TestUser, bytes: Buffer, filename = 'lesson.webm'): Promise<string> {
  const boundary = '----hearthE2E';
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/training/media',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: `${SESSION_COOKIE}=${author.cookie}`, 'x-csrf-token': author.csrfToken, [ANONYMOUS_CSRF_HEADER]: '1' },
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: video/webm\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.body}`);
  return res.json().id as string;
}
