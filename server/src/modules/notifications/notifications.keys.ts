import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FieldCipher } from '../../platform/crypto/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { generateVapidKeys, type VapidKeys } from '../../platform/push/index.ts';
import * as repo from './notifications.repo.ts';

/**
 * Loads a server-wide key from the database, creating it on first boot. Every node shares the database, so every node
 * signs unsubscribe links and push requests with the same key; the secret half is encrypted at rest.
 */
async function loadOrCreate(db: Db, cipher: FieldCipher, name: string, create: () => { publicValue: string | null; secret: string }) {
  let row = await repo.findKey(db, name);
  if (!row) {
    const fresh = create();
    await repo.insertKey(db, { name, publicValue: fresh.publicValue, secretCiphertext: cipher.encrypt(fresh.secret) });
    row = (await repo.findKey(db, name))!;
  }
  return { publicValue: row.publicValue, secret: cipher.decrypt(row.secretCiphertext) };
}

/** The VAPID key pair: from config when given, else generated once and kept in the database. */
export async function loadVapidKeys(db: Db, cipher: FieldCipher, configured: { publicKey?: string; privateKey?: string }): Promise<VapidKeys> {
  if (configured.publicKey && configured.privateKey) return { publicKey: configured.publicKey, privateKey: configured.privateKey };
  const key = await loadOrCreate(db, cipher, 'vapid', () => {
    const pair = generateVapidKeys();
    return { publicValue: pair.publicKey, secret: pair.privateKey };
  });
  return { publicKey: key.publicValue!, privateKey: key.secret };
}

/** What an unsubscribe link allows: stop e-mail of one type (or all types) for one person. */
export type UnsubscribeClaim = { userId: string; category: string };

/** Signs and verifies unsubscribe links, so they work without signing in but cannot be forged for someone else. */
export type LinkSigner = { sign(claim: UnsubscribeClaim): string; verify(token: string): UnsubscribeClaim | null };

export async function loadLinkSigner(db: Db, cipher: FieldCipher): Promise<LinkSigner> {
  const { secret } = await loadOrCreate(db, cipher, 'unsubscribe', () => ({ publicValue: null, secret: randomBytes(32).toString('base64url') }));
  const mac = (data: string) => createHmac('sha256', secret).update(`unsubscribe.v1.${data}`).digest();
  return {
    sign(claim) {
      const data = Buffer.from(JSON.stringify({ u: claim.userId, c: claim.category })).toString('base64url');
      return `${data}.${mac(data).toString('base64url')}`;
    },
    verify(token) {
      const [data, sig] = token.split('.');
      if (!data || !sig) return null;
      const expected = mac(data);
      const given = Buffer.from(sig, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
      try {
        const parsed = JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as { u?: unknown; c?: unknown };
        return typeof parsed.u === 'string' && typeof parsed.c === 'string' ? { userId: parsed.u, category: parsed.c } : null;
      } catch {
        return null;
      }
    },
  };
}
