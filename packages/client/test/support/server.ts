import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FieldDefinition, FormDefinition } from '@egov-kit/schema';
import { isVisible } from '@egov-kit/schema';
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
    { host: '127.0.0.1', port: 0, dataDir: dir, filesDir: join(dir, 'files') },
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

/**
 * Answers that pass a form's validation, built from its fields as a careful citizen fills it
 * (the same rules as the server's own test harness); `files` gives attachment ids per
 * document code, `*` for a file field without one.
 */
export function validAnswers(
  form: FormDefinition,
  files: Record<string, string[]> = {},
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (let pass = 0; pass < 2; pass++) {
    for (const section of form.sections) {
      if (!isVisible(section.visibleWhen, data)) continue;
      for (const field of section.fields) {
        if (!isVisible(field.visibleWhen, data)) {
          delete data[field.name];
          continue;
        }
        if (!(field.name in data)) data[field.name] = answer(field, files);
      }
    }
  }
  for (const [name, value] of Object.entries(data)) if (value === undefined) delete data[name];
  return data;
}

function answer(field: FieldDefinition, files: Record<string, string[]>): unknown {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return 'Nguyễn Văn An'.slice(0, field.maxLength ?? 100).padEnd(field.minLength ?? 0, 'a');
    case 'email':
      return 'an.nguyen@example.vn';
    case 'phone':
      return '0905123456';
    case 'citizen-id':
      return '048099012345';
    case 'number':
      return field.min ?? 1;
    case 'date':
      return field.minDate && field.minDate !== 'today'
        ? field.minDate
        : field.minDate === 'today'
          ? '2099-01-01'
          : '2000-01-01';
    case 'select':
    case 'radio':
      return field.options?.[0]?.value;
    case 'checkbox':
      return field.multiple ? [field.options?.[0]?.value] : true;
    case 'address':
      return { provinceCode: '48', communeCode: '20242', street: '12 Trần Phú' };
    case 'file':
      return files[field.documentCode ?? field.name] ?? (field.required ? files['*'] : undefined);
  }
}
