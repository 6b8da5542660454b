import { PGlite, types } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.js';

/**
 * Embedded PostgreSQL (PGlite) in a folder, or in memory when `dataDir` is undefined (tests).
 * PGlite has one connection: transactions are serialised by it, which is also what keeps
 * concurrent requests correct here.
 */
export async function openPglite(dataDir: string | undefined): Promise<Database> {
  // The same row shapes as the PostgreSQL driver gives (see postgres.ts): ISO strings, numbers.
  const parsers = {
    [types.TIMESTAMPTZ]: (value: string) => new Date(value).toISOString(),
    [types.INT8]: (value: string) => Number(value),
  };
  const db = new PGlite(dataDir, { parsers });
  await db.waitReady;
  const query = async <Row>(
    runner: Pick<PGlite, 'query'>,
    sql: string,
    params?: readonly unknown[],
  ) => (await runner.query<Row>(sql, params ? [...params] : undefined)).rows;
  const scope = {};
  return {
    kind: 'pglite',
    scope,
    query: (sql, params) => query(db, sql, params),
    exec: async (sql) => {
      await db.exec(sql);
    },
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          scope,
          query: (sql, params) => query(tx, sql, params),
          exec: async (sql) => {
            await tx.exec(sql);
          },
        } satisfies Queryable),
      ),
    close: () => db.close(),
  };
}
