/**
 * The one interface the server talks to storage through. Two implementations run the same SQL:
 * embedded PGlite (the default, no set-up) and a PostgreSQL server (`DATABASE_URL`).
 */
export interface Queryable {
  /** Runs one statement with `$1…$n` parameters. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * One object shared by a database and all its transactions: what caches of that database's
   * rows are kept under (two databases may hold different rows under the same key).
   */
  readonly scope?: object | undefined;
}

/** A database: queries, transactions, and closing. */
export interface Database extends Queryable {
  /** Which engine, for logs and benchmarks. */
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws.
   * Rows locked with `FOR UPDATE` stay locked until then, which is how concurrent actions on one
   * dossier are serialised.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
