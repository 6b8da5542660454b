import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEMO_USERS,
  type Principal,
  type RunningServer,
  signDevToken,
  startServer,
} from '@egov-kit/server';

/** The real reference server on an ephemeral loopback port, on PGlite in a fresh folder. */
export interface TestServer {
  readonly server: RunningServer;
  /** The API's base URL, `http://127.0.0.1:<port>/api/v1`. */
  readonly api: string;
  readonly tokens: {
    readonly citizen: string;
    readonly officer: string;
    readonly citizen2: string;
  };
  token(principal: Principal): Promise<string>;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'egov-client-'));
  const server = await startServer(
    {
      host: '127.0.0.1',
      port: 0,
      dataDir: dir,
      filesDir: join(dir, 'files'),
      // The demo is off in a configuration built in code, so the server needs a secret.
      jwtSecret: randomBytes(32).toString('base64url'),
    },
    { demoDossiers: true },
  );
  const secret = server.secret as Uint8Array;
  const token = (principal: Principal) => signDevToken(secret, principal);
  return {
    server,
    api: `${server.url}/api/v1`,
    tokens: {
      citizen: await token(DEMO_USERS.citizen),
      citizen2: await token(DEMO_USERS.citizen2),
      officer: await token(DEMO_USERS.officer),
    },
    token,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A PDF's first bytes: enough for the server's content check. */
export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** The applicant of the test dossiers (made up). */
export const APPLICANT = {
  kind: 'individual',
  fullName: 'Nguyễn Văn An',
  idType: 'citizen_id',
  idNumber: '048099012345',
  dateOfBirth: '1999-03-14',
  phone: '0905123456',
  address: { provinceCode: '48', communeCode: '20242', street: '12 Trần Phú' },
} as const;

/** Answers that pass a form's validation: the schema package's own generator. */
export { exampleAnswers as validAnswers } from '@egov-kit/schema/forms';
