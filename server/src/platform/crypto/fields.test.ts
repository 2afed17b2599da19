import { describe, expect, it } from 'vitest';
import { createFieldCipher } from './fields.ts';
import { createToken, hashToken } from './tokens.ts';

describe('field encryption', () => {
  const cipher = createFieldCipher('a'.repeat(64));

  it('round-trips text, including non-Latin scripts and emoji', () => {
    for (const text of ['', 'I made it to group today', 'Hoy fue un día difícil 💙', '今日はありがとう']) {
      expect(cipher.decrypt(cipher.encrypt(text))).toBe(text);
    }
  });

  it('never stores the plain text and uses a fresh nonce each time', () => {
    const a = cipher.encrypt('private words');
    const b = cipher.encrypt('private words');
    expect(a).not.toContain('private');
    expect(a).not.toBe(b);
  });

  it('refuses ciphertext that was tampered with or made with another key', () => {
    const stored = cipher.encrypt('hello');
    const parts = stored.split(':');
    parts[3] = Buffer.from('jello').toString('base64');
    expect(() => cipher.decrypt(parts.join(':'))).toThrow();
    expect(() => createFieldCipher('b'.repeat(64)).decrypt(stored)).toThrow();
  });

  it('accepts a passphrase as key material', () => {
    const c = createFieldCipher('a long passphrase that is not hex or base64!');
    expect(c.decrypt(c.encrypt('x'))).toBe('x');
  });
});

describe('tokens', () => {
  it('are unguessable and stored only as a hash', () => {
    const token = createToken();
    expect(token.length).toBeGreaterThanOrEqual(43);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
    expect(createToken()).not.toBe(token);
  });
});
