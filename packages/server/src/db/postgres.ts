import pg from 'pg';
import type { Database, Queryable } from './database.js';

// Timestamps travel as ISO strings and bigint counts as numbers: what the JSON API answers.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (value) => new Date(value).toISOString());
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** A PostgreSQL server, through a connection pool. */
export async function openPostgres(
  connectionString: string,
  maxConnections = 10,
): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // An idle connection the server ends (a restart, a failover, an administrator) emits 'error'
  // on the pool; unheard, it would crash the process. The pool replaces the connection, and the
  // next query tells whether the database is back.
  pool.on('error', (error) => {
    console.error(`PostgreSQL connection lost (${error.message}); reconnecting on the next query.`);
  });
  // Fail at start, with a clear message, rather than on the first request.
  await pool.query('select 1');
  const scope = {};
  return {
    kind: 'postgres',
    scope,
    query: async (sql, params) => (await pool.query(sql, params ? [...params] : undefined)).rows,
    exec: async (sql) => {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const tx: Queryable = {
          scope,
          query: async (sql, params) =>
            (await client.query(sql, params ? [...params] : undefined)).rows,
          exec: async (sql) => {
            await client.query(sql);
          },
        };
        const result = await work(tx);
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
