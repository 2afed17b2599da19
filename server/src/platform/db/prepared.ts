import type { Pool, QueryResultRow } from 'pg';
import type { Db } from './client.ts';

/**
 * A hot statement with a fixed text, run as a named (prepared) statement: each pooled connection parses and plans it
 * once, and nothing is built per call (no query builder on the hot path). Bump the name's version when the text changes.
 */
export type PreparedStatement = { name: string; text: string };

/** Runs a prepared statement straight on the pool (outside any transaction). */
export function runPrepared<R extends QueryResultRow>(db: Db, statement: PreparedStatement, values: unknown[]) {
  return (db as Db & { $client: Pool }).$client.query<R>({ name: statement.name, text: statement.text, values });
}
