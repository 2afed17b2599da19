import { createECDH, createDecipheriv, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../../config.ts';
import { buildServer } from '../../main.ts';
import { createFieldCipher } from '../../platform/crypto/index.ts';
import { connectDatabase } from '../../platform/db/index.ts';
import { createLogger } from '../../platform/logger.ts';
import { createLocalBus } from '../../platform/realtime/index.ts';
import type { TestServer } from '../server.ts';

export type ReceivedMail = { from: string; to: string[]; raw: string; subject: string; text: string };

/** Decodes the quoted-printable text/plain part of a simple nodemailer message (enough for assertions). */
function plainTextOf(raw: string): string {
  const boundary = /boundary="([^"]+)"/.exec(raw)?.[1];
  const parts = boundary ? raw.split(`--${boundary}`) : [raw];
  const part = parts.find((p) => /Content-Type: text\/plain/i.test(p)) ?? '';
  const body = part.slice(part.indexOf('\r\n\r\n') + 4).replace(/\r\n$/, '');
  return body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** A real SMTP server on a loopback port that keeps every message it receives. */
export async function startSmtpReceiver() {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const subject = /^Subject: (.*)$/m.exec(raw)?.[1]?.trim() ?? '';
        messages.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw, subject, text: plainTextOf(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A browser-side push subscription: a P-256 key pair and an auth secret, as PushManager would create. */
export function createPushKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, auth, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } };
}

/** Decrypts an RFC 8291 (aes128gcm) Web Push body with the subscription's private key, independently of web-push. */
export function decryptPushBody(body: Buffer, subscriber: ReturnType<typeof createPushKeys>): string {
  const salt = body.subarray(0, 16);
  const idlen = body.readUInt8(20);
  const serverPublic = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  const shared = subscriber.ecdh.computeSecret(serverPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), subscriber.ecdh.getPublicKey(), serverPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, subscriber.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02 followed by optional zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('push record has no final-record delimiter');
  return padded.subarray(0, end).toString('utf8');
}

/** Verifies the VAPID `Authorization: vapid t=<jwt>, k=<key>` header: ES256 signature, audience, expiry. */
export function verifyVapid(header: string | undefined, audience: string): { publicKey: string; claims: { aud: string; exp: number; sub: string } } {
  const match = /^vapid t=([^,]+),\s*k=(.+)$/.exec(header ?? '');
  if (!match) throw new Error(`not a VAPID authorization header: ${header}`);
  const [jwt, k] = [match[1]!, match[2]!];
  const [h, p, s] = jwt.split('.');
  const raw = Buffer.from(k, 'base64url');
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33, 65).toString('base64url') }, format: 'jwk' });
  const ok = verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s!, 'base64url'));
  if (!ok) throw new Error('VAPID signature does not verify');
  const claims = JSON.parse(Buffer.from(p!, 'base64url').toString('utf8'));
  if (claims.aud !== audience) throw new Error(`VAPID audience ${claims.aud} is not ${audience}`);
  return { publicKey: k, claims };
}

export type PushRequest = { path: string; headers: http.IncomingHttpHeaders; body: Buffer };

/** A local push service: records each request and answers with `status(path)` (201 by default). */
export async function startPushEndpoint(status: (path: string) => number = () => 201) {
  const requests: PushRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({ path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(status(req.url ?? '/')).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * Another app node on the same database as `t` (its own pool, bus, job queue and clock), as a second server
 * process or a restarted one would be.
 */
export async function startNode(t: TestServer, options: { now?: () => Date; env?: Record<string, string> } = {}) {
  const database = connectDatabase(t.database.url, 5);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', HEARTH_DATA_DIR: '/tmp/hearth-test-data', ...options.env });
  const built = await buildServer({ config, logger: createLogger(config.LOG_LEVEL), database, bus: createLocalBus(), cipher: createFieldCipher('0'.repeat(64)), now: options.now });
  await built.app.ready();
  return {
    ...built,
    async close() {
      await built.app.close();
      await database.close();
    },
  };
}
