/** Where and how the server runs, read once from the environment at start. */
export interface ServerConfig {
  readonly host: string;
  readonly port: number;
}

/**
 * Reads `HOST` and `PORT`. Defaults to loopback only: a reference server should not appear on a
 * network by accident.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 8080 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got "${env.PORT}".`);
  }
  return { host: env.HOST || '127.0.0.1', port };
}
