import type { Database } from './database.js';
import { migrate } from './migrations.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

/** Where the data lives. */
export interface StorageConfig {
  /** A PostgreSQL connection string; when set, PGlite is not used. */
  readonly databaseUrl?: string | undefined;
  /** PGlite's folder; in memory when undefined (tests). */
  readonly dataDir?: string | undefined;
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(config: StorageConfig): Promise<Database> {
  const db = config.databaseUrl
    ? await openPostgres(config.databaseUrl)
    : await openPglite(config.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
