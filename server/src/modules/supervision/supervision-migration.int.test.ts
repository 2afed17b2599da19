import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { connectDatabase } from '../../platform/db/index.ts';

const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../db/migrations');
const BEFORE = '0010_private-sessions';
const MOVE = ['0011_supervision-meetings-to-sessions', '0012_supervision-meetings-on-sessions'];

const adminUrl = inject('pgAdminUrl');
const name = `migration_${randomBytes(6).toString('hex')}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;
let database: ReturnType<typeof connectDatabase> | null = null;

afterAll(async () => {
  await database?.close();
  const admin = connectDatabase(adminUrl, 1);
  await admin.pool.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.close();
});

async function run(pool: ReturnType<typeof connectDatabase>['pool'], tag: string) {
  for (const statement of fs.readFileSync(path.join(MIGRATIONS, `${tag}.sql`), 'utf8').split('--> statement-breakpoint')) {
    if (statement.replace(/--.*$/gm, '').trim()) await pool.query(statement);
  }
}

/** A row for `table` with every required column filled in (generic values), plus the given ones. */
async function insertRow(pool: ReturnType<typeof connectDatabase>['pool'], table: string, given: Record<string, unknown>) {
  const { rows } = await pool.query(
    `select c.column_name, c.data_type, c.udt_name from information_schema.columns c
     where c.table_name = $1 and c.is_nullable = 'NO' and c.column_default is null`,
    [table],
  );
  const values: Record<string, unknown> = { ...given };
  for (const c of rows) {
    if (c.column_name in values) continue;
    if (c.data_type === 'USER-DEFINED') {
      values[c.column_name] = (await pool.query(`select enumlabel from pg_enum e join pg_type t on t.oid = e.enumtypid where t.typname = $1 order by enumsortorder limit 1`, [c.udt_name])).rows[0].enumlabel;
    } else if (c.data_type === 'uuid') values[c.column_name] = randomUUID();
    else if (c.data_type.includes('timestamp')) values[c.column_name] = new Date();
    else if (c.data_type === 'integer' || c.data_type === 'smallint') values[c.column_name] = 0;
    else if (c.data_type === 'boolean') values[c.column_name] = false;
    else if (c.data_type === 'jsonb' || c.data_type === 'json') values[c.column_name] = '{}';
    else if (c.data_type === 'ARRAY') values[c.column_name] = [];
    else values[c.column_name] = `${c.column_name}-${randomBytes(4).toString('hex')}`;
  }
  const keys = Object.keys(values);
  await pool.query(`insert into ${table} (${keys.map((k) => `"${k}"`).join(', ')}) values (${keys.map((_k, i) => `$${i + 1}`).join(', ')})`, Object.values(values));
}

describe('moving supervision meetings onto the sessions module', () => {
  it('turns each existing meeting into a private session with its time, status and both people, keeping the agenda', async () => {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
    const tags = journal.entries.map((e) => e.tag);
    expect(tags.slice(tags.indexOf(BEFORE) + 1, tags.indexOf(BEFORE) + 3)).toEqual(MOVE);

    const admin = connectDatabase(adminUrl, 1);
    await admin.pool.query(`CREATE DATABASE ${name}`);
    await admin.close();
    database = connectDatabase(url.toString(), 1);
    const { pool } = database;
    for (const tag of tags.slice(0, tags.indexOf(BEFORE) + 1)) await run(pool, tag);

    const orgId = randomUUID();
    const [supervisorId, supporterId] = [randomUUID(), randomUUID()];
    await insertRow(pool, 'orgs', { id: orgId });
    for (const id of [supervisorId, supporterId]) await insertRow(pool, 'users', { id, org_id: orgId });
    const startsAt = new Date('2026-07-01T09:00:00Z');
    const [held, cancelled] = [randomUUID(), randomUUID()];
    await insertRow(pool, 'supervision_meetings', { id: held, org_id: orgId, supervisor_id: supervisorId, supporter_id: supporterId, starts_at: startsAt, duration_minutes: 45, agenda_ciphertext: 'sealed-agenda' });
    await insertRow(pool, 'supervision_meetings', { id: cancelled, org_id: orgId, supervisor_id: supervisorId, supporter_id: supporterId, starts_at: startsAt, duration_minutes: 60, cancelled_at: new Date() });

    for (const tag of MOVE) await run(pool, tag);

    const { rows } = await pool.query(
      `select m.id, m.agenda_ciphertext, s.purpose, s.org_id, s.organizer_id, s.starts_at, s.ends_at, s.status,
              (select string_agg(p.role::text || ':' || p.user_id, ',' order by p.role) from private_session_participants p where p.session_id = s.id) as people
       from supervision_meetings m join private_sessions s on s.id = m.session_id order by m.id = $1 desc`,
      [held],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: held, agenda_ciphertext: 'sealed-agenda', purpose: 'supervision', org_id: orgId, organizer_id: supervisorId, status: 'scheduled', people: `host:${supervisorId},guest:${supporterId}` });
    expect(rows[0].starts_at.toISOString()).toBe(startsAt.toISOString());
    expect(rows[0].ends_at.toISOString()).toBe('2026-07-01T09:45:00.000Z');
    expect(rows[1]).toMatchObject({ id: cancelled, status: 'cancelled' });
  });
});
