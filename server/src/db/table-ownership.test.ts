import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The import-boundary rules live in eslint.config.js (scripts/lint/table-ownership.js): this checks they bite.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  // Loading the config and the TypeScript parser is slow on a busy machine: do it once here, not in the first test.
  await eslint.lintText('export {};\n', { filePath: path.join(root, 'server/src/modules/outcomes/warm-up.ts') });
}, 60_000);

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('table ownership lint rule', () => {
  it("rejects another module's session and attendance tables, naming the owner's port", async () => {
    const messages = await restrictedImports(
      'server/src/modules/outcomes/new-report.repo.ts',
      "import { attendance, sessions } from '../../db/schema/index.ts';\nexport const tables = [attendance, sessions];\n",
    );
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/belongs to the sessions module: read it through that module's port/);
  });

  it("rejects chat's rooms and conversations outside chat, also when imported from the schema file itself", async () => {
    const messages = await restrictedImports(
      'server/src/modules/analytics/new-report.repo.ts',
      "import { directConversations, rooms } from '../../db/schema/chat.ts';\nexport const tables = [directConversations, rooms];\n",
    );
    expect(messages).toHaveLength(2);
    expect(messages.every((m) => /belongs to the chat module/.test(m))).toBe(true);
  });

  it('lets a module read its own tables, and lets tests seed any table', async () => {
    expect(await restrictedImports('server/src/modules/sessions/new.repo.ts', "import { attendance, sessions } from '../../db/schema/index.ts';\nexport const t = [attendance, sessions];\n")).toEqual([]);
    expect(await restrictedImports('server/src/modules/outcomes/new.int.test.ts', "import { sessions } from '../../db/schema/index.ts';\nexport const t = [sessions];\n")).toEqual([]);
  });

  it("still rejects reaching past another module's index.ts", async () => {
    const messages = await restrictedImports('server/src/modules/outcomes/new.ts', "import { createSessionFacts } from '../sessions/session-facts.ts';\nexport const f = createSessionFacts;\n");
    expect(messages).toEqual([expect.stringMatching(/only through its index\.ts/)]);
  });
});
