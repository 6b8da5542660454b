import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/index.js';

/**
 * A fresh, empty database for one test suite: PGlite in memory by default, or — when
 * `TEST_DATABASE_URL` names a PostgreSQL server — a new database created on it and dropped
 * afterwards. The same suites run unchanged on both (`.ci/run` runs them twice).
 */
export async function freshDatabase(): Promise<{
  db: Database;
  drop: () => Promise<void>;
  /** The PostgreSQL database's URL, for a second connection pool (a second instance). */
  url?: string;
}> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = await openDatabase({});
    return { db, drop: () => db.close() };
  }
  const name = `egov_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString() });
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** Which database the suites run on, for test names. */
export const DATABASE_KIND = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
