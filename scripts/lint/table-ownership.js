import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * House style: a module owns its tables and others go through its port (e.g. `sessions/session-facts.ts`). The owner
 * of a table is the schema file that declares it (`server/src/db/schema/<module>.ts`); `audit` and `jobs` belong to
 * platform/. This turns that into `no-restricted-imports` entries, so a new cross-module table import fails lint.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const schemaDir = path.join(root, 'server/src/db/schema');
const modulesDir = path.join(root, 'server/src/modules');

/**
 * Reads that predate the rule, by module: identity and tenancy joins (`users`, `orgs`, `authSessions`), the job queue,
 * and a few reads of groups and safety tables. Shrink this list as ports appear; never grow it.
 */
export const KNOWN_CROSS_READS = {
  accounts: ['orgs'],
  // groups/groupMembers: the batched send path's per-batch posting check (chat.repo.ts), pending a groups port.
  chat: ['users', 'groups', 'groupMembers'],
  forums: ['users'],
  groups: ['users'],
  matching: ['users', 'groups', 'groupMembers', 'riskAssessments'],
  moderation: ['users', 'authSessions'],
  notifications: ['users', 'jobs'],
  rewards: ['users'],
  safety: ['users'],
  sessions: ['users', 'groups', 'groupMembers'],
  supervision: ['users'],
  training: ['users', 'orgs'],
};

/** Table and enum names declared by each schema file, keyed by the file's name. */
export function readTableOwners() {
  const owners = {};
  for (const file of fs.readdirSync(schemaDir)) {
    if (!file.endsWith('.ts') || file === 'index.ts' || file === 'columns.ts') continue;
    const text = fs.readFileSync(path.join(schemaDir, file), 'utf8');
    owners[file.slice(0, -3)] = [...text.matchAll(/export const (\w+)\s*=\s*(?:pgTable|pgEnum)\b/g)].map((m) => m[1]);
  }
  return owners;
}

/**
 * One flat-config entry per module (tests excluded: they seed worlds directly). `basePatterns` are the
 * `no-restricted-imports` patterns every module file already has; they are repeated because a later entry replaces
 * the rule's options rather than merging them.
 */
export function tableOwnershipConfigs(basePatterns) {
  const owners = readTableOwners();
  const modules = fs.readdirSync(modulesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  return modules.map((mod) => {
    const allowed = new Set(KNOWN_CROSS_READS[mod] ?? []);
    const patterns = Object.entries(owners)
      .filter(([owner]) => owner !== mod)
      .map(([owner, names]) => ({ owner, names: names.filter((n) => !allowed.has(n)) }))
      .filter(({ names }) => names.length > 0)
      .map(({ owner, names }) => ({
        regex: '/db/schema/',
        importNames: names,
        message: ['audit', 'jobs'].includes(owner)
          ? `This table belongs to platform/${owner}: use its helpers instead of the table.`
          : `This table belongs to the ${owner} module: read it through that module's port (exported from ${owner}/index.ts, wired in main.ts), e.g. a small read-only function in ${owner}/${owner.replace(/s$/, '')}-facts.ts.`,
      }));
    return {
      files: [`server/src/modules/${mod}/**/*.ts`],
      ignores: ['**/*.test.ts'],
      rules: { 'no-restricted-imports': ['error', { patterns: [...basePatterns, ...patterns] }] },
    };
  });
}
