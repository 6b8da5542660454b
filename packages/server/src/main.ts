#!/usr/bin/env node
import { readConfig } from './config.js';
import { signDevToken } from './http/auth.js';
import { DEMO_USERS } from './seed/demo-users.js';
import { authConfig, ConfigError, startServer } from './start.js';

/** Stops with the message alone for a configuration error; with the stack for anything else. */
function fail(error: unknown): never {
  console.error(
    error instanceof ConfigError ||
      (error instanceof Error && /^(PORT|JWT|JWKS|TRUST_PROXY)/.test(error.message))
      ? error.message
      : error,
  );
  process.exit(1);
}

// `egov-kit-server tokens`: print the demo users' development tokens without starting.
if (process.argv[2] === 'tokens') {
  const config = (() => {
    try {
      return readConfig();
    } catch (error) {
      fail(error);
    }
  })();
  if (!config.demo) {
    console.error(
      'Không có token demo khi tắt chế độ demo. / There are no demo tokens with the demo off (EGOV_DEMO=off).',
    );
    process.exit(1);
  }
  const auth = await authConfig(config).catch(fail);
  if (auth.kind !== 'secret') {
    console.error(
      'Tokens come from your identity provider (JWKS_URL is set): there are no development tokens.',
    );
    process.exit(1);
  }
  for (const [label, user] of Object.entries(DEMO_USERS))
    console.log(
      `${label.padEnd(9)} ${await signDevToken(auth.secret, user, { issuer: auth.issuer, audience: auth.audience })}`,
    );
  process.exit(0);
}

const startedAt = performance.now();
const config = (() => {
  try {
    return readConfig();
  } catch (error) {
    fail(error);
  }
})();
const server = await startServer(config).catch(fail);
const ms = Math.round(performance.now() - startedAt);

console.log(`egov-kit reference server: ${server.url}/  (started in ${ms} ms)`);
console.log(
  `  database: ${server.db.kind}${server.db.kind === 'pglite' ? ` in ${config.dataDir}` : ''}`,
);
if (server.seeded) {
  const s = server.seeded;
  console.log(
    `  seeded: ${s.procedures} procedures, ${s.forms} forms, ${s.agencies} agencies, ${s.dossiers} demo dossiers`,
  );
}
console.log(
  `  API: ${server.url}/api/v1  ·  reference: ${server.url}/api/v1/docs  ·  OpenAPI: ${server.url}/api/v1/openapi.json`,
);
if (config.demo) {
  console.log(
    `  demo (EGOV_DEMO=off to disable): sign-in at ${server.url}/demo/sign-in, demo CA at ${server.url}/demo/ca.pem`,
  );
}
// Only in demo mode: with the demo off, tokens come from the deployment's identity provider.
if (config.demo && server.secret) {
  console.log('  demo tokens (development only; send as "Authorization: Bearer <token>"):');
  for (const [label, user] of Object.entries(DEMO_USERS)) {
    console.log(
      `    ${label.padEnd(9)} ${await signDevToken(server.secret, user, { issuer: config.jwtIssuer, audience: config.jwtAudience })}`,
    );
  }
}

// SIGTERM (an orchestrator's stop, a rolling deployment): drain — /ready answers 503 for
// SHUTDOWN_DRAIN, requests in progress finish — then exit 0. Ctrl-C does the same, without the
// wait; a second signal exits at once.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const again of ['SIGINT', 'SIGTERM'] as const) process.once(again, () => process.exit(1));
    server.close({ drainSeconds: signal === 'SIGTERM' ? config.shutdownDrainSeconds : 0 }).then(
      () => process.exit(0),
      (error) => {
        console.error('shutdown failed', error);
        process.exit(1);
      },
    );
  });
}
