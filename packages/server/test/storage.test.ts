import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DiskFileStore,
  type FileStore,
  FileTooLargeError,
  MemoryFileStore,
  readAll,
  S3FileStore,
} from '../src/storage/index.js';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function* chunks(bytes: Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.byteLength; i += size) yield bytes.subarray(i, i + size);
}

/** An endless source that counts what was pulled from it: the limit must stop the reading. */
function endless(chunkSize: number) {
  const state = { pulled: 0 };
  async function* source() {
    const chunk = new Uint8Array(chunkSize).fill(0x41);
    for (;;) {
      state.pulled += chunkSize;
      yield chunk;
    }
  }
  return { state, source: source() };
}

const dirs: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

let s3rver: S3rver;
let s3Endpoint = '';
beforeAll(async () => {
  // An S3-compatible server on loopback, in a temporary folder: the S3 store is tested against
  // a real S3 protocol implementation, through the official SDK.
  s3rver = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: temp('s3rver-') });
  const { port } = await s3rver.run();
  s3Endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint: s3Endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  await client.send(new CreateBucketCommand({ Bucket: 'egov-test' }));
  client.destroy();
}, 30_000);
afterAll(async () => {
  await s3rver?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const stores: [
  string,
  () => { store: FileStore; temporaries: () => string[]; temporaryDir?: string },
][] = [
  ['memory', () => ({ store: new MemoryFileStore(), temporaries: () => [] })],
  [
    'disk',
    () => {
      const dir = temp('egov-disk-');
      return {
        store: new DiskFileStore(dir),
        temporaryDir: join(dir, 'tmp'),
        temporaries: () => {
          try {
            return readdirSync(join(dir, 'tmp'));
          } catch {
            return [];
          }
        },
      };
    },
  ],
  [
    's3 (s3rver on 127.0.0.1)',
    () => {
      const spoolDir = temp('egov-spool-');
      return {
        store: new S3FileStore({
          bucket: 'egov-test',
          prefix: `run-${randomBytes(4).toString('hex')}/`,
          endpoint: s3Endpoint,
          credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
          spoolDir,
        }),
        temporaries: () => readdirSync(spoolDir),
        temporaryDir: spoolDir,
      };
    },
  ],
];

describe.each(stores)('%s file store', { timeout: 60_000 }, (_name, make) => {
  it('stores by SHA-256 and reads back the same bytes', async () => {
    const { store, temporaries } = make();
    const bytes = randomBytes(300_000);
    const received = await store.receive(chunks(bytes), { maxBytes: 1_000_000 });
    expect(received.sha256).toBe(sha(bytes));
    expect(received.size).toBe(bytes.byteLength);
    expect(Buffer.from(received.head)).toEqual(bytes.subarray(0, received.head.byteLength));
    expect(await store.open(received.sha256)).toBeUndefined();
    await received.keep();
    await received.discard();
    expect(temporaries()).toEqual([]);
    const stored = await store.open(received.sha256);
    expect(stored?.size).toBe(bytes.byteLength);
    expect(sha(await readAll(stored as NonNullable<typeof stored>))).toBe(sha(bytes));
    await store.check();
  });

  it('stops reading as soon as the limit is passed, and leaves nothing behind', async () => {
    const { store, temporaries } = make();
    const { state, source } = endless(16 * 1024);
    await expect(store.receive(source, { maxBytes: 100_000 })).rejects.toBeInstanceOf(
      FileTooLargeError,
    );
    expect(state.pulled).toBeLessThanOrEqual(100_000 + 16 * 1024);
    expect(temporaries()).toEqual([]);
  });

  it('keeps 20 simultaneous uploads of the same bytes without an error', async () => {
    const { store, temporaries } = make();
    const bytes = randomBytes(200_000);
    const received = await Promise.all(
      Array.from({ length: 20 }, () => store.receive(chunks(bytes, 7_000), { maxBytes: 1e6 })),
    );
    await Promise.all(received.map((file) => file.keep()));
    await Promise.all(received.map((file) => file.discard()));
    expect(temporaries()).toEqual([]);
    const stored = await store.open(sha(bytes));
    expect(sha(await readAll(stored as NonNullable<typeof stored>))).toBe(sha(bytes));
  });

  it('discards a refused upload, and removes a stored file', async () => {
    const { store, temporaries } = make();
    const bytes = randomBytes(1000);
    const refused = await store.receive(chunks(bytes), { maxBytes: 1e6 });
    await refused.discard();
    expect(temporaries()).toEqual([]);
    expect(await store.open(refused.sha256)).toBeUndefined();
    const kept = await store.receive(chunks(bytes), { maxBytes: 1e6 });
    await kept.keep();
    await kept.discard();
    await store.remove(kept.sha256);
    expect(await store.open(kept.sha256)).toBeUndefined();
    await store.remove(kept.sha256);
  });

  it('sweeps temporary files a killed process left behind, and only old ones', async () => {
    const { store, temporaryDir } = make();
    if (!temporaryDir) {
      expect(store.sweep).toBeUndefined();
      return;
    }
    mkdirSync(temporaryDir, { recursive: true });
    const old = join(temporaryDir, 'left-behind.part');
    const fresh = join(temporaryDir, 'receiving.part');
    writeFileSync(old, 'half an upload');
    writeFileSync(fresh, 'an upload arriving');
    const dayAgo = new Date(Date.now() - 86_400_000);
    utimesSync(old, dayAgo, dayAgo);
    expect(await store.sweep?.(3_600_000)).toBe(1);
    expect(readdirSync(temporaryDir)).toEqual(['receiving.part']);
  });

  it('never turns a name that is not a SHA-256 into a path or key', async () => {
    const { store } = make();
    expect(await store.open('../../etc/passwd')).toBeUndefined();
    expect(await store.open('A'.repeat(64))).toBeUndefined();
  });
});
