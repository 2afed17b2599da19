import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from './csv.ts';

describe('parseCsv', () => {
  it('handles quoted commas, doubled quotes, newlines inside quotes and CRLF', () => {
    const csv = 'text,label\r\n"hello, world",none\r\n"she said ""hi""\nthen left",1\r\nplain,0';
    expect(parseCsv(csv)).toEqual([
      ['text', 'label'],
      ['hello, world', 'none'],
      ['she said "hi"\nthen left', '1'],
      ['plain', '0'],
    ]);
  });

  it('skips a byte-order mark and a trailing newline, keeps empty fields', () => {
    expect(parseCsv('\ufeffa,b\n,x\n')).toEqual([
      ['a', 'b'],
      ['', 'x'],
    ]);
  });

  it('keys records by the lowercased header', () => {
    expect(parseCsvRecords('Text,Label\nhi,urgent\n')).toEqual([{ text: 'hi', label: 'urgent' }]);
  });
});
