import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { flattenToTables, toCsv, zipTables } from './privacy.csv.ts';

describe('flattenToTables', () => {
  it('makes one table per list of records and one row for a single record', () => {
    const tables = flattenToTables({
      profile: { account: { pseudonym: 'river', languages: ['en', 'es'] }, devices: [{ userAgent: 'Firefox' }, { userAgent: 'Chrome' }] },
      chat: { messages: [{ body: 'hi', room: { kind: 'group' } }], oneToOne: [] },
      safety: { safetyPlan: null },
    });
    expect(tables.get('profile.devices')).toEqual([{ userAgent: 'Firefox' }, { userAgent: 'Chrome' }]);
    expect(tables.get('profile.account')).toEqual([{ pseudonym: 'river', languages: ['en', 'es'] }]);
    expect(tables.get('chat.messages')).toEqual([{ body: 'hi', 'room.kind': 'group' }]);
    expect(tables.get('chat.oneToOne')).toEqual([]);
    expect(tables.has('safety.safetyPlan')).toBe(false);
  });
});

describe('toCsv', () => {
  it('quotes commas, quotes and new lines, and defuses spreadsheet formulas', () => {
    const csv = toCsv([{ a: 'plain', b: 'with, comma' }, { a: 'say "hi"', c: 'line\nbreak' }, { a: '=HYPERLINK("x")', b: '-1' }]);
    expect(csv.split('\r\n')).toEqual(['a,b,c', 'plain,"with, comma",', '"say ""hi""",,"line\nbreak"', `"'=HYPERLINK(""x"")",'-1,`, '']);
  });

  it('writes dates as ISO strings and lists as JSON', () => {
    expect(toCsv([{ at: new Date('2026-01-02T03:04:05Z'), tags: ['a', 'b'] }])).toBe('at,tags\r\n2026-01-02T03:04:05.000Z,"[""a"",""b""]"\r\n');
  });
});

describe('zipTables', () => {
  it('packs a README and one CSV per table', () => {
    const files = unzipSync(zipTables(new Map([['chat.messages', [{ body: 'hello' }]]]), 'read me'));
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'chat.messages.csv']);
    expect(strFromU8(files['chat.messages.csv']!)).toBe('body\r\nhello\r\n');
  });
});
