/** The reference server for bench/client.mjs, in its own process: sends its URL, stops on 'stop'. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '@egov-kit/server';

const dir = mkdtempSync(join(tmpdir(), 'egov-client-bench-'));
const server = await startServer({
  host: '127.0.0.1',
  port: 0,
  dataDir: dir,
  filesDir: join(dir, 'files'),
  // Without a JWT_SECRET or JWKS_URL the server starts only in demo mode (a development
  // secret of its own); the bench reads public routes only.
  demo: true,
});
process.send({ url: server.url });
process.on('message', async (message) => {
  if (message !== 'stop') return;
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
