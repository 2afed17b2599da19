import type pg from 'pg';

/**
 * Every place in the database where any of `values` still appears: each column of every table in the public
 * schema that can hold an id or text (uuid, text, varchar, json, arrays), matched as text. Used to prove that
 * deleting an account leaves nothing behind, whichever modules exist.
 */
export async function findTraces(pool: pg.Pool, values: string[]): Promise<string[]> {
  const { rows: columns } = await pool.query<{ table_name: string; column_name: string }>(`
    select c.table_name, c.column_name
    from information_schema.columns c
    join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and (c.data_type in ('uuid', 'text', 'character varying', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED'))
    order by c.table_name, c.column_name`);
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    for (const value of values) {
      const { rows } = await pool.query<{ n: string }>(
        `select count(*) as n from "${table_name}" where "${column_name}"::text ilike $1`,
        [`%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`],
      );
      if (Number(rows[0]!.n) > 0) found.push(`${table_name}.${column_name} holds ${value} (${rows[0]!.n} rows)`);
    }
  }
  return found;
}
