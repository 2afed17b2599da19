/**
 * Statement counts from PostgreSQL's own `pg_stat_statements`, so a bench can say how many reads of a kind its server
 * nodes made (they run in other processes) without any counting code in the server. It is a preload library: the
 * bench turns it on in the embedded PostgreSQL it owns and restarts it once, before any node connects.
 */
import pg from 'pg';

/** Asks PostgreSQL at `url` to load pg_stat_statements from its next start on (ALTER SYSTEM, kept in its data folder). */
export async function preloadStatementStats(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`alter system set shared_preload_libraries = 'pg_stat_statements'`);
  } finally {
    await client.end();
  }
}

export type StatementStats = {
  /** Executions so far, in this database, of statements whose text matches `pattern` (a PostgreSQL regular expression). */
  count(pattern: string): Promise<number>;
};

/**
 * Creates the extension and returns a counter, or the reason there is none (a `BENCH_DATABASE_URL` server that does not
 * preload it: add `shared_preload_libraries = 'pg_stat_statements'` to its postgresql.conf and restart it).
 */
export async function openStatementStats(pool: pg.Pool): Promise<StatementStats | { unavailable: string }> {
  try {
    await pool.query('create extension if not exists pg_stat_statements');
    await pool.query('select 1 from pg_stat_statements limit 1');
  } catch (err) {
    return { unavailable: `pg_stat_statements is not loaded (${(err as Error).message}); add shared_preload_libraries = 'pg_stat_statements' to postgresql.conf and restart PostgreSQL` };
  }
  return {
    async count(pattern) {
      const { rows } = await pool.query<{ calls: string }>(
        'select coalesce(sum(calls), 0)::text as calls from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database()) and query ~ $1',
        [pattern],
      );
      return Number(rows[0]!.calls);
    },
  };
}
