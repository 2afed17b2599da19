import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** AES-256-GCM for sensitive fields at rest (private messages, check-ins, safety plans). */
export type FieldCipher = { encrypt(plain: string): string; decrypt(stored: string): string };

const PREFIX = 'v1';

/** Builds a cipher from a 32-byte key given as hex, base64 or any long passphrase (hashed to 32 bytes). */
export function createFieldCipher(keyMaterial: string): FieldCipher {
  const key = decodeKey(keyMaterial);
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [PREFIX, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
    },
    decrypt(stored) {
      const [version, iv, tag, data] = stored.split(':');
      if (version !== PREFIX || !iv || !tag || data === undefined) throw new Error('Unrecognised ciphertext format');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
    },
  };
}

function decodeKey(material: string): Buffer {
  if (/^[0-9a-f]{64}$/i.test(material)) return Buffer.from(material, 'hex');
  const b64 = Buffer.from(material, 'base64');
  if (b64.length === 32 && /^[A-Za-z0-9+/=]+$/.test(material)) return b64;
  return createHash('sha256').update(material).digest();
}
