/**
 * The storage examples of the package README ("Uploads and storage", "Housekeeping"), run: an
 * S3FileStore as the README makes it, against an S3-compatible server (s3rver) on 127.0.0.1,
 * behind the app, and a housekeeping run. If the README's example stops working, this fails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHousekeeping, S3FileStore } from '../src/index.js';
import { type Harness, PDF, startHarness, upload } from './support/harness.js';

const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
let dir: string;
let s3rver: S3rver;
let endpoint: string;
let files: S3FileStore;
let h: Harness;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'egov-readme-s3-'));
  s3rver = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir });
  endpoint = `http://127.0.0.1:${(await s3rver.run()).port}`;
  const admin = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
  await admin.send(new CreateBucketCommand({ Bucket: 'egov-files' }));
  admin.destroy();
  // As in the README, with the test server's endpoint and credentials.
  files = new S3FileStore({ bucket: 'egov-files', endpoint, credentials });
  h = await startHarness({ app: { files } });
}, 180_000);
afterAll(async () => {
  await h?.close();
  files?.destroy();
  await s3rver?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('README: uploads and storage', { timeout: 60_000 }, () => {
  it('uploads to S3-compatible storage through the API and downloads the same bytes', async () => {
    const draft = await h.request('POST', '/api/v1/dossiers', {
      token: h.tokens.citizen,
      json: { procedureCode: '1.013133' },
    });
    const uploaded = await h.request('POST', `/api/v1/dossiers/${draft.body.id}/attachments`, {
      token: h.tokens.citizen,
      form: upload('doc-1', PDF),
    });
    expect(uploaded.status).toBe(201);
    const download = await h.fetch(`/api/v1/attachments/${uploaded.body.id}`, {
      headers: { authorization: `Bearer ${h.tokens.citizen}` },
    });
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF);
    const ready = await h.fetch('/ready');
    expect(ready.status).toBe(200);
  });

  it('runs housekeeping once', async () => {
    const report = await runHousekeeping(h.db, files);
    expect(report.skipped).toEqual([]);
  });
});
