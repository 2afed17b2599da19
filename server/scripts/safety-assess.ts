/**
 * Reads JSON lines on stdin, each with a `text` field; writes one JSON line per input, in order:
 * {"level":"none|concern|urgent","score":0..1,"reasons":[...]}. Same assessRisk code path as the server.
 *
 *   npm run -s safety:assess < messages.jsonl
 */
import readline from 'node:readline';
import { assessRisk } from '../src/modules/safety/assessment/index.ts';

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === '') continue;
  let text = '';
  try {
    const parsed: unknown = JSON.parse(line);
    if (parsed && typeof parsed === 'object' && typeof (parsed as { text?: unknown }).text === 'string') text = (parsed as { text: string }).text;
  } catch {
    text = '';
  }
  const { level, score, reasons } = assessRisk(text);
  process.stdout.write(`${JSON.stringify({ level, score, reasons })}\n`);
}
