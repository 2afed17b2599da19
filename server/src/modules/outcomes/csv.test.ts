import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('quotes commas and quotes, keeps negative numbers, and defuses formulas in text', () => {
    const csv = toCsv(['name', 'change', 'note'], [{ name: 'Tuesday, evening', change: -3.5, note: '=HYPERLINK("x")' }, { name: 'Plain', change: null, note: 'say "hi"' }]);
    expect(csv).toBe('name,change,note\r\n"Tuesday, evening",-3.5,"\'=HYPERLINK(""x"")"\r\nPlain,,"say ""hi"""\r\n');
  });
});
