#!/usr/bin/env node
import { readConfig } from './config.js';
import { startServer } from './start.js';

const server = await startServer(readConfig());
console.log(`egov-kit reference server: ${server.url}/`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
