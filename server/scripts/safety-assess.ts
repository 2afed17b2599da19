/**
 * Reads JSON lines on stdin, each with a `text` field; writes one JSON line per input, in order:
 * {"level":"none|concern|urgent","score":0..1,"reasons":[...]}. Same assessRisk code path as the server.
 *
 *   npm run -s safety:assess [-- --history-separator " ||| "] < messages.jsonl
 *
 * --history-separator: each text is a history of several posts joined by this string; without it, one message each.
 */
import readline from 'node:readline';
import { assessRisk } from '../src/modules/safety/assessment/index.ts';

const sepAt = process.argv.indexOf('--history-separator');
const historySeparator = sepAt >= 0 ? process.argv[sepAt + 1] : undefined;
if (sepAt >= 0 && !historySeparator) {
  console.error('Usage: npm run -s safety:assess [-- --history-separator " ||| "] < messages.jsonl');
  process.exit(2);
}
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
  const { level, score, reasons } = assessRisk(text, undefined, { historySeparator });
  process.stdout.write(`${JSON.stringify({ level, score, reasons })}\n`);
}
